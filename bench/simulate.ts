/**
 * The simulator on the compiled table against a hand-written event loop for the same model, at
 * the same number of initiatives, in the same process, interleaved replication by replication,
 * by CPU time per initiative.
 *
 *   npm run bench:simulate -- [--rounds 7] [--scale 1]
 *
 * The model is a fork-join queue, the two-key review at its simplest: initiatives arrive as a
 * Poisson stream (3 a day), each goes to both co-chairs at once, each co-chair is a FIFO single
 * server with exponential reviews (mean 0.2 days, so ρ = 0.6) who always approves, and an
 * initiative is approved when both have; a federal rollout (exponential, mean 1 day) completes it.
 * Reviews end long before the 30-day window, so the window never closes.
 *
 * The hand-written loop is what one would write for that model alone: a binary heap of events, a
 * ring buffer per co-chair, one random stream, and the same statistics (approval and completion
 * time: mean and P² p50/p90/p99; utilisation and queue length per co-chair; mean WIP). The window
 * and plenary are checked when the second key turns instead of by timer events. Both must agree
 * within their 95% intervals across replications; the theory is printed too (utilisation ρ, and
 * for two-server fork-join the Nelson–Tantawi mean, exact for two: (12 − ρ)/8 · 1/(μ − λ)).
 *
 * Second, at a smaller N (XState is slow): the same simulator with every transition taken by
 * XState (`instantiate` + the stepper, the next table state found by its abstract key) against
 * the table, interleaved the same way.
 */
import { initialTransition } from 'xstate'
import { createInitiativeMachine } from '../machines/initiative.js'
import { createStepper } from '../machines/stepper.js'
import { instantiate } from '../src/explore/alphabet.js'
import { compile } from '../src/explore/compile.js'
import { explorationSetup, type InitiativeSnapshot } from '../src/explore/explore.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { P2Quantile } from '../src/simulate/P2Quantile.js'
import { hashString, Random } from '../src/simulate/random.js'
import { runReplication } from '../src/simulate/runReplication.js'
import { type Scenario, ScenarioSchema } from '../src/simulate/ScenarioSchema.js'
import { createSimulationModel } from '../src/simulate/SimulationModel.js'
import { type Estimate, estimate } from '../src/simulate/studentT.js'
import { benchArgs } from './support/benchArgs.js'
import { interleave, roundRatios, roundSeconds, type Timings } from './support/interleave.js'
import { printHeader, printReport, type ReportRow, rate } from './support/printReport.js'
import { singleThreadedGc } from './support/singleThreadedGc.js'
import { spread } from './support/spread.js'

singleThreadedGc()
const { rounds, scale } = benchArgs('npm run bench:simulate -- [--rounds 7] [--scale 1]', { rounds: 7 })
const LAMBDA = 3 // arrivals a day
const MEAN_REVIEW = 0.2 // days
const MEAN_ROLLOUT = 1 // days
const WARMUP = 20 // days: many relaxation times of a ρ = 0.6 queue
const N = Math.max(1000, Math.round(10_000 * scale)) // initiatives per replication
const SLICES = 16 // replications per round and side
const XSTATE_N = Math.max(200, Math.round(1000 * scale))
const SEED = 20_260_301
const TARGET = 2.5
const RHO = LAMBDA * MEAN_REVIEW

const policy = loadPolicyFile(new URL('../machines/policies/two-keys.yaml', import.meta.url).pathname)
const table = compile(policy)
const scenarioFor = (initiatives: number): Scenario =>
  ScenarioSchema.parse({
    version: 1,
    name: 'fork-join',
    horizonDays: WARMUP + initiatives / LAMBDA,
    warmupDays: WARMUP,
    arrivals: { kind: 'poisson', ratePerDay: LAMBDA },
    mix: [{ objective: 'infrastructure', scope: 'federal' }],
    reviewers: {
      default: { reviewDays: { kind: 'exponential', mean: MEAN_REVIEW }, decisions: { approve: 1 } },
    },
    rollout: { federalDays: { kind: 'exponential', mean: MEAN_ROLLOUT } },
    wipPoints: 2,
  })
const model = createSimulationModel(policy, table, scenarioFor(N))
if (model.reviewers.length !== 2 || model.reviewers.some((r) => r.capacity !== 1 || r.deputy !== null))
  throw new Error('the fork-join scenario should give two single-server co-chairs without deputies')
const [pa, ga] = model.reviewers.map((r) => r.id) as [string, string]

/** The statistics both sides report, by the simulator's scalar names. */
const STATS = [
  'approvalDays.mean',
  'approvalDays.p50',
  'approvalDays.p90',
  'completionDays.mean',
  `utilisation.${pa}`,
  `utilisation.${ga}`,
  `queue.${pa}`,
  `queue.${ga}`,
  'wip.mean',
]

// ── The hand-written event loop ──────────────────────────────────────────────────────────────
const ARRIVAL = 0
const REVIEWED = 1 // + co-chair (0 or 1)
const ROLLED_OUT = 3
const HAND = hashString('hand-written fork-join')

/** A binary min-heap of (time, code) in typed arrays. */
class Heap {
  times = new Float64Array(1024)
  codes = new Int32Array(1024)
  size = 0
  push(t: number, code: number) {
    if (this.size === this.times.length) {
      const times = new Float64Array(this.size * 2)
      times.set(this.times)
      const codes = new Int32Array(this.size * 2)
      codes.set(this.codes)
      this.times = times
      this.codes = codes
    }
    let i = this.size++
    while (i > 0) {
      const p = (i - 1) >> 1
      if ((this.times[p] as number) <= t) break
      this.times[i] = this.times[p] as number
      this.codes[i] = this.codes[p] as number
      i = p
    }
    this.times[i] = t
    this.codes[i] = code
  }
  /** Removes the earliest event; its time and code are left in `t` and `code`. */
  t = 0
  code = 0
  pop(): boolean {
    if (this.size === 0) return false
    this.t = this.times[0] as number
    this.code = this.codes[0] as number
    const n = --this.size
    const lt = this.times[n] as number
    const lc = this.codes[n] as number
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= n) break
      if (c + 1 < n && (this.times[c + 1] as number) < (this.times[c] as number)) c++
      if (lt <= (this.times[c] as number)) break
      this.times[i] = this.times[c] as number
      this.codes[i] = this.codes[c] as number
      i = c
    }
    this.times[i] = lt
    this.codes[i] = lc
    return true
  }
}

/** One replication of the fork-join model, written for it alone. */
function handWritten(initiatives: number, replication: number) {
  const horizon = WARMUP + initiatives / LAMBDA
  const { windowDays, plenaryDays } = policy.review
  const random = new Random(SEED, replication, HAND)
  const exp = (mean: number) => -mean * Math.log(1 - random.next())
  const heap = new Heap()
  let size = 1024
  let submitted = new Float64Array(size)
  let waiting = new Uint8Array(size) // keys still to turn
  const ring = [new Int32Array(1024), new Int32Array(1024)]
  const head = [0, 0]
  const length = [0, 0]
  const busy = [0, 0]
  const busyArea = [0, 0]
  const queueArea = [0, 0]
  let wip = 0
  let wipArea = 0
  let last = 0
  let n = 0
  let counted = 0
  let approvalSum = 0
  let approvalN = 0
  let completionSum = 0
  let completionN = 0
  let escalated = 0
  let lapsed = 0
  const approvalQ = [0.5, 0.9].map((p) => new P2Quantile(p))

  const serve = (s: number, t: number, id: number) => {
    busy[s] = 1
    heap.push(t + exp(MEAN_REVIEW), (id << 2) | (REVIEWED + s))
  }
  const enqueue = (s: number, id: number) => {
    let r = ring[s] as Int32Array
    if (length[s] === r.length) {
      const grown = new Int32Array(r.length * 2)
      for (let i = 0; i < r.length; i++) grown[i] = r[((head[s] as number) + i) % r.length] as number
      ring[s] = r = grown
      head[s] = 0
    }
    r[((head[s] as number) + (length[s] as number)) % r.length] = id
    length[s] = (length[s] as number) + 1
  }

  heap.push(exp(1 / LAMBDA), ARRIVAL)
  while (heap.pop()) {
    const t = heap.t
    if (t > horizon) break
    const from = Math.max(last, WARMUP)
    if (t > from) {
      const dt = t - from
      wipArea += wip * dt
      busyArea[0] = (busyArea[0] as number) + (busy[0] as number) * dt
      busyArea[1] = (busyArea[1] as number) + (busy[1] as number) * dt
      queueArea[0] = (queueArea[0] as number) + (length[0] as number) * dt
      queueArea[1] = (queueArea[1] as number) + (length[1] as number) * dt
    }
    last = t
    const kind = heap.code & 3
    const id = heap.code >> 2
    if (kind === ARRIVAL) {
      if (n === size) {
        size *= 2
        const s = new Float64Array(size)
        s.set(submitted)
        submitted = s
        const w = new Uint8Array(size)
        w.set(waiting)
        waiting = w
      }
      submitted[n] = t
      waiting[n] = 2
      if (t >= WARMUP) counted++
      wip++
      for (let s = 0; s < 2; s++) {
        if (busy[s] === 0) serve(s, t, n)
        else enqueue(s, n)
      }
      n++
      heap.push(t + exp(1 / LAMBDA), ARRIVAL)
    } else if (kind === ROLLED_OUT) {
      wip--
      const lead = t - (submitted[id] as number)
      if ((submitted[id] as number) >= WARMUP) {
        completionSum += lead
        completionN++
      }
    } else {
      const s = kind - REVIEWED
      waiting[id] = (waiting[id] as number) - 1
      if (waiting[id] === 0) {
        const lead = t - (submitted[id] as number)
        const late = lead > windowDays
        if (late && lead > windowDays + plenaryDays) {
          // The plenary closed first: the initiative lapsed and was never approved.
          if ((submitted[id] as number) >= WARMUP) lapsed++
          wip--
        } else {
          if ((submitted[id] as number) >= WARMUP) {
            approvalSum += lead
            approvalN++
            for (const q of approvalQ) q.add(lead)
            if (late) escalated++
          }
          heap.push(t + exp(MEAN_ROLLOUT), (id << 2) | ROLLED_OUT)
        }
      }
      if ((length[s] as number) > 0) {
        const r = ring[s] as Int32Array
        const next = r[head[s] as number] as number
        head[s] = ((head[s] as number) + 1) % r.length
        length[s] = (length[s] as number) - 1
        serve(s, t, next)
      } else busy[s] = 0
    }
  }
  const observed = horizon - WARMUP
  const scalars: Record<string, number> = {
    arrivals: counted,
    'approvalDays.mean': approvalSum / approvalN,
    'approvalDays.p50': approvalQ[0]?.value() ?? Number.NaN,
    'approvalDays.p90': approvalQ[1]?.value() ?? Number.NaN,
    'completionDays.mean': completionSum / completionN,
    [`utilisation.${pa}`]: (busyArea[0] as number) / observed,
    [`utilisation.${ga}`]: (busyArea[1] as number) / observed,
    [`queue.${pa}`]: (queueArea[0] as number) / observed,
    [`queue.${ga}`]: (queueArea[1] as number) / observed,
    'wip.mean': wipArea / observed,
    escalated,
    lapsed,
  }
  return { initiatives: n, scalars }
}

// ── XState per transition (the simulator's `step` hook) ──────────────────────────────────────
const machine = createInitiativeMachine(policy)
const setup = explorationSetup(policy, { symmetry: false })
const stateOf = new Map(table.keys.map((k, i) => [k, i]))
const stepper = createStepper(machine)
const [initial] = initialTransition(machine, { policyHash: hashPolicy(policy) })
const snapshots = new Map<number, InitiativeSnapshot>()
const xstateStep = (initiative: number, _from: number, e: number): number => {
  const before = snapshots.get(initiative) ?? initial
  const concrete = instantiate(setup.alphabetContext, table.events[e]!, before.value, before.context)
  if (concrete === null) return -1
  const after = stepper(before, concrete)
  if (after === before) return -1
  if (after.status === 'done') snapshots.delete(initiative)
  else snapshots.set(initiative, after)
  return stateOf.get(setup.abstractKey(after)) ?? -1
}

// ── Runs ─────────────────────────────────────────────────────────────────────────────────────
printHeader(
  'twokeys simulate benchmark',
  `fork-join scenario (λ = ${LAMBDA}/day, two FIFO co-chairs, exponential reviews of mean ${MEAN_REVIEW} d, ρ = ${RHO.toFixed(2)}) on policy ${policy.id} (${table.states} table states); ${N.toLocaleString('en-US')} initiatives per replication, ${SLICES} replications per side and round, ${rounds} rounds after a warm-up; XState at ${XSTATE_N.toLocaleString('en-US')} per replication`,
)
const seen = { table: [] as Record<string, number>[], hand: [] as Record<string, number>[] }
const count = { table: [] as number[], hand: [] as number[] }
const replicationOf = (slice: number, round: number) => round * SLICES + slice
const main = await interleave({
  rounds,
  slices: SLICES,
  beforeRound: () => {
    count.table.push(0)
    count.hand.push(0)
  },
  contenders: [
    {
      name: 'table',
      run: (slice, round) => {
        const r = runReplication(model, SEED, replicationOf(slice, round))
        count.table[round] = (count.table[round] as number) + r.initiatives
        seen.table.push(r.scalars)
      },
    },
    {
      name: 'hand',
      run: (slice, round) => {
        const r = handWritten(N, replicationOf(slice, round))
        count.hand[round] = (count.hand[round] as number) + r.initiatives
        seen.hand.push(r.scalars)
      },
    },
  ],
})
const small = createSimulationModel(policy, table, scenarioFor(XSTATE_N))
const xstate = await interleave({
  rounds,
  slices: 1,
  contenders: [
    { name: 'table', run: (_slice, round) => void runReplication(small, SEED, round) },
    {
      name: 'xstate',
      run: (_slice, round) => {
        snapshots.clear()
        runReplication(small, SEED, round, { step: xstateStep })
      },
    },
  ],
})

/** CPU seconds per initiative, per measured round (the warm-up round's counts dropped). */
const perInitiative = (t: Timings, side: 'table' | 'hand') => {
  const counts = count[side].slice(-rounds)
  return roundSeconds(t, 'cpu', side).map((s, r) => s / (counts[r] as number))
}
const tablePer = perInitiative(main, 'table')
const handPer = perInitiative(main, 'hand')
const rows: ReportRow[] = [
  {
    benchmark: `simulation, fork-join, ${N.toLocaleString('en-US')} initiatives a replication`,
    baseline: 'hand-written event loop',
    clock: 'CPU',
    ratios: tablePer.map((x, r) => x / (handPer[r] as number)),
    reads: 'table ÷ hand CPU per initiative',
    target: { op: '≤', value: TARGET },
    rates: `${rate(1 / spread(tablePer).median)} vs ${rate(1 / spread(handPer).median)} initiatives per CPU second`,
  },
  {
    benchmark: `simulation, fork-join, ${XSTATE_N.toLocaleString('en-US')} initiatives a replication`,
    baseline: 'same loop, XState per transition',
    clock: 'CPU',
    ratios: roundRatios(xstate, 'cpu', 'xstate', 'table'),
    reads: 'XState ÷ table time',
  },
]
printReport(rows)

// The statistics, side by side: both must agree within their intervals (the warm-up round included).
const warm = SLICES // the warm-up round's replications
const forkJoinMean = ((12 - RHO) / 8) * (1 / (1 / MEAN_REVIEW - LAMBDA))
const theory: Record<string, number> = {
  'approvalDays.mean': forkJoinMean,
  'completionDays.mean': forkJoinMean + MEAN_ROLLOUT,
  'wip.mean': LAMBDA * (forkJoinMean + MEAN_ROLLOUT), // Little's law
  [`utilisation.${pa}`]: RHO,
  [`utilisation.${ga}`]: RHO,
  [`queue.${pa}`]: (RHO * RHO) / (1 - RHO),
  [`queue.${ga}`]: (RHO * RHO) / (1 - RHO),
}
const show = (e: Estimate) => `${e.mean.toFixed(4)} ± ${e.halfWidth.toFixed(4)}`
console.log(
  `\nstatistics over ${seen.table.length - warm} replications a side (mean ± 95% half-width)\nstatistic${' '.repeat(22)}table${' '.repeat(17)}hand-written${' '.repeat(10)}theory    agree`,
)
let disagree = 0
for (const name of STATS) {
  const a = estimate(seen.table.slice(warm).map((s) => s[name] ?? Number.NaN))
  const b = estimate(seen.hand.slice(warm).map((s) => s[name] ?? Number.NaN))
  const agree = Math.abs(a.mean - b.mean) <= Math.hypot(a.halfWidth, b.halfWidth)
  if (!agree) disagree++
  const t = theory[name]
  console.log(
    `${name.padEnd(31)}${show(a).padEnd(22)}${show(b).padEnd(22)}${(t === undefined ? '' : t.toFixed(4)).padEnd(10)}${agree ? 'yes' : 'NO'}`,
  )
}
const late = seen.hand.slice(warm).reduce((a, s) => a + (s.escalated ?? 0) + (s.lapsed ?? 0), 0)
console.log(
  `${disagree === 0 ? 'every statistic agrees' : `${disagree} statistic(s) disagree`} (difference within the combined 95% half-widths); approvals past the window in the hand-written loop: ${late}`,
)
