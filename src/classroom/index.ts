// `twokeys/classroom`: the live classroom server (twokeys classroom) as a library — run it inside your own program.

export { CLASSROOM_MESSAGES } from './classroomMessages.js'
export { CLASSROOM_MESSAGES_RU } from './classroomMessages.ru.js'
export { sessionUrls } from './classroomRoutes.js'
export { type ClassroomServerOptions, createClassroomServer } from './createClassroomServer.js'
