import type { PrivateKeyFile } from '../identity/PrivateKeyFile.js'
import type { Notice } from './ClassroomFeed.js'

/** A student in the session: the role taken and the public half of the key made in their browser. */
export interface Student {
  role: string
  name: string
  keyId: string
  publicKey: string
  /** False for a forger: the key was never added to the keyring. */
  inKeyring: boolean
  joinedAt: number
}

/** What a session fixes when it opens and keeps for its whole life. */
export interface SessionHead {
  id: string
  teacherToken: string
  joinCode: string
  policyId: string
  /** The hash of the policy the session runs (with `identity: signed`): a resume needs the same. */
  policyHash: string
  startedAt: number
  /** The institutions' private keys: a resumed session signs keyring changes (and deputies) with them. */
  institutionKeys: PrivateKeyFile[]
}

/** Everything a session needs besides its engine's events, as last written. */
export interface SavedSession extends SessionHead {
  /** The session's clock (epoch ms) after the teacher's last jump. */
  clock: number
  ended: boolean
  /** The students seated now, in the order they joined. */
  students: Student[]
  /** The feed, oldest first (seq 1, 2 …). */
  notices: Notice[]
}

/** The server that holds a session's file: whoever claimed it last and has not let it go. */
export interface SessionOwner {
  /** A random id of the claiming record, new at each claim. */
  instance: string
  pid: number
  host: string
  /** When it claimed the file (epoch ms). */
  since: number
  /** When it last said it is still there (epoch ms; a live owner says so every few seconds). */
  seenAt: number
}

/**
 * Where a session keeps what is not an engine event — its head, the clock, the roster, the feed,
 * the ended flag — written as each changes, so a server started again on the same place resumes it.
 * `memorySessionRecord()` keeps nothing (the session dies with the server);
 * `sqliteSessionRecord(file)` keeps it in the session's own SQLite file.
 */
export interface SessionRecord {
  /** Where the session is kept, for messages; null when it is not kept. */
  readonly path: string | null
  /**
   * The server takes the place for itself before it reads or writes a session there: a place a
   * live server holds is refused (CONFLICT, nothing written); a claim whose server is gone (it
   * crashed or was killed) is taken over, and returned; null when nobody held it. `close()` lets
   * it go. Optional: a record that keeps nothing, or is shared by design, has none.
   */
  claim?(): SessionOwner | null
  /** The session kept here, or null when none has been opened here yet. */
  load(): SavedSession | null
  /** A session opens here: its head, before anything else is written. */
  begin(head: SessionHead): void
  notice(notice: Notice): void
  seat(student: Student): void
  unseat(keyId: string): void
  clock(at: number): void
  end(): void
  close(): void
}

/**
 * A record that keeps nothing: the session lives only in the server's memory.
 *
 * @example
 * createClassroomServer({ policy, storeFor: () => memoryStore() }) // recordFor defaults to this
 */
export function memorySessionRecord(): SessionRecord {
  return {
    path: null,
    load: () => null,
    begin: () => undefined,
    notice: () => undefined,
    seat: () => undefined,
    unseat: () => undefined,
    clock: () => undefined,
    end: () => undefined,
    close: () => undefined,
  }
}
