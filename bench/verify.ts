/**
 * The verifier's explorer against two searches of the same state space, in the same process,
 * interleaved run by run, by CPU time:
 *
 * - a plain breadth-first search written here (an array queue with a head index, a Map of seen
 *   keys) over the same stepper (machines/stepper.ts), each command asked of XState's selection
 *   first, with the same alphabet, the same abstract state keys and the same twin commands — what
 *   the explorer has to beat: target ≥ 3× its speed;
 * - xstate/graph's `getAdjacencyMap` with the same events and state serialisation (reported; its
 *   own queue uses Array.shift(), so most of the gap to it is its overhead, not the explorer's gain).
 *
 *   npm run bench:verify -- [--rounds 7] [--full]
 *
 * Policies: the shipped ones and a generated one with 6 alike keys, one holder each. By default
 * `getAdjacencyMap` is skipped on council (tens of seconds a run); `--full` runs it there too, and
 * times (wall) `verify` on 6 keys with an aide each and `twokeys verify two-keys.yaml` end to end.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { initialTransition } from 'xstate'
import { getAdjacencyMap } from 'xstate/graph'
import { createInitiativeMachine, type InitiativeMachine } from '../machines/initiative.js'
import { createStepper } from '../machines/stepper.js'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import { instantiate } from '../src/explore/alphabet.js'
import { explorationSetup, explore, type InitiativeSnapshot } from '../src/explore/explore.js'
import { hashPolicy } from '../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import type { Policy } from '../src/policy/PolicySchema.js'
import { manyKeysPolicy } from '../src/verify/manyKeysPolicy.js'
import { verify } from '../src/verify/verify.js'
import { benchArgs } from './support/benchArgs.js'
import { cpuSeconds } from './support/cpuSeconds.js'
import { type Contender, interleave, roundRatios, roundSeconds } from './support/interleave.js'
import { printHeader, printReport, type ReportRow, rate } from './support/printReport.js'
import { singleThreadedGc } from './support/singleThreadedGc.js'
import { spread } from './support/spread.js'

singleThreadedGc()
const { rounds, values } = benchArgs(
  'npm run bench:verify -- [--rounds 7] [--full]',
  { rounds: 7 },
  { full: { type: 'boolean' } },
)
const FULL = values.full === true
const TARGET = 3
// Council takes seconds a search: fewer rounds, and no warm-up round (the cases before it warm the JIT).
const COUNCIL_ROUNDS = Math.min(rounds, FULL ? 3 : 2)
// Small cases repeat each search within a slice, so that a slice takes about this long.
const SLICE_SECONDS = 0.15

/**
 * Breadth-first search over the abstract states as one would write it with XState's public API:
 * each command asked of the whole chart first (`getTransitionData`, which finds a refusal without
 * the macrostep) and stepped only where some transition is enabled — without the explorer's own
 * shortcuts (the filter by event type and key, the selection asked only of the nodes with
 * transitions), but with its reductions: the same state keys, and a command on an alike key left
 * to its twin (`twinLetters`) as the explorer leaves it, so that the ratio is the search's speed,
 * not the reduction's.
 */
function plainSearch(policy: Policy, machine: InitiativeMachine) {
  const { alphabet, alphabetContext, abstractKey, leftIn } = explorationSetup(policy)
  const step = createStepper(machine)
  const [initial] = initialTransition(machine, { policyHash: hashPolicy(policy) })
  const seen = new Map([[abstractKey(initial), 0]])
  const queue: InitiativeSnapshot[] = [initial]
  let transitions = 0
  for (let head = 0; head < queue.length; head++) {
    const before = queue[head] as InitiativeSnapshot
    if (before.status !== 'active') continue
    const left = leftIn(before)
    for (const event of alphabet) {
      if (left?.(event) === true) continue
      const concrete = instantiate(alphabetContext, event, before.value, before.context)
      if (concrete === null) continue
      if (machine.getTransitionData(before, concrete).length === 0) continue // refused
      const after = step(before, concrete)
      if (after === before) continue // refused
      transitions++
      const key = abstractKey(after)
      if (!seen.has(key)) {
        seen.set(key, queue.length)
        queue.push(after)
      }
    }
  }
  return { states: queue.length, transitions }
}

function adjacencyStates(policy: Policy, machine: InitiativeMachine): number {
  const { alphabet, alphabetContext, abstractKey } = explorationSetup(policy)
  const map = getAdjacencyMap(machine, {
    input: { policyHash: hashPolicy(policy) },
    events: (s: InitiativeSnapshot) =>
      alphabet
        .map((e) => instantiate(alphabetContext, e, s.value, s.context))
        .filter((e): e is InitiativeEvent => e !== null),
    serializeState: (s: InitiativeSnapshot) => abstractKey(s),
    serializeEvent: (e: InitiativeEvent) => JSON.stringify(e),
  })
  return Object.keys(map).length
}

const shipped = (name: string) =>
  loadPolicyFile(new URL(`../machines/policies/${name}.yaml`, import.meta.url).pathname)
const cases: { name: string; policy: Policy; adjacency: boolean; rounds: number }[] = [
  { name: 'two-keys', policy: shipped('two-keys'), adjacency: true, rounds },
  { name: 'single-key', policy: shipped('single-key'), adjacency: true, rounds },
  { name: '6 keys', policy: manyKeysPolicy(6, { deputies: false }), adjacency: true, rounds },
  { name: 'council', policy: shipped('council'), adjacency: FULL, rounds: COUNCIL_ROUNDS },
]

printHeader(
  'twokeys verify benchmark: explorer vs a plain breadth-first search vs getAdjacencyMap',
  `${rounds} rounds after a warm-up (council: ${COUNCIL_ROUNDS}, no warm-up); a round is 3 slices (council: 1), each runs every search (repeated to ~${SLICE_SECONDS * 1000} ms of the explorer), the first one rotating`,
)
const rows: ReportRow[] = []
for (const c of cases) {
  const machine = createInitiativeMachine(c.policy)
  const graph = explore(c.policy, machine)
  const states = graph.keys.length
  const transitions = graph.edges.count
  // Both searches leave commands to twins (twinLetters); without them the moves would be these.
  const everyMove = explore(c.policy, machine, { twins: false }).edges.count
  const reps = Math.max(1, Math.min(100, Math.round(SLICE_SECONDS / graph.seconds)))
  const large = c.name === 'council'
  const repeat = (f: () => void) => () => {
    for (let r = 0; r < reps; r++) f()
  }
  const contenders: Contender[] = [
    { name: 'explorer', run: repeat(() => void explore(c.policy, machine)) },
    {
      name: 'plain search',
      run: repeat(() => {
        const found = plainSearch(c.policy, machine)
        if (found.states !== states || found.transitions !== transitions)
          throw new Error(
            `${c.name}: the plain search found ${found.states} states and ${found.transitions} transitions, the explorer ${states} and ${transitions}`,
          )
      }),
    },
  ]
  if (c.adjacency)
    contenders.push({
      name: 'getAdjacencyMap',
      run: repeat(() => {
        const found = adjacencyStates(c.policy, machine)
        if (found !== states)
          throw new Error(`${c.name}: getAdjacencyMap found ${found} states, the explorer ${states}`)
      }),
    })
  const slices = large ? 1 : 3
  const t = await interleave({ rounds: c.rounds, slices, contenders, warmupRounds: large ? 0 : 1 })
  const runs = slices * reps
  const perSecond = (name: string) =>
    rate(spread(roundSeconds(t, 'cpu', name).map((s) => (states * runs) / s)).median)
  const moves =
    everyMove === transitions
      ? transitions.toLocaleString('en-US')
      : `${transitions.toLocaleString('en-US')} (${everyMove.toLocaleString('en-US')} trying every command)`
  const benchmark = `verify ${c.name} (${states.toLocaleString('en-US')} states, ${moves} transitions)`
  rows.push({
    benchmark,
    baseline: 'plain breadth-first search',
    clock: 'CPU',
    ratios: roundRatios(t, 'cpu', 'plain search', 'explorer'),
    reads: 'plain ÷ explorer time',
    target: { op: '≥', value: TARGET },
    rates: `${perSecond('explorer')} vs ${perSecond('plain search')} states per CPU second; explorer ${((spread(roundSeconds(t, 'cpu', 'explorer')).median / runs) * 1000).toFixed(1)} ms a search`,
  })
  if (c.adjacency)
    rows.push({
      benchmark,
      baseline: 'getAdjacencyMap',
      clock: 'CPU',
      ratios: roundRatios(t, 'cpu', 'getAdjacencyMap', 'explorer'),
      reads: 'getAdjacencyMap ÷ explorer time',
      rates: `plain search is ${spread(roundRatios(t, 'cpu', 'getAdjacencyMap', 'plain search')).median.toFixed(2)}× as fast as getAdjacencyMap`,
    })
  console.log(`${c.name}: done`)
}
printReport(rows)

if (FULL) {
  // Absolute times, not ratios: wall (what a user waits for) and CPU (what the work costs).
  const both = <T>(f: () => T): [T, number, number] => {
    const w0 = performance.now()
    const c0 = cpuSeconds()
    const value = f()
    return [value, (performance.now() - w0) / 1000, cpuSeconds() - c0]
  }
  const [aides, aidesWall, aidesCpu] = both(() => verify(manyKeysPolicy(6)))
  if (!aides.ok) throw new Error('6 keys + aides: verify found a violation')
  console.log(
    `\n6 keys, each with an aide: verify (all invariants) in ${aidesWall.toFixed(2)} s wall, ${aidesCpu.toFixed(2)} s CPU (target < 30 s)`,
  )
  // The CLI as users run it: compiled JavaScript on plain node, built afresh into a cache folder.
  const root = new URL('..', import.meta.url).pathname
  const outDir = `${root}node_modules/.cache/twokeys-bench`
  const tsc = spawnSync(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.build.json`, '--outDir', outDir],
    { encoding: 'utf8' },
  )
  if (!existsSync(`${outDir}/src/cli/main.js`))
    throw new Error(`could not build the CLI: ${tsc.stdout}${tsc.stderr}`)
  const main = JSON.stringify(`${outDir}/src/cli/main.js`)
  // The child reports its own CPU time (every thread) on exit.
  const report =
    "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu ' + (u.user + u.system) / 1e6 + '\\n') })"
  const cliArgs = [
    '--input-type=module',
    '-e',
    `${report}; const { main } = await import(${main}); await main(['node', 'twokeys', ...process.argv.slice(1)])`,
    'verify',
    `${root}machines/policies/two-keys.yaml`,
  ]
  const walls: number[] = []
  const cpus: number[] = []
  for (let r = 0; r < 3; r++) {
    const [run, s] = both(() => spawnSync(process.execPath, cliArgs, { encoding: 'utf8' }))
    if (run.status !== 0) throw new Error(`the CLI exited ${run.status}: ${run.stderr}`)
    walls.push(s)
    cpus.push(Number(run.stderr.match(/cpu ([\d.]+)/)?.[1]))
  }
  console.log(
    `twokeys verify two-keys.yaml, compiled, end to end: ${spread(walls).median.toFixed(2)} s wall, ${spread(cpus).median.toFixed(2)} s CPU (the child process), median of 3 (target < 1 s)`,
  )
}
