/**
 * Simulated events per second on the seed scenario (examples/scenarios/baseline.yaml under
 * machines/policies/two-keys.yaml), table-driven, against a baseline measured in the same run:
 * the same simulation loop where every transition is XState's own pure transition on one
 * snapshot per initiative (concrete events built by the explorer's `instantiate`, the next
 * table state found by its abstract key). The XState baseline runs a smaller N and its rate is
 * compared as a rate (events per second), which does not depend on N.
 *
 * A second baseline, at the full N: a reducer written by hand for the seed policy (no table, no
 * XState), driven by the same loop, arrivals and random streams through the same `step` hook.
 * The compiled table should run within 2× of it; both must give statistically similar approval
 * times, which the run prints side by side.
 *
 *   npx tsx bench/simulate.ts [initiatives = 1000000] [xstateInitiatives = initiatives / 100]
 */
import { initialTransition } from 'xstate'
import { createInitiativeMachine } from '../machines/initiative.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { loadScenarioFile } from '../src/simulate/loadScenario.js'
import { runReplication } from '../src/simulate/runReplication.js'
import { createSimulationModel, type SimulationModel } from '../src/simulate/SimulationModel.js'
import { instantiate } from '../src/verify/alphabet.js'
import { type CompiledTable, compile, KEY_STATUSES, PHASES, TRACKS } from '../src/verify/compile.js'
import { explorationSetup, type InitiativeSnapshot } from '../src/verify/explore.js'
import { createStepper } from '../src/verify/stepper.js'

const n = Number(process.argv[2] ?? 1_000_000)
const nx = Number(process.argv[3] ?? Math.max(1000, Math.round(n / 100)))
const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const base = loadScenarioFile('examples/scenarios/baseline.yaml')
const table = compile(policy)
const rate = base.arrivals.kind === 'poisson' ? base.arrivals.ratePerDay : 1
const scenarioFor = (initiatives: number) => ({ ...base, horizonDays: initiatives / rate, warmupDays: 0 })

function measure(
  label: string,
  initiatives: number,
  step?: (i: number, from: number, e: number) => number,
  adapt: (model: SimulationModel) => SimulationModel = (m) => m,
) {
  const model = adapt(createSimulationModel(policy, table, scenarioFor(initiatives)))
  const started = performance.now()
  const r = runReplication(model, 1, 0, step === undefined ? {} : { step })
  const seconds = (performance.now() - started) / 1000
  const perSecond = r.events / seconds
  console.log(
    `${label.padEnd(28)} ${r.initiatives.toLocaleString('en').padStart(10)} initiatives  ${r.events.toLocaleString('en').padStart(11)} events  ${seconds.toFixed(2).padStart(7)} s  ${Math.round(perSecond).toLocaleString('en').padStart(11)} events/s`,
  )
  return { perSecond, result: r }
}

// ── The hand-written reducer baseline ────────────────────────────────────────────────────────
// The seed policy's rules written out by hand, as a reducer over a packed integer state, driven
// by the same event loop, arrivals and random streams (only `step` differs). Two keys, quorum 1,
// both veto; a closed review window goes to plenary, a closed plenary lapses; approval routes by
// the proposal's scope. State bits: phase (4, numbered as PHASES) · scope (2) · key 0 and key 1
// status (2 each, numbered as KEY_STATUSES) · delegated key 0, key 1 (1 each) · regional seat 0,
// seat 1 answered (1 each) · key 0, key 1 delegated once already (1 each). The loop reads phase, key status and finality per state number, so
// the reducer comes with those arrays over its own 2¹⁶ state numbers; it never reads the table.
const P_NONE = PHASES.indexOf('none')
const P_DRAFT = PHASES.indexOf('draft')
const P_REVIEW = PHASES.indexOf('review')
const P_PLENARY = PHASES.indexOf('plenary')
const P_RETURNED = PHASES.indexOf('returned')
const P_COMPLETED = PHASES.indexOf('completed')
const P_WITHDRAWN = PHASES.indexOf('withdrawn')
const P_LAPSED = PHASES.indexOf('lapsed')
const P_ROLLOUT = [
  PHASES.indexOf('federalRollout'),
  PHASES.indexOf('regionalRollout'),
  PHASES.indexOf('exportRollout'),
]
const K_NONE = KEY_STATUSES.indexOf('none')
const K_PENDING = KEY_STATUSES.indexOf('pending')
const K_TURNED = KEY_STATUSES.indexOf('turned')
const SCOPE_SHIFT = 4
const KS_SHIFT = [6, 8]
const KS_CLEAR = ~(0b1111 << 6)
const DEL_BIT = [1 << 10, 1 << 11]
const DEL_BITS = (1 << 10) | (1 << 11)
const USED_BIT = [1 << 14, 1 << 15]
const ANSWERED_BIT = [1 << 12, 1 << 13]
const HAND_STATES = 1 << 16
const PHASE_MASK = 15
const FINAL_PHASES = [P_COMPLETED, P_WITHDRAWN, P_LAPSED]

// Opcodes of the reducer, one per event of the table's alphabet the simulator sends (0: none).
const OP_PROPOSE = 1
const OP_SUBMIT = 2
const OP_WITHDRAW = 3
const OP_AMEND = 4
const OP_APPROVE = 5
const OP_REFUSE = 6
const OP_DEPUTY_APPROVE = 7
const OP_DEPUTY_REFUSE = 8
const OP_DELEGATE = 9
const OP_TICK_WINDOW = 10
const OP_TICK_EXPIRY = 11
const OP_TICK_DELEGATION = 12
const OP_COMPLETE = 13
const OP_RESPOND = 14
const OP_DESTINATION = 15

function handWrittenReducer(model: SimulationModel) {
  if (model.policy.keys.length !== 2 || model.policy.review.onClose !== 'plenary') {
    throw new Error('the hand-written reducer is written for the seed policy (two keys, plenary on close)')
  }
  // Event number → opcode and argument (key, scope or regional seat), from the model's event words.
  const op = new Uint8Array(model.table.eventCount)
  const arg = new Int8Array(model.table.eventCount)
  const set = (e: number, o: number, a = 0) => {
    if (e >= 0) {
      op[e] = o
      arg[e] = a
    }
  }
  model.scenario.mix.forEach((m, i) => {
    set(model.propose[i] as number, OP_PROPOSE, TRACKS.indexOf(m.scope))
  })
  set(model.ev.submit, OP_SUBMIT)
  set(model.ev.withdraw, OP_WITHDRAW)
  set(model.ev.amend, OP_AMEND)
  set(model.ev.window, OP_TICK_WINDOW)
  set(model.ev.expiry, OP_TICK_EXPIRY)
  set(model.ev.delegation, OP_TICK_DELEGATION)
  set(model.ev.complete, OP_COMPLETE)
  model.ev.respond.forEach(([accept, decline], t) => {
    set(accept, OP_RESPOND, t)
    set(decline, OP_RESPOND, t)
  })
  set(model.ev.destination[0], OP_DESTINATION)
  set(model.ev.destination[1], OP_DESTINATION)
  for (const seat of model.seats) {
    set(seat.approve, OP_APPROVE, seat.key)
    set(seat.refuse, OP_REFUSE, seat.key)
    set(seat.delegate, OP_DELEGATE, seat.key)
  }
  model.deputy.forEach((d, k) => {
    set(d.approve, OP_DEPUTY_APPROVE, k)
    set(d.refuse, OP_DEPUTY_REFUSE, k)
  })

  const keyOf = (s: number, k: number) => (s >> (KS_SHIFT[k] as number)) & 3
  const withKeys = (s: number, a: number, b: number) => (s & KS_CLEAR) | (a << 6) | (b << 8)
  const inReview = (ph: number) => ph === P_REVIEW || ph === P_PLENARY
  const open = (ph: number) => ph === P_DRAFT || ph === P_REVIEW || ph === P_PLENARY || ph === P_RETURNED

  const approve = (s: number, k: number): number => {
    const ph = s & PHASE_MASK
    if (!inReview(ph) || keyOf(s, k) !== K_PENDING) return -1
    if (keyOf(s, 1 - k) === K_TURNED) {
      // Both keys turned: approved, routed by the proposal's scope.
      const scope = (s >> SCOPE_SHIFT) & 3
      return withKeys((s & ~PHASE_MASK) | (P_ROLLOUT[scope] as number), K_TURNED, K_TURNED)
    }
    return (s & ~(3 << (KS_SHIFT[k] as number))) | (K_TURNED << (KS_SHIFT[k] as number))
  }
  const refuse = (s: number, k: number): number => {
    const ph = s & PHASE_MASK
    if (!inReview(ph) || keyOf(s, k) !== K_PENDING) return -1
    return withKeys((s & ~PHASE_MASK) | P_RETURNED, K_NONE, K_NONE) // a veto: back to the sponsor
  }

  const reduce = (s: number, e: number): number => {
    const ph = s & PHASE_MASK
    const a = arg[e] as number
    switch (op[e]) {
      case OP_PROPOSE:
        return ph === P_NONE ? P_DRAFT | (a << SCOPE_SHIFT) : -1
      case OP_SUBMIT:
        return ph === P_DRAFT ? withKeys((s & ~PHASE_MASK) | P_REVIEW, K_PENDING, K_PENDING) : -1
      case OP_WITHDRAW:
        return open(ph) ? withKeys((s & ~PHASE_MASK) | P_WITHDRAWN, K_NONE, K_NONE) : -1
      case OP_AMEND:
        // A new revision: every approval so far stops counting; a returned dossier is resubmitted.
        if (ph === P_DRAFT) return s
        if (inReview(ph)) return withKeys(s, K_PENDING, K_PENDING)
        if (ph === P_RETURNED) return withKeys((s & ~PHASE_MASK) | P_REVIEW, K_PENDING, K_PENDING)
        return -1
      case OP_APPROVE:
        return approve(s, a)
      case OP_REFUSE:
        return refuse(s, a)
      case OP_DEPUTY_APPROVE:
        return (s & (DEL_BIT[a] as number)) === 0 ? -1 : approve(s, a)
      case OP_DEPUTY_REFUSE:
        return (s & (DEL_BIT[a] as number)) === 0 ? -1 : refuse(s, a)
      case OP_DELEGATE:
        // A holder delegates once per initiative.
        return open(ph) && (s & (USED_BIT[a] as number)) === 0
          ? s | (DEL_BIT[a] as number) | (USED_BIT[a] as number)
          : -1
      case OP_TICK_DELEGATION:
        // The delegation ends; a tick with no delegation running has nothing to do.
        return open(ph) && (s & DEL_BITS) !== 0 ? s & ~DEL_BITS : -1
      case OP_TICK_WINDOW:
        // The window closes: plenary, and any delegation ends.
        if (ph === P_REVIEW) return (s & ~PHASE_MASK & ~DEL_BITS) | P_PLENARY
        if (ph === P_PLENARY) return withKeys((s & ~PHASE_MASK) | P_LAPSED, K_NONE, K_NONE)
        return -1
      case OP_TICK_EXPIRY:
        // Lifetimes are checked when the last key would turn; with a 90-day lifetime and a 30 + 14
        // day review no approval in review is ever that old, so the tick has nothing to do.
        return -1
      case OP_COMPLETE:
        return ph === P_ROLLOUT[0] ? (s & ~PHASE_MASK) | P_COMPLETED : -1
      case OP_RESPOND: {
        if (ph !== P_ROLLOUT[1] || (s & (ANSWERED_BIT[a] as number)) !== 0) return -1
        const answered = s | (ANSWERED_BIT[a] as number)
        const both = (ANSWERED_BIT[0] as number) | (ANSWERED_BIT[1] as number)
        return (answered & both) === both ? (answered & ~PHASE_MASK) | P_COMPLETED : answered
      }
      case OP_DESTINATION:
        return ph === P_ROLLOUT[2] ? (s & ~PHASE_MASK) | P_COMPLETED : -1
      default:
        return -1
    }
  }

  // What the loop reads per state number, decoded from the reducer's own bits.
  const phase = new Int8Array(HAND_STATES)
  const keyStatus = new Int8Array(HAND_STATES * 2)
  const track = new Int8Array(HAND_STATES).fill(-1)
  const final = new Uint8Array(HAND_STATES)
  for (let s = 0; s < HAND_STATES; s++) {
    const ph = s & PHASE_MASK
    phase[s] = ph < PHASES.length ? ph : P_NONE
    keyStatus[s * 2] = keyOf(s, 0)
    keyStatus[s * 2 + 1] = keyOf(s, 1)
    if (P_ROLLOUT.includes(ph) || ph === P_COMPLETED) track[s] = (s >> SCOPE_SHIFT) & 3
    final[s] = FINAL_PHASES.includes(ph) ? 1 : 0
  }
  const table: CompiledTable = {
    ...model.table,
    states: HAND_STATES,
    next: new Int32Array(0), // never read: every transition goes through `step`
    phase,
    keyStatus,
    track,
    final,
    keys: [],
  }
  return {
    model: { ...model, table },
    step: (_initiative: number, from: number, e: number) => reduce(from, e),
  }
}

// The XState baseline: one snapshot per initiative, XState's pure transition for every event.
const machine = createInitiativeMachine(policy)
const setup = explorationSetup(policy, { symmetry: false })
const stateOf = new Map(table.keys.map((k, i) => [k, i]))
const stepper = createStepper(machine)
const [initial] = initialTransition(machine, { policyHash: hashPolicy(policy) })
const snapshots = new Map<number, InitiativeSnapshot>()
const xstateStep = (initiative: number, _from: number, e: number): number => {
  const before = snapshots.get(initiative) ?? initial
  const event = table.events[e]!
  const concrete = instantiate(setup.alphabetContext, event, before.value, before.context)
  if (concrete === null) return -1
  const after = stepper(before, concrete)
  if (after === before) return -1
  if (after.status === 'done') snapshots.delete(initiative)
  else snapshots.set(initiative, after)
  return stateOf.get(setup.abstractKey(after)) ?? -1
}

console.log(
  `twokeys simulate benchmark — policy ${policy.id}, scenario ${base.name}, ${table.states} table states\n`,
)
const reducer = handWrittenReducer(createSimulationModel(policy, table, scenarioFor(n)))
const handModel = (m: SimulationModel) => ({ ...m, table: reducer.model.table })
// Warm both paths up (JIT) on a short run first, so neither pays for compilation in its figure.
for (const warm of [
  createSimulationModel(policy, table, scenarioFor(20_000)),
  handModel(createSimulationModel(policy, table, scenarioFor(20_000))),
]) {
  runReplication(warm, 2, 0, warm.table.next.length === 0 ? { step: reducer.step } : {})
}
const heapBefore = process.memoryUsage().heapUsed
const fast = measure('compiled table', n)
const peakRss = process.resourceUsage().maxRSS / 1024
const heapAfter = process.memoryUsage().heapUsed
const hand = measure('hand-written reducer', n, reducer.step, handModel)
const sameRun = measure('compiled table (xstate N)', nx)
const slow = measure('XState transition()', nx, xstateStep)
const agree = JSON.stringify(sameRun.result.scalars) === JSON.stringify(slow.result.scalars)
console.log(`\nspeed-up over XState:      ${(fast.perSecond / slow.perSecond).toFixed(0)}×  (target ≥ 50×)`)
console.log(`XState and table agree:    ${agree ? 'yes, identical statistics on the same N' : 'NO'}`)
console.log(`peak RSS (whole process):  ${peakRss.toFixed(0)} MB  (target < 300 MB for 1M initiatives)`)
console.log(`heap growth over the run:  ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB`)
const handRatio = hand.perSecond / fast.perSecond
const approvalMean = (r: typeof fast) => r.result.scalars['approvalDays.mean'] as number
const approvalN = (r: typeof fast) => r.result.scalars.arrivals as number
const relative = Math.abs(approvalMean(fast) - approvalMean(hand)) / approvalMean(hand)
console.log(
  `hand-written reducer / table: ${handRatio.toFixed(2)}×  (table ${Math.round(fast.perSecond).toLocaleString('en')} events/s, reducer ${Math.round(hand.perSecond).toLocaleString('en')} events/s; target ≤ 2×)`,
)
console.log(
  `approval time, mean:        table ${approvalMean(fast).toFixed(3)} d, reducer ${approvalMean(hand).toFixed(3)} d  (${(relative * 100).toFixed(2)}% apart over ${approvalN(fast).toLocaleString('en')} submissions; ${JSON.stringify(fast.result.scalars) === JSON.stringify(hand.result.scalars) ? 'identical statistics' : 'statistics differ'})`,
)
