/**
 * Durable commands through the engine against raw driver writes of the same rows, in the same
 * process, interleaved in slices of 20 commands.
 *
 *   npm run bench:store -- [--rounds 7] [--scale 1] [--pg postgres://…] [--no-pg]
 *
 * SQLite: the engine on `sqliteStore` (WAL, synchronous=FULL, one transaction per command) vs
 * raw better-sqlite3 inserts of exactly the rows the engine stores — its event row and its
 * command-id row, the two tables it writes — into the same schema with the same pragmas, one
 * transaction per command. Target: ≥ 0.7× raw. Also timed: the store alone (`append` of the same
 * rows, no engine) and the engine on a memory store (its own work, no disk).
 *
 * PostgreSQL (127.0.0.1:5432/test by default; skipped if unreachable): the engine with 1 and with
 * 4 concurrent clients (one engine and one connection each, on their own initiatives) vs raw
 * writes of the same rows over as many connections, one round trip per command — one prepared
 * statement inserting the event and its command id, as the store's own append does.
 *
 * A durable commit waits for the disk, which is not CPU time, so these rows report both clocks:
 * wall time (what a caller waits for) and CPU time. For PostgreSQL the CPU is this process's plus
 * that of the server backends serving each side (read from /proc, 10 ms ticks).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { readAuditLog } from '../src/audit/readAuditLog.js'
import type { CommandInput } from '../src/domain/Command.js'
import { createEngine, type Engine } from '../src/engine/createEngine.js'
import { manualClock } from '../src/engine/systemClock.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { memoryStore } from '../src/stores/memoryStore.js'
import { sqliteMigrations } from '../src/stores/migrations/sqliteMigrations.js'
import { postgresStore } from '../src/stores/postgresStore.js'
import type { RecordedEvent, Store } from '../src/stores/Store.js'
import { sqliteStore } from '../src/stores/sqliteStore.js'
import { type EventRow, toEventRow } from '../src/stores/storedRows.js'
import { benchArgs } from './support/benchArgs.js'
import { interleave, roundRatios, roundSeconds, type Timings } from './support/interleave.js'
import { shownUrl, withParameter, withPgAdmin } from './support/pgAdmin.js'
import { printHeader, printReport, type ReportRow, rate } from './support/printReport.js'
import { singleThreadedGc } from './support/singleThreadedGc.js'
import { spread } from './support/spread.js'

singleThreadedGc()
const usage = 'npm run bench:store -- [--rounds 7] [--scale 1] [--pg postgres://…] [--no-pg]'
const { rounds, scale, values } = benchArgs(
  usage,
  { rounds: 7 },
  { pg: { type: 'string' }, 'no-pg': { type: 'boolean' } },
)
const SLICE = 20
const SLICES = Math.max(1, Math.round(50 * scale))
const COMMANDS = SLICES * SLICE
const PG_SLICES = Math.max(1, Math.round(15 * scale))
const PG_URL =
  (values.pg as string | undefined) ??
  process.env.TWOKEYS_BENCH_PG_URL ??
  'postgres://postgres@127.0.0.1:5432/test'
const TARGET = 0.7

const policy = loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname)
const dir = mkdtempSync(join(tmpdir(), 'twokeys-bench-'))
const clock = () => manualClock('2026-03-01T09:00:00Z')

/** Command n of a client's workload: each initiative is proposed, submitted and approved by both keys. */
function command(client: string, n: number): CommandInput {
  const initiativeId = `${client}-i${Math.floor(n / 4)}`
  const commandId = `${client}-c${n}`
  const decide = (by: string, key: string) =>
    ({ type: 'decide', initiativeId, commandId, by, key, decision: 'approve' }) as const
  switch (n % 4) {
    case 0:
      return {
        type: 'propose',
        initiativeId,
        commandId,
        by: 'minzifry',
        title: `Initiative ${n / 4}`,
        objective: 'infrastructure',
        scope: { kind: 'federal' },
      }
    case 1:
      return { type: 'submit', initiativeId, commandId, by: 'minzifry' }
    case 2:
      return decide('oreshkin', 'presidential-administration')
    default:
      return decide('grigorenko', 'government-apparatus')
  }
}

/** A client's commands and the rows the engine stores for them, recorded once on a memory store. */
async function workload(client: string, count: number) {
  const commands = Array.from({ length: count }, (_, n) => command(client, n))
  const engine = createEngine({ policy, store: memoryStore(), clock: clock() })
  for (const c of commands) await engine.dispatch(c)
  const events = await readAuditLog(engine.store)
  await engine.close()
  if (events.length !== count) throw new Error(`reference run stored ${events.length} of ${count} commands`)
  return { commands, events, rows: events.map(toEventRow) }
}

/** The rows a store holds for one client are exactly the reference rows. */
async function checkStored(store: Store, expected: RecordedEvent[], client: string, what: string) {
  const stored = (await readAuditLog(store)).filter((e) => e.initiativeId.startsWith(`${client}-`))
  const i = stored.findIndex((e, n) => e.hash !== expected[n]?.hash)
  if (stored.length !== expected.length || i >= 0)
    throw new Error(
      `${what}: stored ${stored.length} rows for ${expected.length}, the first different at ${i}`,
    )
}

const cpuPerCommand = (t: Timings, name: string, count: number) =>
  (spread(roundSeconds(t, 'cpu', name)).median / count) * 1e6
const perSecond = (t: Timings, clockName: 'cpu' | 'wall', name: string, count: number) =>
  rate(spread(roundSeconds(t, clockName, name).map((s) => count / s)).median)
const reportRows: ReportRow[] = []
const notes: string[] = []

// ── SQLite ────────────────────────────────────────────────────────────────────────────────────
async function sqliteBench() {
  const { commands, events, rows } = await workload('c0', COMMANDS)
  let file = 0
  let roundDir = dir
  const fresh = () => join(roundDir, `bench-${++file}.db`)
  let engine: Engine
  let memoryEngine: Engine
  let store: Store
  let raw: Database.Database
  let insert: (row: EventRow) => void

  const timings = await interleave({
    rounds,
    slices: SLICES,
    beforeRound: (round) => {
      roundDir = join(dir, `round-${round}`)
      mkdirSync(roundDir)
      engine = createEngine({ policy, store: sqliteStore(fresh()), clock: clock() })
      memoryEngine = createEngine({ policy, store: memoryStore(), clock: clock() })
      store = sqliteStore(fresh())
      raw = new Database(fresh())
      raw.pragma('journal_mode = WAL')
      raw.pragma('synchronous = FULL')
      raw.pragma('foreign_keys = ON')
      for (const m of sqliteMigrations) raw.exec(m.sql)
      const insertEvent = raw.prepare<[EventRow], unknown>(
        `INSERT INTO events (initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash)
         VALUES (@initiative_id, @seq, @command_id, @command_hash, @event, @policy_hash, @revision, @prev_hash, @hash)`,
      )
      const insertCommand = raw.prepare<[string, string], unknown>(
        "INSERT INTO commands (command_id, initiative_id, outcome) VALUES (?, ?, 'accepted')",
      )
      const transaction = raw.transaction((row: EventRow) => {
        insertEvent.run(row)
        insertCommand.run(row.command_id, row.initiative_id)
      })
      insert = (row) => transaction.immediate(row)
    },
    afterRound: async () => {
      await checkStored(engine.store, events, 'c0', 'SQLite engine')
      await checkStored(store, events, 'c0', 'sqliteStore alone')
      const count = raw.prepare<[], { n: number }>('SELECT count(*) AS n FROM commands').get()?.n
      if (count !== COMMANDS) throw new Error(`raw: stored ${count} of ${COMMANDS} rows`)
      await Promise.all([engine.close(), memoryEngine.close(), store.close()])
      raw.close()
      rmSync(roundDir, { recursive: true, force: true })
    },
    contenders: [
      {
        name: 'engine',
        run: async (slice) => {
          for (let n = slice * SLICE; n < (slice + 1) * SLICE; n++) await engine.dispatch(commands[n]!)
        },
      },
      {
        name: 'raw',
        run: (slice) => {
          for (let n = slice * SLICE; n < (slice + 1) * SLICE; n++) insert(rows[n]!)
        },
      },
      {
        name: 'store alone',
        run: async (slice) => {
          for (let n = slice * SLICE; n < (slice + 1) * SLICE; n++) {
            const e = events[n]!
            await store.append(e.initiativeId, e.seq - 1, [e])
          }
        },
      },
      {
        name: 'engine on memory',
        run: async (slice) => {
          for (let n = slice * SLICE; n < (slice + 1) * SLICE; n++) await memoryEngine.dispatch(commands[n]!)
        },
      },
    ],
  })
  for (const clockName of ['wall', 'cpu'] as const) {
    const label = clockName === 'wall' ? 'wall' : 'CPU'
    reportRows.push({
      benchmark: 'durable commands, SQLite engine',
      baseline: 'raw inserts, same rows',
      clock: label,
      ratios: roundRatios(timings, clockName, 'raw', 'engine'),
      reads: 'raw ÷ engine time',
      target: { op: '≥', value: TARGET },
      rates: `${perSecond(timings, clockName, 'engine', COMMANDS)} vs ${perSecond(timings, clockName, 'raw', COMMANDS)} commands/s (${label})`,
    })
  }
  reportRows.push({
    benchmark: 'durable commands, sqliteStore alone',
    baseline: 'raw inserts, same rows',
    clock: 'wall',
    ratios: roundRatios(timings, 'wall', 'raw', 'store alone'),
    reads: 'raw ÷ store time',
    rates: `${perSecond(timings, 'wall', 'store alone', COMMANDS)} vs ${perSecond(timings, 'wall', 'raw', COMMANDS)} commands/s (wall)`,
  })
  const wallMicros = (name: string) => (spread(roundSeconds(timings, 'wall', name)).median / COMMANDS) * 1e6
  notes.push(
    `SQLite, per command (medians): raw durable insert ${wallMicros('raw').toFixed(0)} µs wall / ${cpuPerCommand(timings, 'raw', COMMANDS).toFixed(0)} µs CPU; ` +
      `engine on SQLite ${wallMicros('engine').toFixed(0)} µs wall / ${cpuPerCommand(timings, 'engine', COMMANDS).toFixed(0)} µs CPU; ` +
      `store alone ${wallMicros('store alone').toFixed(0)} µs wall / ${cpuPerCommand(timings, 'store alone', COMMANDS).toFixed(0)} µs CPU; engine on a memory store ${cpuPerCommand(timings, 'engine on memory', COMMANDS).toFixed(0)} µs CPU`,
  )
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────────────────────
// One statement, one round trip and one transaction per command: the event row and its command id.
const RAW_APPEND = `
  WITH e AS (
    INSERT INTO events (initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
    RETURNING command_id, initiative_id)
  INSERT INTO commands (command_id, initiative_id, outcome) SELECT command_id, initiative_id, 'accepted' FROM e`

/** CPU seconds a server backend has used (utime + stime from /proc; 0 if it is gone). */
function backendSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

async function postgresBench(admin: pg.Client, clients: number) {
  const tag = randomBytes(3).toString('hex')
  const work = await Promise.all(
    Array.from({ length: clients }, (_, c) => workload(`c${c}`, PG_SLICES * SLICE)),
  )
  const schemas: string[] = []
  const withApp = (app: string) => withParameter(PG_URL, 'application_name', app)
  const freshSchema = async () => {
    const schema = `tk_bench_${randomBytes(4).toString('hex')}`
    schemas.push(schema)
    await admin.query(`CREATE SCHEMA ${schema}`)
    return schema
  }
  // Server CPU per side and round: the backends serving it, found by application_name.
  const apps = { engine: `tk-bench-engine-${tag}`, raw: `tk-bench-raw-${tag}` }
  const serverStart = new Map<number, number>()
  const serverCpu = { engine: [] as number[], raw: [] as number[] }
  const backends = async (app: string) =>
    (
      await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [
        app,
      ])
    ).rows.map((r) => r.pid)

  let engines: Engine[] = []
  let connections: pg.Client[] = []
  const timings = await interleave({
    rounds,
    slices: PG_SLICES,
    beforeRound: async () => {
      const engineSchema = await freshSchema()
      const stores = Array.from({ length: clients }, () =>
        postgresStore(withApp(apps.engine), { schema: engineSchema, poolSize: 1 }),
      )
      for (const s of stores) await s.listInitiatives() // creates the tables and opens the connection
      engines = stores.map((store) => createEngine({ policy, store, clock: clock() }))
      const rawSchema = await freshSchema()
      const migrate = postgresStore(PG_URL, { schema: rawSchema, poolSize: 1 })
      await migrate.listInitiatives()
      await migrate.close()
      connections = await Promise.all(
        Array.from({ length: clients }, async () => {
          const client = new pg.Client({
            connectionString: withApp(apps.raw),
            options: `-c search_path=${rawSchema} -c synchronous_commit=on`,
          })
          await client.connect()
          return client
        }),
      )
      serverStart.clear()
      for (const pid of [...(await backends(apps.engine)), ...(await backends(apps.raw))])
        serverStart.set(pid, backendSeconds(pid))
    },
    afterRound: async () => {
      for (const side of ['engine', 'raw'] as const) {
        let total = 0
        for (const pid of await backends(apps[side]))
          total += backendSeconds(pid) - (serverStart.get(pid) ?? 0)
        serverCpu[side].push(total)
      }
      for (const [c, { events }] of work.entries())
        await checkStored(engines[0]!.store, events, `c${c}`, 'PostgreSQL engine')
      await Promise.all(engines.map((e) => e.close()))
      await Promise.all(connections.map((c) => c.end()))
      for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    },
    contenders: [
      {
        name: 'engine',
        run: async (slice) => {
          await Promise.all(
            engines.map(async (engine, c) => {
              const { commands } = work[c]!
              for (let n = slice * SLICE; n < (slice + 1) * SLICE; n++) await engine.dispatch(commands[n]!)
            }),
          )
        },
      },
      {
        name: 'raw',
        run: async (slice) => {
          await Promise.all(
            connections.map(async (client, c) => {
              const { rows } = work[c]!
              for (let n = slice * SLICE; n < (slice + 1) * SLICE; n++) {
                const r = rows[n]!
                await client.query({
                  name: 'append',
                  text: RAW_APPEND,
                  values: [
                    r.initiative_id,
                    r.seq,
                    r.command_id,
                    r.command_hash,
                    r.event,
                    r.policy_hash,
                    r.revision,
                    r.prev_hash,
                    r.hash,
                  ],
                })
              }
            }),
          )
        },
      },
    ],
  }).finally(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  })
  const count = clients * PG_SLICES * SLICE
  const benchmark = `durable commands, PostgreSQL, ${clients} client${clients === 1 ? '' : 's'}`
  reportRows.push({
    benchmark,
    baseline: 'one-statement raw inserts',
    clock: 'wall',
    ratios: roundRatios(timings, 'wall', 'raw', 'engine'),
    reads: 'raw ÷ engine time',
    rates: `${perSecond(timings, 'wall', 'engine', count)} vs ${perSecond(timings, 'wall', 'raw', count)} commands/s (wall)`,
  })
  const total = (side: 'engine' | 'raw') =>
    roundSeconds(timings, 'cpu', side).map((s, r) => s + (serverCpu[side][r] as number))
  const engineTotal = total('engine')
  const rawTotal = total('raw')
  reportRows.push({
    benchmark,
    baseline: 'one-statement raw inserts',
    clock: 'CPU',
    ratios: rawTotal.map((r, i) => r / (engineTotal[i] as number)),
    reads: 'raw ÷ engine CPU, Node + server',
    rates: `${rate(count / spread(engineTotal).median)} vs ${rate(count / spread(rawTotal).median)} commands per CPU second`,
  })
  return spread(roundSeconds(timings, 'wall', 'engine')).median / count
}

printHeader(
  'twokeys durable store benchmark',
  `SQLite: ${COMMANDS} commands per round (${COMMANDS / 4} initiatives × 4); PostgreSQL: ${PG_SLICES * SLICE} per client per round; slices of ${SLICE} commands (per client); ${rounds} rounds after a warm-up`,
)
try {
  await sqliteBench()
  if (values['no-pg'] !== true) {
    const skipped = await withPgAdmin(PG_URL, async (admin) => {
      const settings = await admin.query<{ name: string; setting: string }>(
        "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method') ORDER BY name",
      )
      const one = await postgresBench(admin, 1)
      const four = await postgresBench(admin, 4)
      notes.push(
        `PostgreSQL ${shownUrl(PG_URL)} (${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}): 4 clients give ${(one / four).toFixed(2)}× the engine throughput of 1 (wall)`,
      )
    })
    if (skipped !== undefined) notes.push(skipped)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
printReport(reportRows)
for (const note of notes) console.log(note)
