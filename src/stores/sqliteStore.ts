import { existsSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { eventHash } from '../domain/eventHash.js'
import { isTwoKeysError, TwoKeysError } from '../domain/TwoKeysError.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { LogLeaf } from '../tlog/logLeaf.js'
import { appendNotices } from './appendNotices.js'
import { checkCosignatureLine, sameCheckpointOrFail, withCosignatures } from './checkpointRules.js'
import { exclusiveInProcess } from './exclusiveInProcess.js'
import { leafState } from './leafState.js'
import type { Migration } from './migrations/Migration.js'
import { sqliteMigrations } from './migrations/sqliteMigrations.js'
import { loadBetterSqlite3 } from './optionalModule.js'
import type {
  CommandEntry,
  CommandOutcome,
  RecordedEvent,
  RefusalInput,
  Store,
  StoredCheckpoint,
  StoredKeyringChange,
  StoredSnapshot,
  StoreLog,
} from './Store.js'
import {
  type EventRow,
  fromEventRow,
  fromRefusalRow,
  fromSnapshotRow,
  parseStoredJson,
  type RefusalRow,
  type SnapshotRow,
  toEventRow,
  toRefusalRow,
} from './storedRows.js'

export interface SqliteStoreOptions {
  /** Fail with NOT_FOUND instead of creating a new database (for tools that only read). */
  mustExist?: boolean
  /** How long a write waits for another process's lock before failing; 5000 ms by default. */
  busyTimeoutMs?: number
}

type Db = Database.Database

function fail(path: string, doing: string, cause: unknown): TwoKeysError {
  if (isTwoKeysError(cause)) return cause
  const reason = cause instanceof Error ? cause.message : String(cause)
  return new TwoKeysError(
    'STORE_FAILED',
    `SQLite store "${path}" failed to ${doing}: ${reason}; nothing was half-written (each call is one transaction), check the file and retry`,
    { cause },
  )
}

function open(path: string, options: SqliteStoreOptions): Db {
  if (options.mustExist === true && path !== ':memory:' && !existsSync(path)) {
    throw new TwoKeysError('NOT_FOUND', `no database "${path}"; check the path`)
  }
  const db = new (loadBetterSqlite3())(path)
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`)
    db.pragma('journal_mode = WAL')
    // FULL: the WAL is synced on every commit, so an acknowledged command survives power loss too.
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    migrate(db, sqliteMigrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Applies the migrations not yet applied, each in its own write transaction (other processes wait). */
function migrate(db: Db, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS twokeys_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const applied = db.prepare('SELECT 1 FROM twokeys_migrations WHERE version = ?')
  const record = db.prepare(
    "INSERT INTO twokeys_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ'))",
  )
  for (const migration of migrations) {
    db.transaction(() => {
      if (applied.get(migration.version) !== undefined) return
      db.exec(migration.sql)
      record.run(migration.version, migration.name)
    }).immediate()
  }
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Error &&
  'code' in error &&
  (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')

/**
 * The embedded durable store: one SQLite file, in WAL mode with `synchronous = FULL`, one
 * transaction per command. When a command returns, its event, its command id and its hash-chain
 * link are on disk. Several processes may share the file (optimistic concurrency: a stale append
 * fails with CONFLICT); for many machines use `postgresStore`.
 *
 * @example
 * import { sqliteStore } from 'twokeys/stores/sqlite'
 * const engine = createEngine({ policy, store: sqliteStore('twokeys.db') })
 */
export function sqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  let db: Db
  try {
    db = open(path, options)
  } catch (error) {
    throw fail(path, 'open', error)
  }

  const eventColumns =
    'initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash, command, keyring'
  const refusalColumns =
    'initiative_id, command_id, command_hash, command, at, code, reasons, prev_hash, hash'
  const sql = {
    head: db.prepare<[string], { seq: number | null }>(
      'SELECT max(seq) AS seq FROM events WHERE initiative_id = ?',
    ),
    events: db.prepare<[string, number], EventRow>(
      `SELECT ${eventColumns} FROM events WHERE initiative_id = ? AND seq > ? ORDER BY seq`,
    ),
    insertEvent: db.prepare<[EventRow], unknown>(
      `INSERT INTO events (${eventColumns}) VALUES (@initiative_id, @seq, @command_id, @command_hash, @event, @policy_hash, @revision, @prev_hash, @hash, @command, @keyring)`,
    ),
    insertCommand: db.prepare<[string, string | null, string], unknown>(
      'INSERT INTO commands (command_id, initiative_id, outcome) VALUES (?, ?, ?)',
    ),
    initiatives: db.prepare<[], { initiative_id: string }>(
      'SELECT initiative_id FROM events GROUP BY initiative_id ORDER BY min(position)',
    ),
    outcome: db.prepare<[string], { outcome: string }>('SELECT outcome FROM commands WHERE command_id = ?'),
    eventByCommand: db.prepare<[string], EventRow>(`SELECT ${eventColumns} FROM events WHERE command_id = ?`),
    refusalByCommand: db.prepare<[string], RefusalRow>(
      `SELECT ${refusalColumns} FROM refusals WHERE command_id = ? ORDER BY position LIMIT 1`,
    ),
    insertRefusal: db.prepare<[RefusalRow], unknown>(
      `INSERT INTO refusals (${refusalColumns}) VALUES (@initiative_id, @command_id, @command_hash, @command, @at, @code, @reasons, @prev_hash, @hash)`,
    ),
    lastRefusalHash: db.prepare<[], { hash: string }>(
      'SELECT hash FROM refusals ORDER BY position DESC LIMIT 1',
    ),
    commandIndex: db.prepare<[], { command_id: string; initiative_id: string | null; outcome: string }>(
      'SELECT command_id, initiative_id, outcome FROM commands ORDER BY command_id',
    ),
    allRefusals: db.prepare<[], RefusalRow>(`SELECT ${refusalColumns} FROM refusals ORDER BY position`),
    refusalsOf: db.prepare<[string], RefusalRow>(
      `SELECT ${refusalColumns} FROM refusals WHERE initiative_id = ? ORDER BY position`,
    ),
    putPolicy: db.prepare<[string, string], unknown>(
      'INSERT INTO policies (hash, policy) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING',
    ),
    getPolicy: db.prepare<[string], { policy: string }>('SELECT policy FROM policies WHERE hash = ?'),
    saveSnapshot: db.prepare<[string, number, string, string, string, string], unknown>(
      `INSERT INTO snapshots (initiative_id, seq, hash, policy_hash, state, seal) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (initiative_id, seq) DO NOTHING`,
    ),
    loadSnapshot: db.prepare<[string, number], SnapshotRow>(
      'SELECT initiative_id, seq, hash, policy_hash, state, seal FROM snapshots WHERE initiative_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
    ),
    keyringHead: db.prepare<[], { version: number | null }>(
      'SELECT max(version) AS version FROM keyring_changes',
    ),
    insertKeyringChange: db.prepare<[number, string], unknown>(
      'INSERT INTO keyring_changes (version, change) VALUES (?, ?)',
    ),
    keyringChanges: db.prepare<[number], { version: number; change: string }>(
      'SELECT version, change FROM keyring_changes WHERE version > ? ORDER BY version',
    ),
    logSize: db.prepare<[], { size: number }>('SELECT coalesce(max(idx) + 1, 0) AS size FROM log'),
    insertLeaf: db.prepare<[number, number | bigint, string | null], unknown>(
      'INSERT INTO log (idx, position, state) VALUES (?, ?, ?)',
    ),
    leaves: db.prepare<
      [number, number],
      { initiative_id: string; seq: number; hash: string; state: string | null }
    >(
      `SELECT e.initiative_id, e.seq, e.hash, l.state FROM log l JOIN events e ON e.position = l.position
       WHERE l.idx >= ? AND l.idx < ? ORDER BY l.idx`,
    ),
    placesOf: db.prepare<[string], { idx: number; state: string | null }>(
      'SELECT l.idx, l.state FROM events e JOIN log l ON l.position = e.position WHERE e.initiative_id = ? ORDER BY e.seq',
    ),
    checkpointNote: db.prepare<[number], { note: string }>('SELECT note FROM checkpoints WHERE size = ?'),
    insertCheckpoint: db.prepare<[number, string], unknown>(
      'INSERT INTO checkpoints (size, note) VALUES (?, ?)',
    ),
    insertCosignature: db.prepare<[number, string], unknown>(
      'INSERT INTO cosignatures (size, line) VALUES (?, ?) ON CONFLICT (size, line) DO NOTHING',
    ),
    checkpoints: db.prepare<[], { size: number; note: string }>(
      'SELECT size, note FROM checkpoints ORDER BY size',
    ),
    latestCheckpoint: db.prepare<[], { size: number; note: string }>(
      'SELECT size, note FROM checkpoints ORDER BY size DESC LIMIT 1',
    ),
    cosignaturesOf: db.prepare<[number], { line: string }>(
      'SELECT line FROM cosignatures WHERE size = ? ORDER BY position',
    ),
    cursor: db.prepare<[string], { position: number }>('SELECT position FROM log_cursors WHERE name = ?'),
    setCursor: db.prepare<[string, number], unknown>(
      `INSERT INTO log_cursors (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = max(position, excluded.position)`,
    ),
    allSnapshots: db.prepare<[], SnapshotRow>(
      'SELECT initiative_id, seq, hash, policy_hash, state, seal FROM snapshots ORDER BY initiative_id, seq',
    ),
  }

  const append = db.transaction(
    (initiativeId: string, expectedSeq: number, events: RecordedEvent[], state: string | null) => {
      const at = sql.head.get(initiativeId)?.seq ?? 0
      if (at !== expectedSeq) {
        throw new TwoKeysError(
          'CONFLICT',
          `initiative "${initiativeId}" is at event ${at}, not ${expectedSeq}: another command was stored first; re-read and retry`,
        )
      }
      // The write lock is held, so the log's next leaves are ours: indexes follow the commit order.
      const size = sql.logSize.get()?.size ?? 0
      events.forEach((event, i) => {
        if (event.initiativeId !== initiativeId || event.seq !== expectedSeq + i + 1) {
          throw new TwoKeysError(
            'INTERNAL',
            `refusing to append event seq ${event.seq} of "${event.initiativeId}" to "${initiativeId}" at seq ${expectedSeq + i + 1}: events must follow on`,
          )
        }
        const inserted = sql.insertEvent.run(toEventRow(event)) as Database.RunResult
        sql.insertLeaf.run(size + i, inserted.lastInsertRowid, i === events.length - 1 ? state : null)
        sql.insertCommand.run(event.commandId, initiativeId, 'accepted')
      })
    },
  )
  const appendKeyringChange = db.transaction((entry: StoredKeyringChange) => {
    const at = sql.keyringHead.get()?.version ?? 0
    if (entry.version !== at + 1) {
      throw new TwoKeysError(
        'CONFLICT',
        `the keyring is at version ${at}, so the next change makes version ${at + 1}, not ${entry.version}; re-read the keyring and make the change again`,
      )
    }
    sql.insertKeyringChange.run(entry.version, JSON.stringify(entry.change))
  })

  // One transaction: the id check, the chain link and the insert see the same security log.
  const recordRefusal = db.transaction((refusal: RefusalInput): CommandOutcome | undefined => {
    const earlier = findCommand(refusal.commandId)
    if (earlier !== undefined) return earlier
    const unsigned = { ...refusal, prevHash: sql.lastRefusalHash.get()?.hash ?? '' }
    sql.insertRefusal.run(toRefusalRow({ ...unsigned, hash: eventHash(unsigned) }))
    sql.insertCommand.run(refusal.commandId, refusal.initiativeId, 'refused')
    return undefined
  })

  const saveCheckpoint = db.transaction(({ size, note }: StoredCheckpoint) => {
    const found = sql.checkpointNote.get(size)
    if (found !== undefined) sameCheckpointOrFail(size, found.note, note)
    else sql.insertCheckpoint.run(size, note)
  })
  const addCosignatures = db.transaction((size: number, lines: readonly string[]) => {
    if (sql.checkpointNote.get(size) === undefined)
      throw new TwoKeysError('NOT_FOUND', `no checkpoint of size ${size} is stored; publish it first`)
    for (const line of lines.map(checkCosignatureLine)) sql.insertCosignature.run(size, line)
  })
  const withItsCosignatures = (row: { size: number; note: string }): StoredCheckpoint => ({
    size: row.size,
    note: withCosignatures(
      row.note,
      sql.cosignaturesOf.all(row.size).map((r) => r.line),
    ),
  })
  const notices = appendNotices()
  const log: StoreLog = {
    size: () => run('read the log size', () => sql.logSize.get()?.size ?? 0),
    leaves: (from, to) =>
      run('read the log', () =>
        sql.leaves.all(from, to).map((r): LogLeaf => {
          const leaf = { initiativeId: r.initiative_id, seq: r.seq, hash: r.hash }
          return r.state === null ? leaf : { ...leaf, state: r.state }
        }),
      ),
    placesOf: (initiativeId) =>
      run('read log places', () =>
        sql.placesOf
          .all(initiativeId)
          .map((r) => (r.state === null ? { index: r.idx } : { index: r.idx, state: r.state })),
      ),
    saveCheckpoint: (checkpoint) => run('store a checkpoint', () => saveCheckpoint.immediate(checkpoint)),
    addCosignatures: (size, lines) => run('store cosignatures', () => addCosignatures.immediate(size, lines)),
    latestCheckpoint: () =>
      run('read the latest checkpoint', () => {
        const row = sql.latestCheckpoint.get()
        return row === undefined ? undefined : withItsCosignatures(row)
      }),
    checkpoints: () => run('read checkpoints', () => sql.checkpoints.all().map(withItsCosignatures)),
    cursor: (name) => run('read a log cursor', () => sql.cursor.get(name)?.position ?? 0),
    setCursor: (name, position) =>
      run('move a log cursor', () => {
        sql.setCursor.run(name, position)
      }),
    exclusive: exclusiveInProcess(),
  }

  function findCommand(commandId: string): CommandOutcome | undefined {
    // The common case, a new command id, costs one primary-key lookup.
    if (sql.outcome.get(commandId) === undefined) return undefined
    const event = sql.eventByCommand.get(commandId)
    if (event !== undefined) return { kind: 'accepted', event: fromEventRow(event) }
    const refusal = sql.refusalByCommand.get(commandId)
    if (refusal !== undefined) return { kind: 'refused', refusal: fromRefusalRow(refusal) }
    return undefined
  }

  /** Runs one statement or transaction, turning driver errors into TwoKeysErrors. */
  const run = async <T>(doing: string, work: () => T): Promise<T> => {
    try {
      return work()
    } catch (error) {
      throw fail(path, doing, error)
    }
  }

  return {
    kind: 'sqlite',
    readEvents: (initiativeId, afterSeq = 0) =>
      run('read events', () => sql.events.all(initiativeId, afterSeq).map(fromEventRow)),
    append: (initiativeId, expectedSeq, events, options) =>
      run('append', () => {
        const state = leafState(options, events.at(-1)?.seq)
        try {
          // IMMEDIATE takes the write lock first, so the head read and the insert see the same log.
          append.immediate(initiativeId, expectedSeq, events, state)
          const last = events.at(-1)
          if (last !== undefined) notices.notify({ initiativeId, seq: last.seq })
        } catch (error) {
          if (!isUniqueViolation(error)) throw error
          throw new TwoKeysError(
            'CONFLICT',
            `initiative "${initiativeId}" already has event ${expectedSeq + 1}, or command "${events[0]?.commandId}" is already stored: re-read and retry`,
            { cause: error },
          )
        }
      }),
    listInitiatives: () => run('list initiatives', () => sql.initiatives.all().map((r) => r.initiative_id)),
    findCommand: (commandId) => run('find a command', () => findCommand(commandId)),
    recordRefusal: (refusal) => run('record a refusal', () => recordRefusal.immediate(refusal)),
    appendKeyringChange: (entry) => run('store a keyring change', () => appendKeyringChange.immediate(entry)),
    keyringChanges: (afterVersion = 0) =>
      run('read keyring changes', () =>
        sql.keyringChanges
          .all(afterVersion)
          .map((r): StoredKeyringChange => ({ version: r.version, change: parseStoredJson(r.change) })),
      ),
    commandIndex: () =>
      run('read the command index', () =>
        sql.commandIndex.all().map(
          (r): CommandEntry => ({
            commandId: r.command_id,
            initiativeId: r.initiative_id,
            outcome: r.outcome as CommandEntry['outcome'],
          }),
        ),
      ),
    refusals: (initiativeId) =>
      run('read refusals', () =>
        (initiativeId === undefined ? sql.allRefusals.all() : sql.refusalsOf.all(initiativeId)).map(
          fromRefusalRow,
        ),
      ),
    putPolicy: (hash, policy) =>
      run('store a policy', () => {
        sql.putPolicy.run(hash, JSON.stringify(policy))
      }),
    getPolicy: (hash) =>
      run('read a policy', () => {
        const row = sql.getPolicy.get(hash)
        return row === undefined ? undefined : (parseStoredJson(row.policy) as Policy)
      }),
    saveSnapshot: (initiativeId, snapshot) =>
      run('save a snapshot', () => {
        sql.saveSnapshot.run(
          initiativeId,
          snapshot.seq,
          snapshot.hash,
          snapshot.policyHash,
          JSON.stringify(snapshot.state),
          snapshot.seal,
        )
      }),
    loadSnapshot: (initiativeId, maxSeq = Number.MAX_SAFE_INTEGER) =>
      run('load a snapshot', (): StoredSnapshot | undefined => {
        const row = sql.loadSnapshot.get(initiativeId, maxSeq)
        return row === undefined ? undefined : fromSnapshotRow(row)
      }),
    snapshots: () => run('read snapshots', () => sql.allSnapshots.all().map(fromSnapshotRow)),
    watch: notices.watch,
    log,
    close: () =>
      run('close', () => {
        if (db.open) db.close()
      }),
  }
}
