// `twokeys/classroom`: the live classroom server (twokeys classroom) as a library — run it inside your own program.

export { sessionUrls } from './classroomRoutes.js'
export { type ClassroomServerOptions, createClassroomServer } from './createClassroomServer.js'
