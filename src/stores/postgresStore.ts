import { AsyncLocalStorage } from 'node:async_hooks'
import { createHash } from 'node:crypto'
import type pg from 'pg'
import { eventHash } from '../domain/eventHash.js'
import { isTwoKeysError, TwoKeysError } from '../domain/TwoKeysError.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { LogLeaf } from '../tlog/logLeaf.js'
import { appendNotices } from './appendNotices.js'
import { checkCosignatureLine, sameCheckpointOrFail, withCosignatures } from './checkpointRules.js'
import { leafState } from './leafState.js'
import { postgresMigrations } from './migrations/postgresMigrations.js'
import { loadPg } from './optionalModule.js'
import type {
  CommandEntry,
  CommandOutcome,
  RefusalInput,
  Store,
  StoredCheckpoint,
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

export interface PostgresStoreOptions {
  /** The schema that holds the tables, created if missing; the server's default (`public`) otherwise. */
  schema?: string
  /** Connections kept open by this process; 10 by default. */
  poolSize?: number
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/
const EVENT_COLUMNS =
  'initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash, command, keyring'
const SNAPSHOT_COLUMNS = 'initiative_id, seq, hash, policy_hash, state, seal'
const REFUSAL_COLUMNS = 'initiative_id, command_id, command_hash, command, at, code, reasons, prev_hash, hash'

/** Where the server is, without the password, for messages. */
function describeServer(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`
  } catch {
    return 'the configured server'
  }
}

// One statement, hence one transaction: the head check, the events and their command ids.
const APPEND = `
  WITH head AS (SELECT coalesce(max(seq), 0) AS at FROM events WHERE initiative_id = $1),
  incoming AS (
    SELECT * FROM json_to_recordset($2::json) AS r(initiative_id text, seq integer, command_id text,
      command_hash text, event text, policy_hash text, revision text, prev_hash text, hash text,
      command text, keyring integer)),
  inserted AS (
    INSERT INTO events (${EVENT_COLUMNS})
    SELECT ${EVENT_COLUMNS} FROM incoming WHERE (SELECT at FROM head) = $3 ORDER BY seq
    RETURNING position, seq, command_id, initiative_id),
  commands_inserted AS (
    INSERT INTO commands (command_id, initiative_id, outcome)
    SELECT command_id, initiative_id, 'accepted' FROM inserted),
  -- The log's next indexes, after the events are in (the WHERE reads them): the row lock on
  -- log_head is held to COMMIT, so indexes are gapless and follow the commit order.
  counted AS (SELECT count(*) AS n FROM inserted),
  base AS (
    UPDATE log_head SET size = size + (SELECT n FROM counted)
    WHERE (SELECT n FROM counted) > 0
    RETURNING size - (SELECT n FROM counted) AS first),
  logged AS (
    INSERT INTO log (idx, position, state)
    SELECT (SELECT first FROM base) + row_number() OVER (ORDER BY seq) - 1, position,
      CASE WHEN seq = (SELECT max(seq) FROM inserted) THEN $5::text END FROM inserted),
  -- Every instance LISTENing hears of the append when it commits (live updates).
  notified AS (
    SELECT pg_notify($4, json_build_object('initiativeId', $1::text, 'seq', m.seq)::text)
    FROM (SELECT max(seq) AS seq FROM inserted) m WHERE m.seq IS NOT NULL)
  SELECT (SELECT at FROM head) AS at, (SELECT count(*) FROM notified) AS notified`

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
    throw new TwoKeysError(
      'STORE_FAILED',
      `schema name ${JSON.stringify(schema)} is not a plain lower-case SQL identifier; use a–z, 0–9 and _`,
    )
  }
  const server = describeServer(url)
  const settings = ['-c synchronous_commit=on']
  if (schema !== undefined) settings.push(`-c search_path=${schema}`)
  const { Pool } = loadPg()
  const pool = new Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: settings.join(' '),
  })
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {})

  function fail(doing: string, cause: unknown): TwoKeysError {
    if (isTwoKeysError(cause)) return cause
    const code = (cause as { code?: unknown }).code
    if (code === '23505' || code === '40001' || code === '40P01') {
      return new TwoKeysError(
        'CONFLICT',
        `another process stored the same event position or command id first (${doing}); re-read and retry`,
        { cause },
      )
    }
    const reason = cause instanceof Error ? cause.message : String(cause)
    return new TwoKeysError(
      'STORE_FAILED',
      `PostgreSQL store at ${server} failed to ${doing}: ${reason}; check that the server is reachable and retry (repeat commands with the same commandId: they are applied once)`,
      { cause },
    )
  }

  async function migrate(): Promise<void> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      // One migrator at a time per schema; the others wait here, then find nothing to do.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`twokeys:${schema ?? 'default'}`])
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
      await client.query(`CREATE TABLE IF NOT EXISTS twokeys_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
      const { rows } = await client.query<{ version: number }>('SELECT version FROM twokeys_migrations')
      const applied = new Set(rows.map((r) => r.version))
      for (const migration of postgresMigrations) {
        if (applied.has(migration.version)) continue
        await client.query(migration.sql)
        await client.query('INSERT INTO twokeys_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ])
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  let ready: Promise<void> | undefined
  const init = () => {
    ready ??= migrate().catch((error) => {
      ready = undefined
      throw error
    })
    return ready
  }

  // Every statement is prepared once per connection: the server parses and plans it only once.
  const names = new Map<string, string>()
  const nameOf = (text: string) => {
    let name = names.get(text)
    if (name === undefined) {
      name = `twokeys_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`
      names.set(text, name)
    }
    return name
  }

  // Inside consistentRead, every read goes to the one connection holding the snapshot.
  const snapshotClient = new AsyncLocalStorage<pg.PoolClient>()

  async function query<R extends pg.QueryResultRow>(doing: string, text: string, values: unknown[] = []) {
    try {
      await init()
      const on = snapshotClient.getStore() ?? pool
      return (await on.query<R>({ name: nameOf(text), text, values })).rows
    } catch (error) {
      throw fail(doing, error)
    }
  }

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

  /** Runs `work` in one transaction on one connection; rolls back on any error. */
  async function inTransaction<T>(doing: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      await init()
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    } catch (error) {
      throw fail(doing, error)
    }
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
  const notices = appendNotices()
  let listener: pg.Client | undefined
  let listening: Promise<void> | undefined

  /** One LISTENing connection per store, opened for the first watcher; re-opened after a drop. */
  function listen(): Promise<void> {
    listening ??= (async () => {
      const { Client } = loadPg()
      const client = new Client({ connectionString: url })
      client.on('notification', (message) => {
        try {
          const notice = JSON.parse(message.payload ?? '') as { initiativeId: string; seq: number }
          notices.notify({ initiativeId: notice.initiativeId, seq: Number(notice.seq) })
        } catch {
          notices.notify({ resync: true })
        }
      })
      client.on('error', () => {
        // Notices may have been missed while the connection was down: watchers re-read.
        listener = undefined
        listening = undefined
        client.end().catch(() => {})
        if (notices.size > 0 && !pool.ended)
          setTimeout(() => {
            if (notices.size > 0 && !pool.ended)
              listen().then(
                () => notices.notify({ resync: true }),
                () => {},
              )
          }, 1000).unref()
      })
      await client.connect()
      await client.query(`LISTEN "${channel}"`)
      listener = client
    })().catch((error) => {
      listening = undefined
      throw error
    })
    return listening
  }

  const COSIGNED = `SELECT c.size, c.note,
      coalesce((SELECT string_agg(line, E'\\n' ORDER BY position) FROM cosignatures s WHERE s.size = c.size), '') AS lines
    FROM checkpoints c`
  const toCheckpoint = (row: { size: string | number; note: string; lines: string }): StoredCheckpoint => ({
    size: Number(row.size),
    note: withCosignatures(row.note, row.lines === '' ? [] : row.lines.split('\n')),
  })
  const log: StoreLog = {
    async size() {
      const [row] = await query<{ size: string }>('read the log size', 'SELECT size FROM log_head')
      return Number(row?.size ?? 0)
    },
    async leaves(from, to) {
      const rows = await query<{ initiative_id: string; seq: number; hash: string; state: string | null }>(
        'read the log',
        `SELECT e.initiative_id, e.seq, e.hash, l.state FROM log l JOIN events e ON e.position = l.position
         WHERE l.idx >= $1 AND l.idx < $2 ORDER BY l.idx`,
        [from, to],
      )
      return rows.map((r): LogLeaf => {
        const leaf = { initiativeId: r.initiative_id, seq: r.seq, hash: r.hash }
        return r.state === null ? leaf : { ...leaf, state: r.state }
      })
    },
    async placesOf(initiativeId) {
      const rows = await query<{ idx: string; state: string | null }>(
        'read log places',
        'SELECT l.idx, l.state FROM events e JOIN log l ON l.position = e.position WHERE e.initiative_id = $1 ORDER BY e.seq',
        [initiativeId],
      )
      return rows.map((r) =>
        r.state === null ? { index: Number(r.idx) } : { index: Number(r.idx), state: r.state },
      )
    },
    async saveCheckpoint({ size, note }) {
      await inTransaction('store a checkpoint', async (client) => {
        await client.query(
          'INSERT INTO checkpoints (size, note) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING',
          [size, note],
        )
        const stored = await client.query<{ note: string }>('SELECT note FROM checkpoints WHERE size = $1', [
          size,
        ])
        sameCheckpointOrFail(size, stored.rows[0]?.note ?? '', note)
      })
    },
    async addCosignatures(size, lines) {
      const checked = lines.map(checkCosignatureLine)
      await inTransaction('store cosignatures', async (client) => {
        const found = await client.query('SELECT 1 FROM checkpoints WHERE size = $1', [size])
        if (found.rowCount === 0)
          throw new TwoKeysError('NOT_FOUND', `no checkpoint of size ${size} is stored; publish it first`)
        for (const line of checked)
          await client.query(
            'INSERT INTO cosignatures (size, line) VALUES ($1, $2) ON CONFLICT (size, line) DO NOTHING',
            [size, line],
          )
      })
    },
    async latestCheckpoint() {
      const [row] = await query<{ size: string; note: string; lines: string }>(
        'read the latest checkpoint',
        `${COSIGNED} ORDER BY c.size DESC LIMIT 1`,
      )
      return row === undefined ? undefined : toCheckpoint(row)
    },
    async checkpoints() {
      const rows = await query<{ size: string; note: string; lines: string }>(
        'read checkpoints',
        `${COSIGNED} ORDER BY c.size`,
      )
      return rows.map(toCheckpoint)
    },
    async cursor(name) {
      const [row] = await query<{ position: string }>(
        'read a log cursor',
        'SELECT position FROM log_cursors WHERE name = $1',
        [name],
      )
      return Number(row?.position ?? 0)
    },
    async setCursor(name, position) {
      await query(
        'move a log cursor',
        `INSERT INTO log_cursors (name, position) VALUES ($1, $2)
         ON CONFLICT (name) DO UPDATE SET position = greatest(log_cursors.position, excluded.position)`,
        [name, position],
      )
    },
    async exclusive(name, work) {
      // A session advisory lock: held across this instance's work, released if the process dies.
      let client: pg.PoolClient
      try {
        await init()
        client = await pool.connect()
      } catch (error) {
        throw fail(`take the "${name}" lock`, error)
      }
      const key = `twokeys:${schema ?? 'default'}:${name}`
      try {
        const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
          key,
        ])
        if (got.rows[0]?.ok !== true) return { ran: false }
        try {
          return { ran: true, value: await work() }
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => {})
        }
      } finally {
        client.release()
      }
    },
  }

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
          throw new TwoKeysError(
            'INTERNAL',
            `refusing to append event seq ${event.seq} of "${event.initiativeId}" to "${initiativeId}" at seq ${expectedSeq + i + 1}: events must follow on`,
          )
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
        throw new TwoKeysError(
          'CONFLICT',
          `initiative "${initiativeId}" is at event ${at}, not ${expectedSeq}: another command was stored first; re-read and retry`,
        )
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
        throw new TwoKeysError(
          'CONFLICT',
          `keyring version ${entry.version} is not the next one (another change was stored first, or one is missing); re-read the keyring and make the change again`,
        )
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
    async consistentRead(work) {
      let client: pg.PoolClient
      try {
        await init()
        client = await pool.connect()
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      } catch (error) {
        throw fail('begin a consistent read', error)
      }
      try {
        return await snapshotClient.run(client, work)
      } finally {
        await client.query('ROLLBACK').catch(() => {})
        client.release()
      }
    },
    watch(onNotice) {
      const stop = notices.watch(onNotice)
      listen().catch(() => onNotice({ resync: true }))
      return stop
    },
    log,
    async close() {
      await listener?.end().catch(() => {})
      listener = undefined
      if (!pool.ended) await pool.end()
    },
  }
}
