/**
 * Signed commands through `twokeys serve` (HTTP, load from autocannon) against the same commands
 * dispatched to the engine in the benchmark's own process, on a fresh store of the same kind, by
 * WALL time across processes: the server, the load generator and the database share the machine's
 * cores, so these figures move with whatever else runs on it (the load average is printed).
 *
 *   npm run bench:serve -- [--rounds 5] [--scale 1] [--connections 8] [--pg postgres://…] [--no-pg]
 *
 * The workload: initiatives proposed, submitted and approved by both co-chairs (4 commands each),
 * every command signed by its actor's demo key (examples/demo-keys) with a unique commandId, the
 * decisions on the revision hash an in-process engine (memory store) computed first. The same
 * signed commands go to every side, each on a fresh store per round. `--connections` clients each
 * send their own initiatives' commands in order, one at a time (one autocannon per server with one
 * keep-alive connection per client, all at once); in-process, as many concurrent loops of
 * `engine.dispatch`. Every command must be accepted (HTTP 201; a receipt not replayed).
 *
 * Per round: fresh stores with the demo keyring applied, a fresh `twokeys serve` process (from the
 * sources, through tsx, as the in-process engine runs), each side warmed by the same 48 other
 * initiatives per connection (untimed; 1,536 commands at 8 connections); then the sides alternate
 * slice by slice (6 initiatives per connection), the first rotating, so that a drift in the machine
 * lands on all of them alike. The warm-up is that long because the serve process is new each round
 * while this process has run the engine's code thousands of times (making the workload): after
 * only 192 commands, V8 was still compiling the serve process's hot code on its helper threads
 * during the timed slices (~0.35 ms CPU a command, against ~0 here) and running it unoptimised.
 *
 * SQLite: `twokeys serve --db file.db` (WAL, synchronous=FULL) vs the engine on `sqliteStore` of
 * another fresh file. Target: serve ≥ 0.5× the in-process throughput.
 * PostgreSQL (127.0.0.1:5432/test by default; skipped if unreachable): one serve instance, and three
 * on one schema (`--connections` per instance, all at once; throughput summed over the slice's
 * wall time), vs the engine in-process on a schema of its own: reported, no target.
 *
 * Throughput is commands ÷ (last answer − start of the slice), summed over a round's slices;
 * latency is per command, from the request written to the answer read (autocannon's response time;
 * in-process: dispatch called to its promise settled), p50/p99 over every round. The CPU per
 * command of the serve processes and of this process (the load generator, or the engine) is noted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine, type Engine } from '../src/engine/createEngine.js'
import { firstKeyringChange } from '../src/identity/firstKeyringChange.js'
import { loadPrivateKeyFiles } from '../src/identity/loadPrivateKeyFiles.js'
import { type SignedCommand, signCommand } from '../src/identity/signCommand.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import type { Policy } from '../src/policy/PolicySchema.js'
import { memoryStore } from '../src/stores/memoryStore.js'
import { postgresStore } from '../src/stores/postgresStore.js'
import type { Store } from '../src/stores/Store.js'
import { sqliteStore } from '../src/stores/sqliteStore.js'
import { benchArgs } from './support/benchArgs.js'
import { describeMachine } from './support/describeMachine.js'
import { interleave } from './support/interleave.js'
import { shownUrl, withParameter, withPgAdmin } from './support/pgAdmin.js'
import { printReport, type ReportRow, rate } from './support/printReport.js'
import { type ServeProcess, startServe as startServeProcess } from './support/serveProcess.js'
import { spread } from './support/spread.js'

// autocannon ships no types: the part of its programmatic API used here.
interface AutocannonRequest {
  method: 'POST'
  path: string
  headers: Record<string, string>
  body: string
  onResponse?(status: number, body: string): void
  setupRequest?(request: AutocannonRequest, context: Record<string, unknown>): AutocannonRequest
}
interface AutocannonResult {
  errors: number
  timeouts: number
  non2xx: number
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void
}
type Autocannon = (
  options: {
    url: string
    connections: number
    amount: number
    requests: AutocannonRequest[]
    sampleInt?: number
  },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const usage =
  'npm run bench:serve -- [--rounds 5] [--scale 1] [--connections 8] [--pg postgres://…] [--no-pg]'
const { rounds, scale, values } = benchArgs(
  usage,
  { rounds: 5 },
  { connections: { type: 'string' }, pg: { type: 'string' }, 'no-pg': { type: 'boolean' } },
)
const CONNECTIONS = Number(values.connections ?? 8)
if (!Number.isInteger(CONNECTIONS) || CONNECTIONS < 1)
  throw new Error(
    `--connections must be a whole number ≥ 1, not ${JSON.stringify(values.connections)}\n${usage}`,
  )
/** Initiatives per slice: 6 per connection (2 per connection of the three PostgreSQL instances). */
const SLICE = 6 * CONNECTIONS
const SLICES = Math.max(1, Math.round(6 * scale))
const PG_SLICES = Math.max(1, Math.round(4 * scale))
/** Warm-up initiatives, the same for every side: long enough for a fresh serve process's JIT to settle. */
const WARMUP_INITIATIVES = 48 * CONNECTIONS
const PG_ROUNDS = Math.max(1, Math.ceil(rounds / 2))
const PG_URL =
  (values.pg as string | undefined) ??
  process.env.TWOKEYS_BENCH_PG_URL ??
  'postgres://postgres@127.0.0.1:5432/test'
const TARGET = 0.5

const policy: Policy = {
  ...loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname),
  identity: 'signed',
}
const demoKeys = loadPrivateKeyFiles(new URL('../examples/demo-keys', import.meta.url).pathname)
const keyOf = (principal: string) => {
  const key = demoKeys.find((k) => k.principal === principal)
  if (key === undefined) throw new Error(`no demo key for ${principal}`)
  return key
}
const keyring = () => firstKeyringChange(policy, demoKeys, '2020-01-01T00:00:00Z')

const dir = mkdtempSync(join(tmpdir(), 'twokeys-bench-serve-'))
const policyFile = join(dir, 'two-keys-signed.json')
writeFileSync(policyFile, JSON.stringify(policy))
// No rate limit: the default (300 a minute per signed actor) would answer most of the load with 429.
const configFile = join(dir, 'serve.json')
writeFileSync(configFile, JSON.stringify({ rateLimit: false }))
const serveFlags = (db: string) => [
  '--policy',
  policyFile,
  '--db',
  db,
  '--config',
  configFile,
  '--tick-every',
  '0',
  '--log-level',
  'warn',
]

/** An engine on `store` with the demo keyring applied, as `twokeys keys apply` would leave it. */
async function signedEngine(store: Store): Promise<Engine> {
  const engine = createEngine({ policy, store })
  await engine.changeKeyring(keyring())
  return engine
}

/**
 * The signed commands of `count` initiatives named `<prefix>-<n>`: propose, submit, and both keys
 * approving the revision an in-process engine (memory store) reports after the submit.
 */
async function workload(prefix: string, count: number): Promise<SignedCommand[][]> {
  const engine = await signedEngine(memoryStore())
  const initiatives: SignedCommand[][] = []
  for (let n = 0; n < count; n++) {
    const initiativeId = `${prefix}-${n}`
    const sign = (command: Parameters<typeof signCommand>[0]) => signCommand(command, keyOf(command.by))
    const propose = sign({
      type: 'propose',
      initiativeId,
      commandId: `${initiativeId}-p`,
      by: 'minzifry',
      title: `Initiative ${n}`,
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    await engine.dispatch(propose)
    const submit = sign({ type: 'submit', initiativeId, commandId: `${initiativeId}-s`, by: 'minzifry' })
    const revision = (await engine.dispatch(submit)).board.revision.hash
    const decide = (by: string, key: string, tag: string) =>
      sign({
        type: 'decide',
        initiativeId,
        commandId: `${initiativeId}-${tag}`,
        by,
        key,
        decision: 'approve',
        revision,
      })
    const pa = decide('oreshkin', 'presidential-administration', 'pa')
    const ga = decide('grigorenko', 'government-apparatus', 'ga')
    await engine.dispatch(pa)
    await engine.dispatch(ga)
    initiatives.push([propose, submit, pa, ga])
  }
  await engine.close()
  return initiatives
}

/** Initiative n goes to client n mod `clients`; each client sends its initiatives' commands in order. */
const clientsOf = (initiatives: SignedCommand[][], clients: number): SignedCommand[][] =>
  Array.from({ length: clients }, (_, c) => initiatives.filter((_, n) => n % clients === c).flat())

interface Run {
  /** Wall seconds, from the start to the last answer. */
  seconds: number
  latenciesMs: number[]
  commands: number
  /** CPU seconds of this process: the load generator, or the in-process engine. */
  benchCpu: number
  /** CPU seconds of the serve processes (none in-process). */
  serverCpu: number
}

const processCpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/**
 * Every client's commands through autocannon, one connection each, all at once; `urls[c % urls.length]`
 * serves client c. One autocannon per server, its connection k sending client k's commands in order
 * (built as sent): a load generator per client cost 2–3× the CPU, taken from the cores the server shares.
 */
async function overHttp(servers: readonly ServeProcess[], clients: SignedCommand[][]): Promise<Run> {
  const urls = servers.map((s) => s.url)
  const serverCpu = () => servers.reduce((sum, s) => sum + s.cpuSeconds(), 0)
  const latenciesMs: number[] = []
  let last = 0
  const problems: string[] = []
  const cpu0 = processCpu()
  const server0 = serverCpu()
  const start = performance.now()
  await Promise.all(
    urls.map(
      (url, u) =>
        new Promise<void>((resolve, reject) => {
          const mine = clients.filter((_, c) => c % urls.length === u)
          const bodies = mine.map((commands) => commands.map((command) => JSON.stringify(command)))
          const length = bodies[0]?.length ?? 0
          if (bodies.some((b) => b.length !== length)) throw new Error('clients of unequal length')
          let nextClient = 0
          const requests = Array.from(
            { length },
            (_, i): AutocannonRequest => ({
              method: 'POST',
              path: '/commands',
              headers: { 'content-type': 'application/json' },
              body: '',
              setupRequest: (request, context) => {
                if (i === 0) context.client = nextClient++
                return { ...request, body: bodies[context.client as number]?.[i] ?? '' }
              },
              onResponse: (status, body) => {
                if (status !== 201 && problems.length < 5) problems.push(`${status} ${body.slice(0, 300)}`)
              },
            }),
          )
          const instance = autocannon(
            { url, connections: mine.length, amount: length * mine.length, requests, sampleInt: 50 },
            (error, result) => {
              if (error !== null) return reject(error)
              if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0)
                problems.push(
                  `${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
                )
              resolve()
            },
          )
          instance.on('response', (_client, _status, _bytes, ms) => {
            latenciesMs.push(ms)
            last = performance.now()
          })
        }),
    ),
  )
  const commands = clients.reduce((sum, c) => sum + c.length, 0)
  if (problems.length > 0 || latenciesMs.length !== commands)
    throw new Error(
      `serve answered ${latenciesMs.length} of ${commands} commands, not all with 201:\n${problems.join('\n')}`,
    )
  return {
    seconds: (last - start) / 1000,
    latenciesMs,
    commands,
    benchCpu: processCpu() - cpu0,
    serverCpu: serverCpu() - server0,
  }
}

/** The same, dispatched to an engine in this process: one loop per client, all at once. */
async function inProcess(engine: Engine, clients: SignedCommand[][]): Promise<Run> {
  const latenciesMs: number[] = []
  const cpu0 = processCpu()
  const start = performance.now()
  await Promise.all(
    clients.map(async (commands) => {
      for (const command of commands) {
        const t0 = performance.now()
        const receipt = await engine.dispatch(command)
        latenciesMs.push(performance.now() - t0)
        if (receipt.replayed) throw new Error(`${command.commandId} was replayed, not accepted`)
      }
    }),
  )
  const seconds = (performance.now() - start) / 1000
  return { seconds, latenciesMs, commands: latenciesMs.length, benchCpu: processCpu() - cpu0, serverCpu: 0 }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}

/** Per contender, one run per round: its slices' seconds and commands summed, their latencies pooled. */
type Runs = Map<string, Run[]>
function add(runs: Runs, name: string, round: number, run: Run): void {
  const list = runs.get(name) ?? []
  runs.set(name, list)
  const current = list[round]
  if (current === undefined) list[round] = { ...run, latenciesMs: [...run.latenciesMs] }
  else {
    current.seconds += run.seconds
    current.commands += run.commands
    current.latenciesMs.push(...run.latenciesMs)
    current.benchCpu += run.benchCpu
    current.serverCpu += run.serverCpu
  }
}
const perSecond = (r: Run) => r.commands / r.seconds
const latency = (rs: readonly Run[]) => {
  const all = rs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b)
  return `p50 ${percentile(all, 50).toFixed(1)} / p99 ${percentile(all, 99).toFixed(1)} ms`
}
const lastRun = (runs: Runs, name: string) => runs.get(name)?.at(-1) as Run
const describeRun = (runs: Runs, name: string) => {
  const r = lastRun(runs, name)
  return `${name} ${rate(perSecond(r))}/s (${latency([r])})`
}
const load1 = () => loadavg()[0]?.toFixed(2)

function row(
  runs: Runs,
  benchmark: string,
  subject: string,
  baseline: string,
  label: string,
  target?: number,
): ReportRow {
  const s = runs.get(subject) ?? []
  const b = runs.get(baseline) ?? []
  return {
    benchmark,
    baseline: label,
    clock: 'wall',
    ratios: s.map((r, i) => perSecond(r) / perSecond(b[i] as Run)),
    reads: 'serve ÷ in-process commands/s',
    ...(target === undefined ? {} : { target: { op: '≥' as const, value: target } }),
    rates: `${rate(spread(s.map(perSecond)).median)} vs ${rate(spread(b.map(perSecond)).median)} commands/s (wall); latency ${latency(s)} vs ${latency(b)}`,
  }
}

/** CPU µs per command, medians over the rounds: the serve processes and the load generator, or the in-process engine. */
function cpuNote(runs: Runs, store: string, names: readonly string[]): string {
  const micros = (name: string, of: (r: Run) => number) =>
    (spread((runs.get(name) ?? []).map((r) => of(r) / r.commands)).median * 1e6).toFixed(0)
  const parts = names.map((name) =>
    name === 'in-process'
      ? `in-process engine ${micros(name, (r) => r.benchCpu)} µs`
      : `${name}: serve ${micros(name, (r) => r.serverCpu)} µs + load generator ${micros(name, (r) => r.benchCpu)} µs`,
  )
  return `${store}, CPU per command (medians; the database server's own CPU not included): ${parts.join('; ')}`
}

/** Slice k: initiatives k·size … (k+1)·size − 1, spread over `clients` clients. */
const sliceOf = (initiatives: SignedCommand[][], size: number, k: number, clients: number) =>
  clientsOf(initiatives.slice(k * size, (k + 1) * size), clients)

const reportRows: ReportRow[] = []
const notes: string[] = []

console.log(
  'twokeys serve benchmark — WALL time across processes (the server, the load generator and the database share the cores)\n' +
    `SQLite: ${SLICES} slices × ${SLICE} initiatives × 4 signed commands per round over ${CONNECTIONS} connections, ${rounds} rounds; ` +
    `PostgreSQL: ${PG_SLICES} slices × ${SLICE} × 4, ${CONNECTIONS} connections per instance, ${PG_ROUNDS} rounds; ` +
    `serve and in-process alternate slice by slice on a fresh server and store per round, each warmed first by ${WARMUP_INITIATIVES * 4} other commands\n` +
    `machine: ${describeMachine()}\n`,
)

const measured = await workload('bench', SLICE * Math.max(SLICES, PG_SLICES))
const warmInitiatives = await workload('warm', WARMUP_INITIATIVES)
const warmup = clientsOf(warmInitiatives, CONNECTIONS)

/** An `interleave` contender: slice k of the measured initiatives over `clients` clients, sent by `send`. */
const contender = (
  runs: Runs,
  name: string,
  clients: number,
  send: (clients: SignedCommand[][]) => Promise<Run>,
) => ({
  name,
  run: async (slice: number, round: number) =>
    add(runs, name, round, await send(sliceOf(measured, SLICE, slice, clients))),
})

/** Every serve process started, so that a failed run stops them all (none is left listening). */
const started = new Set<ServeProcess>()
async function startServe(flags: readonly string[]): Promise<ServeProcess> {
  const server = await startServeProcess(flags)
  started.add(server)
  return server
}

try {
  // ── SQLite ──────────────────────────────────────────────────────────────────────────────────
  {
    const runs: Runs = new Map()
    let roundDir = dir
    let server: ServeProcess | undefined
    let engine: Engine | undefined
    await interleave({
      rounds,
      slices: SLICES,
      warmupRounds: 0,
      beforeRound: async (round) => {
        roundDir = join(dir, `sqlite-${round}`)
        mkdirSync(roundDir)
        const db = join(roundDir, 'serve.db')
        await (await signedEngine(sqliteStore(db))).close()
        server = await startServe(serveFlags(db))
        await overHttp([server], warmup)
        engine = await signedEngine(sqliteStore(join(roundDir, 'in-process.db')))
        await inProcess(engine, warmup)
      },
      afterRound: async () => {
        await server?.stop()
        await engine?.close()
        rmSync(roundDir, { recursive: true, force: true })
      },
      onRound: (round) => {
        const ratio = perSecond(lastRun(runs, 'serve')) / perSecond(lastRun(runs, 'in-process'))
        console.log(
          `SQLite round ${round}: ${describeRun(runs, 'serve')}, ${describeRun(runs, 'in-process')}; serve ÷ in-process ${ratio.toFixed(2)}; load ${load1()}`,
        )
      },
      contenders: [
        contender(runs, 'serve', CONNECTIONS, (c) => overHttp([server!], c)),
        contender(runs, 'in-process', CONNECTIONS, (c) => inProcess(engine!, c)),
      ],
    })
    reportRows.push(
      row(
        runs,
        'signed commands, SQLite (WAL, FULL)',
        'serve',
        'in-process',
        'engine in-process, SQLite',
        TARGET,
      ),
    )
    notes.push(cpuNote(runs, 'SQLite', ['serve', 'in-process']))
  }

  // ── PostgreSQL ──────────────────────────────────────────────────────────────────────────────
  if (values['no-pg'] === true) {
    notes.push('PostgreSQL: skipped (--no-pg)')
  } else {
    const skipped = await withPgAdmin(PG_URL, async (admin) => {
      const schemas: string[] = []
      const freshSchema = async () => {
        const schema = `tk_bench_serve_${Math.random().toString(36).slice(2, 10)}`
        schemas.push(schema)
        await admin.query(`CREATE SCHEMA ${schema}`)
        return schema
      }
      const dropSchemas = async () => {
        for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      }
      const withSchema = (schema: string) => withParameter(PG_URL, 'schema', schema)
      /** `instances` serve processes on one fresh schema with the keyring applied, warmed up. */
      const serving = async (instances: number) => {
        const schema = await freshSchema()
        await (await signedEngine(postgresStore(PG_URL, { schema }))).close()
        const servers: ServeProcess[] = []
        for (let i = 0; i < instances; i++) servers.push(await startServe(serveFlags(withSchema(schema))))
        await overHttp(servers, clientsOf(warmInitiatives, instances * CONNECTIONS))
        return servers
      }
      const runs: Runs = new Map()
      // A failed round still stops its servers (the outer finally) and drops its schemas (here).
      try {
        let one: ServeProcess[] = []
        let three: ServeProcess[] = []
        let engine: Engine | undefined
        await interleave({
          rounds: PG_ROUNDS,
          slices: PG_SLICES,
          warmupRounds: 0,
          beforeRound: async () => {
            one = await serving(1)
            three = await serving(3)
            engine = await signedEngine(postgresStore(PG_URL, { schema: await freshSchema() }))
            await inProcess(engine, warmup)
          },
          afterRound: async () => {
            await Promise.all([...one, ...three].map((s) => s.stop()))
            await engine?.close()
            await dropSchemas()
          },
          onRound: (round) =>
            console.log(
              `PostgreSQL round ${round}: ${describeRun(runs, 'serve ×1')}, ${describeRun(runs, 'serve ×3')}, ${describeRun(runs, 'in-process')}; load ${load1()}`,
            ),
          contenders: [
            contender(runs, 'serve ×1', CONNECTIONS, (c) => overHttp(one, c)),
            contender(runs, 'serve ×3', 3 * CONNECTIONS, (c) => overHttp(three, c)),
            contender(runs, 'in-process', CONNECTIONS, (c) => inProcess(engine!, c)),
          ],
        })
        reportRows.push(
          row(
            runs,
            'signed commands, PostgreSQL, 1 instance',
            'serve ×1',
            'in-process',
            'engine in-process, PostgreSQL',
          ),
          row(
            runs,
            'signed commands, PostgreSQL, 3 instances',
            'serve ×3',
            'in-process',
            'engine in-process, PostgreSQL',
          ),
        )
        notes.push(cpuNote(runs, 'PostgreSQL', ['serve ×1', 'serve ×3', 'in-process']))
      } finally {
        await Promise.all([...started].map((s) => s.stop()))
        await dropSchemas()
      }
      notes.push(
        `PostgreSQL ${shownUrl(PG_URL)}: 3 instances on one schema, ${CONNECTIONS} connections each (${3 * CONNECTIONS} in all), throughput summed over the slice's wall time; 1 instance and the in-process engine: ${CONNECTIONS}`,
      )
    })
    if (skipped !== undefined) notes.push(skipped)
  }
} finally {
  await Promise.all([...started].map((s) => s.stop()))
  rmSync(dir, { recursive: true, force: true })
}
printReport(reportRows)
console.log(
  `load at the end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
for (const note of notes) console.log(note)
