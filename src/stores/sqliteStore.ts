import type Database from 'better-sqlite3'
import { eventHash } from '../domain/eventHash.js'
import type { Policy } from '../policy/PolicySchema.js'
import { appendNotices } from './appendNotices.js'
import { leafState } from './leafState.js'
import type {
  CommandEntry,
  CommandOutcome,
  RecordedEvent,
  RefusalInput,
  Store,
  StoredKeyringChange,
  StoredSnapshot,
} from './Store.js'
import {
  type Db,
  isUniqueViolation,
  openSqlite,
  type SqliteStoreOptions,
  sqliteFailure,
} from './sqliteDatabase.js'
import { sqliteLog } from './sqliteLog.js'
import { sqliteStatements } from './sqliteStatements.js'
import {
  fromEventRow,
  fromRefusalRow,
  fromSnapshotRow,
  parseStoredJson,
  toEventRow,
  toRefusalRow,
} from './storedRows.js'
import { type StoreDoing, storeError } from './storeMessages.js'

export type { SqliteStoreOptions }

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
    db = openSqlite(path, options)
  } catch (error) {
    throw sqliteFailure(path, 'open', error)
  }
  /** Runs one statement or transaction, turning driver errors into TwoKeysErrors. */
  const run = async <T>(doing: StoreDoing, work: () => T): Promise<T> => {
    try {
      return work()
    } catch (error) {
      throw sqliteFailure(path, doing, error)
    }
  }
  const sql = sqliteStatements(db)

  const append = db.transaction(
    (initiativeId: string, expectedSeq: number, events: RecordedEvent[], state: string | null) => {
      const at = sql.head.get(initiativeId)?.seq ?? 0
      if (at !== expectedSeq) {
        throw storeError('CONFLICT', 'store.atOtherEvent', {
          initiative: initiativeId,
          at,
          expected: expectedSeq,
        })
      }
      // The write lock is held, so the log's next leaves are ours: indexes follow the commit order.
      const size = sql.logSize.get()?.size ?? 0
      events.forEach((event, i) => {
        if (event.initiativeId !== initiativeId || event.seq !== expectedSeq + i + 1) {
          throw storeError('INTERNAL', 'store.eventsMustFollow', {
            seq: event.seq,
            of: event.initiativeId,
            initiative: initiativeId,
            at: expectedSeq + i + 1,
          })
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
      throw storeError('CONFLICT', 'store.keyringAtVersion', { at, version: entry.version })
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

  const notices = appendNotices()

  function findCommand(commandId: string): CommandOutcome | undefined {
    // The common case, a new command id, costs one primary-key lookup.
    if (sql.outcome.get(commandId) === undefined) return undefined
    const event = sql.eventByCommand.get(commandId)
    if (event !== undefined) return { kind: 'accepted', event: fromEventRow(event) }
    const refusal = sql.refusalByCommand.get(commandId)
    if (refusal !== undefined) return { kind: 'refused', refusal: fromRefusalRow(refusal) }
    return undefined
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
          throw storeError(
            'CONFLICT',
            'store.alreadyHasEvent',
            { initiative: initiativeId, seq: expectedSeq + 1, commandId: events[0]?.commandId },
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
    log: sqliteLog(db, sql, run),
    close: () =>
      run('close', () => {
        if (db.open) db.close()
      }),
  }
}
