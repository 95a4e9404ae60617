import { randomUUID } from 'node:crypto'
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import type Database from 'better-sqlite3'
import { z } from 'zod'
import { isTwoKeysError } from '../domain/TwoKeysError.js'
import { loadBetterSqlite3 } from '../stores/optionalModule.js'
import type { Notice } from './ClassroomFeed.js'
import { classroomError } from './classroomMessages.js'
import type { SavedSession, SessionOwner, SessionRecord, Student } from './SessionRecord.js'

/** The layout of the classroom's own tables; a file of another layout is refused, not guessed at. */
const FORMAT = 1

const TABLES = `
CREATE TABLE IF NOT EXISTS classroom_session (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  format INTEGER NOT NULL,
  id TEXT NOT NULL,
  teacher_token TEXT NOT NULL,
  join_code TEXT NOT NULL,
  policy_id TEXT NOT NULL,
  policy_hash TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  clock INTEGER NOT NULL,
  ended INTEGER NOT NULL DEFAULT 0,
  institution_keys TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS classroom_students (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  key_id TEXT NOT NULL UNIQUE,
  student TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS classroom_notices (
  seq INTEGER PRIMARY KEY,
  notice TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS classroom_owner (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  instance TEXT NOT NULL,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  since INTEGER NOT NULL,
  seen_at INTEGER NOT NULL
);`

/** How often a server that holds a file says it is still there. */
export const OWNER_HEARTBEAT_MS = 10_000
/** A claim from another machine whose server has not said so for this long is stale. */
export const OWNER_STALE_MS = 3 * OWNER_HEARTBEAT_MS

const OwnerRowSchema = z.object({
  instance: z.string(),
  pid: z.number().int(),
  host: z.string(),
  since: z.number().int(),
  seen_at: z.number().int(),
})

/**
 * Whether the server that claimed a file is still there: on this machine, whether its process
 * runs (a signal 0 reaches it, or it is another user's); on another, whether it said so within
 * {@link OWNER_STALE_MS}.
 */
export function ownerIsLive(owner: SessionOwner, now: number, host = hostname()): boolean {
  if (owner.host === host) {
    try {
      process.kill(owner.pid, 0)
      return true
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM'
    }
  }
  return now - owner.seenAt < OWNER_STALE_MS
}

const HeadRowSchema = z.object({
  format: z.literal(FORMAT),
  id: z.string().min(1),
  teacher_token: z.string().min(1),
  join_code: z.string().min(1),
  policy_id: z.string(),
  policy_hash: z.string(),
  started_at: z.number().int(),
  clock: z.number().int(),
  ended: z.union([z.literal(0), z.literal(1)]),
  institution_keys: z.string(),
})

const PrivateKeyListSchema = z.array(
  z.object({ kid: z.string(), principal: z.string(), d: z.string(), x: z.string() }).loose(),
)

const StudentSchema = z.object({
  role: z.string(),
  name: z.string(),
  keyId: z.string(),
  publicKey: z.string(),
  inKeyring: z.boolean(),
  joinedAt: z.number(),
})

const NoticeSchema = z.object({ kind: z.string(), seq: z.number().int(), at: z.number() }).loose()

/** The names of the tables in a file that is there already, read without writing a byte; a file SQLite cannot read is refused. */
function tablesIn(path: string): string[] {
  const Sqlite = loadBetterSqlite3()
  try {
    const peek = new Sqlite(path, { readonly: true, fileMustExist: true })
    try {
      return peek.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
    } finally {
      peek.close()
    }
  } catch (error) {
    throw classroomError('CONFIG_INVALID', 'classroom.notSessionFile', {
      path,
      problem: `SQLite cannot read it (${(error as Error).message})`,
    })
  }
}

/** A value read from the file, parsed, or a clear error naming the file and what is wrong in it. */
function read<T>(path: string, what: string, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    const problem =
      error instanceof z.ZodError
        ? error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')
        : (error as Error).message
    throw classroomError('CONFIG_INVALID', 'classroom.notSessionFile', {
      path,
      problem: `${what} does not read (${problem})`,
    })
  }
}

/**
 * Keeps a classroom session in its SQLite file, beside the engine's tables (its own connection,
 * in WAL mode with `synchronous = FULL`, as the store's): the head, the clock, the roster and the
 * feed, each written when it changes. A file that is there already must be a classroom session's
 * (or empty): anything else — another program's database, a twokeys store of `serve`, a file that
 * is not SQLite — is refused with CONFIG_INVALID before a byte of it is written. The file holds
 * the session's institution keys and teacher token, so a new file is made readable by its owner only.
 *
 * @example
 * const record = sqliteSessionRecord('lesson.db')
 * record.load() // null for a new file, else the session to resume
 */
export function sqliteSessionRecord(path: string): SessionRecord {
  const there = existsSync(path) && (statSync(path).size > 0 || existsSync(`${path}-wal`))
  if (there) {
    const tables = tablesIn(path)
    if (!tables.includes('classroom_session'))
      throw classroomError('CONFIG_INVALID', 'classroom.foreignFile', {
        path,
        tables: tables.filter((t) => !t.startsWith('sqlite_')),
      })
  } else {
    // Made here, owner-only (SQLite gives its -wal and -shm files the same mode).
    if (!existsSync(path)) writeFileSync(path, '', { mode: 0o600, flag: 'wx' })
    else
      try {
        chmodSync(path, 0o600)
      } catch {
        // Not ours to change (another owner): SQLite still opens it if it may.
      }
  }
  const Sqlite = loadBetterSqlite3()
  let db: Database.Database
  try {
    db = new Sqlite(path)
    db.pragma('busy_timeout = 5000')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec(TABLES)
  } catch (error) {
    throw classroomError('CONFIG_INVALID', 'classroom.notSessionFile', {
      path,
      problem: (error as Error).message,
    })
  }
  const sql = {
    head: db.prepare('SELECT * FROM classroom_session WHERE one = 1'),
    begin: db.prepare(
      `INSERT INTO classroom_session (one, format, id, teacher_token, join_code, policy_id, policy_hash, started_at, clock, ended, institution_keys)
       VALUES (1, ${FORMAT}, @id, @teacherToken, @joinCode, @policyId, @policyHash, @startedAt, @startedAt, 0, @keys)`,
    ),
    students: db.prepare('SELECT student FROM classroom_students ORDER BY position').pluck(),
    notices: db.prepare('SELECT notice FROM classroom_notices ORDER BY seq').pluck(),
    notice: db.prepare('INSERT INTO classroom_notices (seq, notice) VALUES (?, ?)'),
    seat: db.prepare('INSERT INTO classroom_students (key_id, student) VALUES (?, ?)'),
    unseat: db.prepare('DELETE FROM classroom_students WHERE key_id = ?'),
    clock: db.prepare('UPDATE classroom_session SET clock = ? WHERE one = 1'),
    owner: db.prepare('SELECT * FROM classroom_owner WHERE one = 1'),
    claim: db.prepare(
      'INSERT OR REPLACE INTO classroom_owner (one, instance, pid, host, since, seen_at) VALUES (1, @instance, @pid, @host, @since, @since)',
    ),
    beat: db.prepare('UPDATE classroom_owner SET seen_at = ? WHERE one = 1 AND instance = ?'),
    release: db.prepare('DELETE FROM classroom_owner WHERE one = 1 AND instance = ?'),
    end: db.prepare('UPDATE classroom_session SET ended = 1 WHERE one = 1'),
  }
  const write = (work: () => unknown) => {
    try {
      work()
    } catch (error) {
      throw classroomError('STORE_FAILED', 'classroom.cannotWrite', {
        path,
        problem: (error as Error).message,
      })
    }
  }
  let claimed: { instance: string; heartbeat: NodeJS.Timeout } | null = null
  /** Reads the owner and takes the file in one IMMEDIATE transaction: two servers starting at once cannot both win. */
  const takeOver = db.transaction((instance: string, now: number): SessionOwner | null => {
    const row = sql.owner.get()
    let previous: SessionOwner | null = null
    if (row !== undefined) {
      const parsed = read(path, 'the owner row', () => OwnerRowSchema.parse(row))
      previous = {
        instance: parsed.instance,
        pid: parsed.pid,
        host: parsed.host,
        since: parsed.since,
        seenAt: parsed.seen_at,
      }
      if (ownerIsLive(previous, now))
        throw classroomError('CONFLICT', 'classroom.inUse', {
          path,
          pid: previous.pid,
          host: previous.host,
          since: new Date(previous.since).toISOString().slice(0, 19).replace('T', ' '),
        })
    }
    sql.claim.run({ instance, pid: process.pid, host: hostname(), since: now })
    return previous
  })
  return {
    path,
    claim(): SessionOwner | null {
      if (claimed !== null) return null
      const instance = randomUUID()
      let previous: SessionOwner | null = null
      try {
        previous = takeOver.immediate(instance, Date.now())
      } catch (error) {
        if (isTwoKeysError(error)) throw error
        throw classroomError('STORE_FAILED', 'classroom.cannotWrite', {
          path,
          problem: (error as Error).message,
        })
      }
      const heartbeat = setInterval(() => {
        try {
          sql.beat.run(Date.now(), instance)
        } catch {
          // A busy or full disk: the next write of the session says so; a missed beat only ages the claim.
        }
      }, OWNER_HEARTBEAT_MS)
      heartbeat.unref()
      claimed = { instance, heartbeat }
      return previous
    },
    load(): SavedSession | null {
      const row = sql.head.get()
      if (row === undefined) return null
      const head = read(path, 'the session row', () => HeadRowSchema.parse(row))
      const institutionKeys = read(path, 'the institution keys', () =>
        PrivateKeyListSchema.parse(JSON.parse(head.institution_keys)),
      )
      const students = (sql.students.all() as string[]).map(
        (text, i) => read(path, `student ${i + 1}`, () => StudentSchema.parse(JSON.parse(text))) as Student,
      )
      const notices = (sql.notices.all() as string[]).map((text, i) =>
        read(path, `notice ${i + 1}`, () => {
          const notice = NoticeSchema.parse(JSON.parse(text))
          if (notice.seq !== i + 1) throw new Error(`it has seq ${notice.seq}, where ${i + 1} was expected`)
          return notice as unknown as Notice
        }),
      )
      return {
        id: head.id,
        teacherToken: head.teacher_token,
        joinCode: head.join_code,
        policyId: head.policy_id,
        policyHash: head.policy_hash,
        startedAt: head.started_at,
        clock: head.clock,
        ended: head.ended === 1,
        institutionKeys: institutionKeys as SavedSession['institutionKeys'],
        students,
        notices,
      }
    },
    begin: (head) =>
      write(() =>
        sql.begin.run({
          id: head.id,
          teacherToken: head.teacherToken,
          joinCode: head.joinCode,
          policyId: head.policyId,
          policyHash: head.policyHash,
          startedAt: head.startedAt,
          keys: JSON.stringify(head.institutionKeys),
        }),
      ),
    notice: (notice) => write(() => sql.notice.run(notice.seq, JSON.stringify(notice))),
    seat: (student) => write(() => sql.seat.run(student.keyId, JSON.stringify(student))),
    unseat: (keyId) => write(() => sql.unseat.run(keyId)),
    clock: (at) => write(() => sql.clock.run(at)),
    end: () => write(() => sql.end.run()),
    close: () => {
      if (claimed !== null) {
        clearInterval(claimed.heartbeat)
        try {
          if (db.open) sql.release.run(claimed.instance)
        } catch {
          // Left behind, the claim is stale once this process is gone, and the next server takes it over.
        }
        claimed = null
      }
      if (db.open) db.close()
    },
  }
}
