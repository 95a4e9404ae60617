/**
 * Cost independent of history: one initiative driven through approve/amend cycles — Oreshkin
 * approves his key, the sponsor amends the summary (a substantive field, so every key starts
 * again), a manual clock a minute on per command; when the review window is a day from closing
 * Oreshkin refuses instead, and the amendment that follows opens a new window — and measured as
 * its log grows. The baseline is the same engine on the same initiative at the smallest size, in
 * the same run:
 *
 * 1. the CPU cost of a command (process.cpuUsage, in slices) at 1k, 10k and 100k events, on the
 *    memory store and on SQLite; the ratio of the median at 100k to the median at 1k (≤ 1.2);
 * 2. a cold load of the initiative (a new engine on the SQLite file, without a snapshot key: the
 *    whole log replayed and checked by the ledger) and `verifyStore` at 10k, 100k and 1M events,
 *    with the growth exponent — the slope of log time over log events (≤ 1.1). The logs are the
 *    memory engine's, driven on to 1M events and appended to fresh SQLite files in large
 *    transactions: every event was accepted by the rules.
 *
 *   npm run bench:history -- [--quick] [--slices 9] [--slice 200] [--dir /tmp]
 *
 * Runs with `--single-threaded-gc` (re-started so) and an 8 GB heap: the 1M-event log is built in memory.
 *
 * --quick stops at 10k (per command) and 100k (replay) events, for a smoke run.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { verifyStore } from '../src/audit/verifyStore.js'
import { createEngine, type Engine } from '../src/engine/createEngine.js'
import { manualClock } from '../src/engine/systemClock.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { memoryStore } from '../src/stores/memoryStore.js'
import type { RecordedEvent, Store } from '../src/stores/Store.js'
import { sqliteStore } from '../src/stores/sqliteStore.js'
import { CPU_CLOCK, cpuSeconds } from './support/cpuSeconds.js'
import { describeMachine } from './support/describeMachine.js'
import { singleThreadedGc } from './support/singleThreadedGc.js'
import { spread } from './support/spread.js'

singleThreadedGc()

const { values, positionals } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    slices: { type: 'string' },
    slice: { type: 'string' },
    dir: { type: 'string' },
    child: { type: 'string' },
  },
  allowPositionals: true,
})
const QUICK = values.quick === true
const SLICES = Number(values.slices ?? 9)
const SLICE = Number(values.slice ?? 200)
const COMMAND_SIZES = QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000]
const REPLAY_SIZES = QUICK ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]
const REPLAY_ROUNDS = 3
const COMMAND_TARGET = 1.2
const EXPONENT_TARGET = 1.1

const policy = loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname)
const PA = 'presidential-administration'
const MINUTE = 60_000
const DAY = 86_400_000
const WINDOW = policy.review.windowDays * DAY
const KEY = 'the benchmark snapshot key, kept outside the database'
// A child process only measures; the parent owns the files.
const dir = values.child === undefined ? mkdtempSync(join(values.dir ?? tmpdir(), 'twokeys-history-')) : ''

/** Least-squares slope of log y over log x: 1 is linear, 2 quadratic. */
function exponent(xs: readonly number[], ys: readonly number[]): number {
  const lx = xs.map(Math.log)
  const ly = ys.map(Math.log)
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length
  const my = ly.reduce((a, b) => a + b, 0) / ly.length
  let num = 0
  let den = 0
  for (let i = 0; i < lx.length; i++) {
    num += ((lx[i] as number) - mx) * ((ly[i] as number) - my)
    den += ((lx[i] as number) - mx) ** 2
  }
  return num / den
}

const n = (x: number) => x.toLocaleString('en-US')
const pad = (text: string, width: number) => text.padStart(width)

/** Where the cycle stands: enough to carry it on in another engine over a copy of the log. */
interface Cycle {
  now: number
  windowEnd: number
  drafts: number
  approveNext: boolean
  reopen: boolean
  events: number
}

/**
 * The next command of the cycle, on one initiative of `engine`; the clock a minute on each time.
 * A day before the review window closes Oreshkin refuses instead of approving, and the amendment
 * after it opens a new window, so no deadline ever fires.
 */
function cycler(engine: Engine, clock: ReturnType<typeof manualClock>, initiativeId: string, at: Cycle) {
  const state = { ...at }
  async function step(): Promise<void> {
    clock.advance({ ms: MINUTE })
    if (state.approveNext) {
      state.reopen = clock() + DAY > state.windowEnd
      const receipt = await engine.decide(initiativeId, {
        by: 'oreshkin',
        key: PA,
        decision: state.reopen ? 'refuse' : 'approve',
        ...(state.reopen ? { reason: 'the window is closing; amend and resubmit' } : {}),
      })
      state.events = receipt.seq
    } else {
      const receipt = await engine.amend(initiativeId, { by: 'minzifry', summary: `draft ${++state.drafts}` })
      if (state.reopen) state.windowEnd = clock() + WINDOW
      state.events = receipt.seq
    }
    state.approveNext = !state.approveNext
  }
  return {
    initiativeId,
    get events() {
      return state.events
    },
    /** Where the cycle stands now. */
    checkpoint: (): Cycle => ({ ...state, now: clock() }),
    step,
    /** Drives the log on to `size` events. */
    async to(size: number) {
      while (state.events < size) await step()
    },
  }
}

type Cycler = ReturnType<typeof cycler>

/** A new initiative, proposed and submitted, with its cycle ready to run. */
async function startCycle(store: Store): Promise<Cycler> {
  const clock = manualClock('2026-03-02T09:00:00Z')
  let ids = 0
  const engine = createEngine({ policy, store, clock, ids: () => `h-${++ids}` })
  const { initiativeId } = await engine.propose({
    by: 'minzifry',
    title: 'Federal GPU cloud',
    summary: 'draft 0',
    objective: 'infrastructure',
    scope: { kind: 'federal' },
  })
  await engine.submit(initiativeId, { by: 'minzifry' })
  const at = {
    now: clock(),
    windowEnd: clock() + WINDOW,
    drafts: 0,
    approveNext: true,
    reopen: false,
    events: 2,
  }
  return cycler(engine, clock, initiativeId, at)
}

/** Appends a log to a store in transactions of 20,000 events (a copy; no rule is skipped on load). */
async function copyLog(store: Store, log: readonly RecordedEvent[], size: number): Promise<void> {
  const id = (log[0] as RecordedEvent).initiativeId
  for (let from = 0; from < size; from += 20_000) {
    await store.append(id, from, log.slice(from, Math.min(size, from + 20_000)))
  }
}

/**
 * An engine of its own on a copy of the first `at.events` events, carrying the cycle on from
 * there: its first command loads the initiative the way a restarted engine does.
 */
async function resume(
  name: string,
  store: Store,
  log: readonly RecordedEvent[],
  at: Cycle,
  snapshotKey?: string,
) {
  await store.putPolicy(hashPolicy(policy), policy)
  await copyLog(store, log, at.events)
  const clock = manualClock(at.now)
  let ids = 0
  const engine = createEngine({
    policy,
    store,
    clock,
    ids: () => `${name}-${++ids}`,
    ...(snapshotKey === undefined ? {} : { snapshotKey }),
  })
  return cycler(engine, clock, (log[0] as RecordedEvent).initiativeId, at)
}

interface CommandRow {
  store: string
  size: number
  us: ReturnType<typeof spread>
  /** This size's slice over the smallest size's slice, per round. */
  ratio: ReturnType<typeof spread>
}

/**
 * The CPU cost of a command at each size, on engines of one kind at those sizes measured in turn,
 * slice by slice (a warm-up round first), so that a change in the machine's load hits every size
 * alike. The smallest size is the baseline.
 */
async function commandCost(name: string, engines: Cycler[]): Promise<CommandRow[]> {
  const perSize: number[][] = engines.map(() => [])
  for (let round = -1; round < SLICES; round++) {
    for (const [i, engine] of engines.entries()) {
      const before = cpuSeconds()
      for (let c = 0; c < SLICE; c++) await engine.step()
      if (round >= 0) perSize[i]?.push(((cpuSeconds() - before) * 1e6) / SLICE)
    }
  }
  const base = perSize[0] as number[]
  return COMMAND_SIZES.map((size, i) => {
    const us = perSize[i] as number[]
    const row = {
      store: name,
      size,
      us: spread(us),
      ratio: spread(us.map((x, r) => x / (base[r] as number))),
    }
    console.log(
      `  ${name.padEnd(7)} ${pad(n(size), 9)} events: ${row.us.median.toFixed(1)} µs a command (min ${row.us.min.toFixed(1)}, max ${row.us.max.toFixed(1)}) · ${row.ratio.median.toFixed(2)}× the ${n(COMMAND_SIZES[0] as number)}-event cost`,
    )
    return row
  })
}

/** A fresh SQLite file holding the first `size` events of `log`, appended in large transactions. */
async function sqliteCopy(log: readonly RecordedEvent[], size: number): Promise<string> {
  const path = join(dir, `replay-${size}.db`)
  const store = sqliteStore(path)
  await store.putPolicy(hashPolicy(policy), policy)
  await copyLog(store, log, size)
  await store.close()
  return path
}

interface Measured {
  cpu: number
  wall: number
  ok: boolean
}

/**
 * In a child process of its own (`--child load|audit <db> <initiative> <at>`): a cold load of the
 * initiative by a new engine without a snapshot key, or `verifyStore`; prints what it took. Only
 * the work is timed, in a heap that holds nothing else.
 */
async function child(kind: string, [path, initiativeId, at]: string[]): Promise<Measured> {
  const store = sqliteStore(path as string, { mustExist: true })
  const c = cpuSeconds()
  const w = performance.now()
  let ok: boolean
  if (kind === 'load') {
    const board = await createEngine({ policy, store, clock: () => Number(at) }).status(
      initiativeId as string,
    )
    ok = board.phase === 'review' || board.phase === 'returned'
  } else {
    const report = await verifyStore(store)
    ok = report.ok && report.rules.checked === report.audit.count
  }
  const measured = { cpu: cpuSeconds() - c, wall: (performance.now() - w) / 1000, ok }
  await store.close()
  return measured
}

/** `rounds` runs of a child measurement; the medians, and whether every run checked out. */
function measure(kind: 'load' | 'audit', args: string[], rounds: number): Measured {
  const runs: Measured[] = []
  for (let r = 0; r < rounds; r++) {
    const run = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1] as string, '--child', kind, ...args],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    )
    if (run.status !== 0) throw new Error(`the ${kind} child failed:\n${run.stderr}`)
    runs.push(JSON.parse(run.stdout) as Measured)
  }
  return {
    cpu: spread(runs.map((r) => r.cpu)).median,
    wall: spread(runs.map((r) => r.wall)).median,
    ok: runs.every((r) => r.ok),
  }
}

if (values.child !== undefined) {
  process.stdout.write(JSON.stringify(await child(values.child, positionals)))
  process.exit(0)
}

console.log(
  `Long histories: one initiative, approve/amend cycles, a minute a command\nmachine: ${describeMachine()}\nCPU clock: ${CPU_CLOCK}\n`,
)

const top = COMMAND_SIZES[COMMAND_SIZES.length - 1] as number
const last = REPLAY_SIZES[REPLAY_SIZES.length - 1] as number
const building = performance.now()
const source = memoryStore()
const driver = await startCycle(source)
const checkpoints: Cycle[] = []
for (const size of COMMAND_SIZES) {
  await driver.to(size)
  checkpoints.push(driver.checkpoint())
}
const early = await source.readEvents(driver.initiativeId)

console.log(
  `1. CPU cost of a command at ${COMMAND_SIZES.map(n).join(', ')} events (${SLICES} rounds of ${SLICE}-command slices, sizes in turn)`,
)
const memoryRows = await commandCost(
  'memory',
  await Promise.all(checkpoints.map((at) => resume('memory', memoryStore(), early, at))),
)
const sqliteStores = COMMAND_SIZES.map((size) => sqliteStore(join(dir, `commands-${size}.db`)))
const sqliteRows = await commandCost(
  'sqlite',
  await Promise.all(checkpoints.map((at, i) => resume('sqlite', sqliteStores[i] as Store, early, at, KEY))),
)
for (const store of sqliteStores) await store.close()

console.log(`\n   driving the memory engine on from ${n(top)} to ${n(last)} events for the logs to replay …`)
await driver.to(last)
console.log(
  `   ${n(driver.events)} events, ${((performance.now() - building) / 1000).toFixed(0)} s since the first (part 1 included)`,
)
const paths = new Map<number, string>()
{
  const log = await source.readEvents(driver.initiativeId)
  for (const size of REPLAY_SIZES) paths.set(size, await sqliteCopy(log, size))
}

console.log(
  '\n2. Cold load (a new engine, no snapshot key: the whole log replayed and checked by the ledger) and verifyStore, SQLite, each in a child process',
)
interface ReplayRow {
  size: number
  load: Measured
  audit: Measured
}
const replayRows: ReplayRow[] = []
for (const size of REPLAY_SIZES) {
  const path = paths.get(size) as string
  const reader = sqliteStore(path)
  const at = (await reader.readEvents(driver.initiativeId, size - 1))[0]?.event.at
  await reader.close()
  const args = [path, driver.initiativeId, String(at)]
  const rounds = size >= 1_000_000 ? 1 : REPLAY_ROUNDS
  const load = measure('load', args, rounds)
  const audit = measure('audit', args, rounds)
  replayRows.push({ size, load, audit })
  console.log(
    `  ${pad(n(size), 9)} events: load ${load.cpu.toFixed(2)} s CPU (${load.wall.toFixed(2)} s wall) · verifyStore ${audit.cpu.toFixed(2)} s CPU (${audit.wall.toFixed(2)} s wall) · ${load.ok && audit.ok ? 'ok' : 'NOT OK'}`,
  )
}
rmSync(dir, { recursive: true, force: true })

console.log('\nSummary (medians; µs of CPU a command, s of CPU a load or audit)\n')
console.log('| store | events | min µs | median µs | max µs | × the 1k cost |')
console.log('|---|---|---|---|---|---|')
for (const row of [...memoryRows, ...sqliteRows]) {
  console.log(
    `| ${row.store} | ${n(row.size)} | ${row.us.min.toFixed(1)} | ${row.us.median.toFixed(1)} | ${row.us.max.toFixed(1)} | ${row.ratio.median.toFixed(2)} |`,
  )
}
const first = COMMAND_SIZES[0] as number
for (const rows of [memoryRows, sqliteRows]) {
  const row = rows.at(-1) as CommandRow
  const ok = row.ratio.median <= COMMAND_TARGET
  console.log(
    `\n${row.store}: a command at ${n(row.size)} events costs ${row.ratio.median.toFixed(2)}× one at ${n(first)} (per round: min ${row.ratio.min.toFixed(2)}, max ${row.ratio.max.toFixed(2)}; target ≤ ${COMMAND_TARGET}) ${ok ? '✓' : '✗'}`,
  )
}
console.log('\n| events | cold load CPU s | µs an event | verifyStore CPU s | µs an event | verified |')
console.log('|---|---|---|---|---|---|')
for (const row of replayRows) {
  const per = (s: number) => ((s * 1e6) / row.size).toFixed(1)
  console.log(
    `| ${n(row.size)} | ${row.load.cpu.toFixed(2)} | ${per(row.load.cpu)} | ${row.audit.cpu.toFixed(2)} | ${per(row.audit.cpu)} | ${row.load.ok && row.audit.ok ? 'ok' : 'NOT OK'} |`,
  )
}
const sizes = replayRows.map((r) => r.size)
for (const [name, times] of [
  ['cold load', replayRows.map((r) => r.load.cpu)],
  ['verifyStore', replayRows.map((r) => r.audit.cpu)],
] as const) {
  const k = exponent(sizes, times)
  // Step by step too: a fixed cost (a cold JIT) flatters the fit at the small end.
  const steps = sizes.slice(1).map((size, i) => {
    const slope = exponent([sizes[i] as number, size], [times[i] as number, times[i + 1] as number])
    return `${n(sizes[i] as number)}→${n(size)}: ${slope.toFixed(2)}`
  })
  console.log(
    `\n${name}: growth exponent ${k.toFixed(3)} over ${sizes.map(n).join(', ')} events (target ≤ ${EXPONENT_TARGET}) ${k <= EXPONENT_TARGET ? '✓' : '✗'}; step by step ${steps.join(', ')}`,
  )
}
if (replayRows.some((r) => !r.load.ok || !r.audit.ok)) process.exitCode = 1
