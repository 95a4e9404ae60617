/**
 * Simulated events per second on the seed scenario (examples/scenarios/baseline.yaml under
 * machines/policies/two-keys.yaml), table-driven, against a baseline measured in the same run:
 * the same simulation loop where every transition is XState's own pure transition on one
 * snapshot per initiative (concrete events built by the explorer's `instantiate`, the next
 * table state found by its abstract key). The XState baseline runs a smaller N and its rate is
 * compared as a rate (events per second), which does not depend on N.
 *
 *   npx tsx bench/simulate.ts [initiatives = 1000000] [xstateInitiatives = initiatives / 100]
 */
import { initialTransition } from 'xstate'
import { createInitiativeMachine } from '../machines/initiative.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicy.js'
import { loadScenarioFile } from '../src/simulate/loadScenario.js'
import { runReplication } from '../src/simulate/runReplication.js'
import { createSimulationModel } from '../src/simulate/SimulationModel.js'
import { instantiate } from '../src/verify/alphabet.js'
import { compile } from '../src/verify/compile.js'
import { explorationSetup, type InitiativeSnapshot } from '../src/verify/explore.js'
import { createStepper } from '../src/verify/stepper.js'

const n = Number(process.argv[2] ?? 1_000_000)
const nx = Number(process.argv[3] ?? Math.max(1000, Math.round(n / 100)))
const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const base = loadScenarioFile('examples/scenarios/baseline.yaml')
const table = compile(policy)
const rate = base.arrivals.kind === 'poisson' ? base.arrivals.ratePerDay : 1
const scenarioFor = (initiatives: number) => ({ ...base, horizonDays: initiatives / rate, warmupDays: 0 })

function measure(label: string, initiatives: number, step?: (i: number, from: number, e: number) => number) {
  const model = createSimulationModel(policy, table, scenarioFor(initiatives))
  const started = performance.now()
  const r = runReplication(model, 1, 0, step === undefined ? {} : { step })
  const seconds = (performance.now() - started) / 1000
  const perSecond = r.events / seconds
  console.log(
    `${label.padEnd(28)} ${r.initiatives.toLocaleString('en').padStart(10)} initiatives  ${r.events.toLocaleString('en').padStart(11)} events  ${seconds.toFixed(2).padStart(7)} s  ${Math.round(perSecond).toLocaleString('en').padStart(11)} events/s`,
  )
  return { perSecond, result: r }
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
const heapBefore = process.memoryUsage().heapUsed
const fast = measure('compiled table', n)
const peakRss = process.resourceUsage().maxRSS / 1024
const heapAfter = process.memoryUsage().heapUsed
const sameRun = measure('compiled table (xstate N)', nx)
const slow = measure('XState transition()', nx, xstateStep)
const agree = JSON.stringify(sameRun.result.scalars) === JSON.stringify(slow.result.scalars)
console.log(`\nspeed-up over XState:      ${(fast.perSecond / slow.perSecond).toFixed(0)}×  (target ≥ 50×)`)
console.log(`XState and table agree:    ${agree ? 'yes, identical statistics on the same N' : 'NO'}`)
console.log(`peak RSS (whole process):  ${peakRss.toFixed(0)} MB  (target < 300 MB for 1M initiatives)`)
console.log(`heap growth over the run:  ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MB`)
console.log('hand-written reducer baseline: not implemented (see the report)')
