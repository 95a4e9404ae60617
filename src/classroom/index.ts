// `twokeys/classroom`: the live classroom server (twokeys classroom) as a library — run it inside your own program.

export type { ClassroomSession } from './ClassroomSession.js'
export { CLASSROOM_MESSAGES } from './classroomMessages.js'
export { CLASSROOM_MESSAGES_RU } from './classroomMessages.ru.js'
export { sessionUrls } from './classroomRoutes.js'
export { type ClassroomServerOptions, createClassroomServer } from './createClassroomServer.js'
export {
  memorySessionRecord,
  type SavedSession,
  type SessionHead,
  type SessionRecord,
  type Student,
} from './SessionRecord.js'
export { sqliteSessionRecord } from './sqliteSessionRecord.js'
