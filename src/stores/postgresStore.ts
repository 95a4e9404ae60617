import type pg from 'pg'
import { eventHash } from '../domain/eventHash.js'
import type { Policy } from '../policy/PolicySchema.js'
import { leafState } from './leafState.js'
import { postgresConnection } from './postgresConnection.js'
import { postgresListener } from './postgresListener.js'
import { postgresLog } from './postgresLog.js'
import { APPEND, EVENT_COLUMNS, REFUSAL_COLUMNS, SNAPSHOT_COLUMNS } from './postgresStatements.js'
import type { CommandEntry, CommandOutcome, RefusalInput, Store, StoredSnapshot } from './Store.js'
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
import { storeError } from './storeMessages.js'

export interface PostgresStoreOptions {
  /** The schema that holds the tables, created if missing; the server's default (`public`) otherwise. */
  schema?: string
  /** Connections kept open by this process; 10 by default. */
  poolSize?: number
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/
/**
 * The shared durable store: many engine processes, on one or many machines, share one PostgreSQL
 * database. Every append is one statement (one transaction) guarded by the initiative's head and
 * by UNIQUE (initiative_id, seq), so two processes can never both store event n: the later one
 * fails with CONFLICT and the engine re-reads and re-offers its command. The store creates and
 * upgrades its tables itself (versioned migrations, under an advisory lock). Commits wait for
 * the server's WAL flush (`synchronous_commit = on`).
 *
 * @example
 * import { postgresStore } from 'twokeys/stores/postgres'
 * const engine = createEngine({ policy, store: postgresStore(process.env.DATABASE_URL!) })
 */
export function postgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const { schema } = options
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw storeError('STORE_FAILED', 'store.schemaName', { schema: JSON.stringify(schema) })
  }
  const connection = postgresConnection(url, options)
  const { pool, query, inTransaction } = connection

  async function findCommand(commandId: string): Promise<CommandOutcome | undefined> {
    // One round trip: the accepted event, else the first refusal.
    const [row] = await query<{ event: EventRow | null; refusal: RefusalRow | null }>(
      'find a command',
      `SELECT (SELECT row_to_json(e) FROM (SELECT ${EVENT_COLUMNS} FROM events WHERE command_id = $1) e) AS event,
              (SELECT row_to_json(r) FROM (SELECT ${REFUSAL_COLUMNS} FROM refusals WHERE command_id = $1
                 ORDER BY position LIMIT 1) r) AS refusal`,
      [commandId],
    )
    if (row?.event) return { kind: 'accepted', event: fromEventRow(row.event) }
    if (row?.refusal) return { kind: 'refused', refusal: fromRefusalRow(row.refusal) }
    return undefined
  }

  /**
   * Claims the command id for a refusal and chains the refusal onto the security log, or answers
   * 'taken' when the id already has an outcome (then nothing is written).
   */
  async function claimAndRecord(client: pg.PoolClient, refusal: RefusalInput): Promise<'taken' | 'recorded'> {
    // One writer of the security log at a time, so its chain has a single head.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `twokeys:refusals:${schema ?? 'default'}`,
    ])
    const claimed = await client.query(
      `INSERT INTO commands (command_id, initiative_id, outcome) VALUES ($1, $2, 'refused')
       ON CONFLICT (command_id) DO NOTHING RETURNING command_id`,
      [refusal.commandId, refusal.initiativeId],
    )
    if (claimed.rowCount === 0) return 'taken'
    const last = await client.query<{ hash: string }>(
      'SELECT hash FROM refusals ORDER BY position DESC LIMIT 1',
    )
    const unsigned = { ...refusal, prevHash: last.rows[0]?.hash ?? '' }
    const row = toRefusalRow({ ...unsigned, hash: eventHash(unsigned) })
    await client.query(
      `INSERT INTO refusals (${REFUSAL_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        row.initiative_id,
        row.command_id,
        row.command_hash,
        row.command,
        row.at,
        row.code,
        row.reasons,
        row.prev_hash,
        row.hash,
      ],
    )
    return 'recorded'
  }

  // Appends are announced on a channel of this schema, so stores in other schemas do not hear them.
  const channel = `twokeys_appended_${schema ?? 'public'}`
  const listener = postgresListener(url, pool, channel)

  return {
    kind: 'postgres',
    async readEvents(initiativeId, afterSeq = 0) {
      const rows = await query<EventRow>(
        'read events',
        `SELECT ${EVENT_COLUMNS} FROM events WHERE initiative_id = $1 AND seq > $2 ORDER BY seq`,
        [initiativeId, afterSeq],
      )
      return rows.map(fromEventRow)
    },
    async append(initiativeId, expectedSeq, events, options) {
      const state = leafState(options, events.at(-1)?.seq)
      events.forEach((event, i) => {
        if (event.initiativeId !== initiativeId || event.seq !== expectedSeq + i + 1) {
          throw storeError('INTERNAL', 'store.eventsMustFollow', {
            seq: event.seq,
            of: event.initiativeId,
            initiative: initiativeId,
            at: expectedSeq + i + 1,
          })
        }
      })
      const [row] = await query<{ at: string }>('append', APPEND, [
        initiativeId,
        JSON.stringify(events.map(toEventRow)),
        expectedSeq,
        channel,
        state,
      ])
      const at = Number(row?.at ?? 0)
      if (at !== expectedSeq) {
        throw storeError('CONFLICT', 'store.atOtherEvent', {
          initiative: initiativeId,
          at,
          expected: expectedSeq,
        })
      }
    },
    async listInitiatives() {
      const rows = await query<{ initiative_id: string }>(
        'list initiatives',
        'SELECT initiative_id FROM events GROUP BY initiative_id ORDER BY min(position)',
      )
      return rows.map((r) => r.initiative_id)
    },
    findCommand,
    async recordRefusal(refusal) {
      const earlier = await inTransaction('record a refusal', (client) => claimAndRecord(client, refusal))
      // The id was taken: its first outcome, committed before the claim was refused, is the answer.
      return earlier === 'taken' ? findCommand(refusal.commandId) : undefined
    },
    async appendKeyringChange(entry) {
      // The next version only: the primary key refuses a second writer of the same version.
      const [row] = await query<{ at: number | null }>(
        'store a keyring change',
        `WITH head AS (SELECT coalesce(max(version), 0) AS at FROM keyring_changes)
         INSERT INTO keyring_changes (version, change)
         SELECT $1, $2 FROM head WHERE head.at = $1 - 1
         RETURNING version AS at`,
        [entry.version, JSON.stringify(entry.change)],
      )
      if (row === undefined) {
        throw storeError('CONFLICT', 'store.keyringNotNext', { version: entry.version })
      }
    },
    async keyringChanges(afterVersion = 0) {
      const rows = await query<{ version: number; change: string }>(
        'read keyring changes',
        'SELECT version, change FROM keyring_changes WHERE version > $1 ORDER BY version',
        [afterVersion],
      )
      return rows.map((r) => ({ version: Number(r.version), change: parseStoredJson(r.change) }))
    },
    async commandIndex() {
      const rows = await query<{ command_id: string; initiative_id: string | null; outcome: string }>(
        'read the command index',
        'SELECT command_id, initiative_id, outcome FROM commands ORDER BY command_id',
      )
      return rows.map(
        (r): CommandEntry => ({
          commandId: r.command_id,
          initiativeId: r.initiative_id,
          outcome: r.outcome as CommandEntry['outcome'],
        }),
      )
    },
    async refusals(initiativeId) {
      const rows =
        initiativeId === undefined
          ? await query<RefusalRow>(
              'read refusals',
              `SELECT ${REFUSAL_COLUMNS} FROM refusals ORDER BY position`,
            )
          : await query<RefusalRow>(
              'read refusals',
              `SELECT ${REFUSAL_COLUMNS} FROM refusals WHERE initiative_id = $1 ORDER BY position`,
              [initiativeId],
            )
      return rows.map(fromRefusalRow)
    },
    async putPolicy(hash, policy) {
      await query(
        'store a policy',
        'INSERT INTO policies (hash, policy) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING',
        [hash, JSON.stringify(policy)],
      )
    },
    async getPolicy(hash) {
      const [row] = await query<{ policy: string }>(
        'read a policy',
        'SELECT policy FROM policies WHERE hash = $1',
        [hash],
      )
      return row === undefined ? undefined : (parseStoredJson(row.policy) as Policy)
    },
    async saveSnapshot(initiativeId, snapshot) {
      await query(
        'save a snapshot',
        `INSERT INTO snapshots (initiative_id, seq, hash, policy_hash, state, seal) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (initiative_id, seq) DO NOTHING`,
        [
          initiativeId,
          snapshot.seq,
          snapshot.hash,
          snapshot.policyHash,
          JSON.stringify(snapshot.state),
          snapshot.seal,
        ],
      )
    },
    async loadSnapshot(initiativeId, maxSeq = 2 ** 31 - 1): Promise<StoredSnapshot | undefined> {
      const [row] = await query<SnapshotRow>(
        'load a snapshot',
        `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE initiative_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1`,
        [initiativeId, maxSeq],
      )
      return row === undefined ? undefined : fromSnapshotRow(row)
    },
    async snapshots() {
      const rows = await query<SnapshotRow>(
        'read snapshots',
        `SELECT ${SNAPSHOT_COLUMNS} FROM snapshots ORDER BY initiative_id, seq`,
      )
      return rows.map(fromSnapshotRow)
    },
    consistentRead: connection.consistentRead,
    watch: listener.watch,
    log: postgresLog(connection),
    async close() {
      await listener.close()
      if (!pool.ended) await pool.end()
    },
  }
}
