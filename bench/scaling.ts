/**
 * How `verify` scales with the size of a policy: states, transitions, CPU time and peak heap
 * against the number of alike keys (each with one holder, with and without an aide as deputy) and
 * against the number of interchangeable holders of one key (a Federation Council key of h
 * senators, quorum ⌈h/2⌉, with an aide, beside the two co-chair keys with theirs). One complete
 * verification per row, one thread, CPU time of this process (`process.cpuUsage`, less the forced
 * collections), peak live heap: the heap in use after a full garbage collection, forced every
 * 5,000 expanded states and at the end of the search (so the figure does not depend on when V8
 * chose to collect). A row whose search stops short (state limit, memory) says so.
 *
 *   npm run bench:scaling -- [--max-keys 6] [--max-senators 3]
 *
 * These are scaling curves, not a ratio against a baseline: `npm run bench:verify` measures the
 * explorer against a plain search. Then `simulate` on the three-key variant against council.yaml
 * (the issue's target: within 2× per initiative), interleaved round by round, CPU per initiative,
 * measured two ways: whole `simulate` runs as the CLI makes them by default (a fresh lazy table, 30
 * replications; one thread, as `--workers 1`, so worker start-up does not dilute the ratio) — the
 * target's figure — and slices of 20 replications on one long-lived table per side, which show the
 * phase where the three-key table is still growing. `--simulate-only` skips the verify rows.
 */
import { cpuUsage } from 'node:process'
import { getHeapStatistics } from 'node:v8'
import { createLazyTable } from '../src/explore/lazyTable.js'
import { safeParsePolicy } from '../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import type { Policy, PolicyInput } from '../src/policy/PolicySchema.js'
import { loadScenarioFile } from '../src/simulate/loadScenario.js'
import { runReplication } from '../src/simulate/runReplication.js'
import { createSimulationModel } from '../src/simulate/SimulationModel.js'
import { simulate } from '../src/simulate/simulate.js'
import { manyKeysPolicy } from '../src/verify/manyKeysPolicy.js'
import { verify } from '../src/verify/verify.js'
import { benchArgs } from './support/benchArgs.js'
import { describeMachine } from './support/describeMachine.js'

const USAGE = 'npm run bench:scaling -- [--max-keys 6] [--max-senators 3] [--rounds 20] [--simulate-only]'
const { values, rounds } = benchArgs(
  USAGE,
  { rounds: 20 },
  {
    'max-keys': { type: 'string' },
    'max-senators': { type: 'string' },
    'simulate-only': { type: 'boolean' },
  },
)
const maxKeys = Number(values['max-keys'] ?? 6)
const maxSenators = Number(values['max-senators'] ?? 3)

/** The three-key fixture with `h` senators (quorum ⌈h/2⌉) on the Federation Council key. */
function senators(h: number): Policy {
  const doc = structuredClone(
    loadPolicyFile('tests/fixtures/policies/three-keys-deputies.yaml'),
  ) as PolicyInput
  doc.id = `three-keys-${h}-senators`
  const ids = Array.from({ length: h }, (_, i) => `senator-${i + 1}`)
  doc.principals = [
    ...doc.principals.filter((p) => !p.id.startsWith('senator-')),
    ...ids.map((id, i) => ({
      id,
      name: `Senator ${i + 1}`,
      institution: 'federation-council',
      roles: ['co-chair' as const],
    })),
  ]
  const council = doc.keys.find((k) => k.id === 'federation-council')
  if (council === undefined) throw new Error('the fixture has no federation-council key')
  council.holders = ids
  council.quorum = Math.ceil(h / 2)
  const result = safeParsePolicy(doc)
  if (!result.success) throw new Error(JSON.stringify(result.issues))
  return result.policy
}

/** Expanded states between two forced collections that measure the live heap. */
const LIVE_EVERY = 5_000

/** The heap in use after a full collection, and the CPU seconds the collection took. */
function liveHeap(): { bytes: number; cpu: number } {
  const gc = globalThis.gc
  if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench:scaling does)')
  const before = cpuUsage()
  gc()
  const used = cpuUsage(before)
  return { bytes: getHeapStatistics().used_heap_size, cpu: (used.user + used.system) / 1e6 }
}

interface Row {
  policy: string
  states: number
  transitions: number
  cpu: number
  heapMB: number
  note: string
}

function measure(label: string, policy: Policy): Row {
  let peak = liveHeap().bytes
  let collecting = 0
  let measuredAt = 0
  const sample = () => {
    const live = liveHeap()
    peak = Math.max(peak, live.bytes)
    collecting += live.cpu
  }
  const before = cpuUsage()
  const result = verify(policy, {
    maxStates: 2_000_000,
    onProgress: ({ expanded, done }) => {
      if (done || expanded - measuredAt >= LIVE_EVERY) {
        measuredAt = expanded
        sample()
      }
    },
  })
  const used = cpuUsage(before)
  const note = result.complete
    ? result.ok
      ? 'complete, all hold'
      : 'complete, NOT ok'
    : `STOPPED: ${result.partial}`
  const row = {
    policy: label,
    states: result.states,
    transitions: result.transitions,
    cpu: (used.user + used.system) / 1e6 - collecting,
    heapMB: peak / 2 ** 20,
    note,
  }
  console.error(`${label}: ${row.states} states, ${row.cpu.toFixed(1)} s CPU`)
  return row
}

const rows: Row[] = []
if (values['simulate-only'] !== true) {
  for (let n = 2; n <= maxKeys; n++)
    rows.push(measure(`${n} alike keys, no aides`, manyKeysPolicy(n, { deputies: false })))
  for (let n = 2; n <= maxKeys; n++) rows.push(measure(`${n} alike keys, an aide each`, manyKeysPolicy(n)))
  for (let h = 2; h <= maxSenators; h++)
    rows.push(
      measure(`2 co-chair keys + ${h} senators (quorum ${Math.ceil(h / 2)}), aides everywhere`, senators(h)),
    )
}

const n = (x: number) => Math.round(x).toLocaleString('en')
console.log(`\n${describeMachine()}\n`)
if (rows.length > 0) {
  console.log('| policy | states | transitions | CPU s | peak live heap MB | |')
  console.log('|---|---|---|---|---|---|')
  for (const r of rows)
    console.log(
      `| ${r.policy} | ${n(r.states)} | ${n(r.transitions)} | ${r.cpu.toFixed(1)} | ${n(r.heapMB)} | ${r.note} |`,
    )
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
const spread = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return `${(sorted[0] as number).toFixed(2)} / ${median(sorted).toFixed(2)} / ${(sorted.at(-1) as number).toFixed(2)}`
}

// `simulate` as a modeller runs it (the CLI's default 30 replications, from a fresh lazy table),
// council.yaml and the three-key variant in turn, the first alternating; CPU per initiative.
const scenario = loadScenarioFile('examples/scenarios/baseline.yaml')
const DEFAULT_REPLICATIONS = 30
const wholeSides = [loadPolicyFile('machines/policies/council.yaml'), senators(3)]
const wholePerInitiative = wholeSides.map(() => [] as number[])
for (let r = 0; r < rounds; r++) {
  for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
    const before = cpuUsage()
    const result = await simulate(wholeSides[i] as Policy, scenario, {
      replications: DEFAULT_REPLICATIONS,
      seed: r,
      workers: 1,
    })
    const used = cpuUsage(before)
    ;(wholePerInitiative[i] as number[]).push((used.user + used.system) / 1e3 / result.initiatives)
  }
}
const wholeRatios = (wholePerInitiative[1] as number[]).map(
  (t, r) => t / ((wholePerInitiative[0] as number[])[r] as number),
)
console.log(
  `\nsimulate, whole runs (a fresh lazy table, ${DEFAULT_REPLICATIONS} replications, one thread), baseline.yaml, ${rounds} rounds, CPU ms per initiative (median): council ${median(
    wholePerInitiative[0] as number[],
  ).toFixed(3)}, three-keys ${median(wholePerInitiative[1] as number[]).toFixed(3)}`,
)
console.log(
  `three-keys ÷ council per initiative, whole runs: min / median / max ${spread(wholeRatios)}× (target ≤ 2×: ${
    Math.max(...wholeRatios) <= 2 ? 'met in every round' : median(wholeRatios) <= 2 ? 'median met' : 'MISSED'
  })`,
)

// The same two policies on one long-lived lazy table each (reported, no target): the
// same scenario and seed on each, lazy tables, a slice of 20 replications of each per round, the order
// alternating; CPU per initiative. The first round also grows each lazy table (cold); later rounds
// mostly find their states computed (warm).
const sides = [
  { name: 'council.yaml', policy: loadPolicyFile('machines/policies/council.yaml') },
  { name: 'three-keys-deputies', policy: senators(3) },
].map((side) => ({
  ...side,
  model: createSimulationModel(side.policy, createLazyTable(side.policy), scenario),
}))
const SLICE = 20
const perInitiative = sides.map(() => [] as number[])
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? [0, 1] : [1, 0]
  for (const i of order) {
    const side = sides[i] as (typeof sides)[number]
    // A slice of several replications, so that one garbage collection does not make a round.
    const before = cpuUsage()
    let initiatives = 0
    for (let j = 0; j < SLICE; j++) initiatives += runReplication(side.model, 1, r * SLICE + j).initiatives
    const used = cpuUsage(before)
    ;(perInitiative[i] as number[]).push((used.user + used.system) / 1e3 / initiatives)
  }
}
const ratios = (perInitiative[1] as number[]).map((t, r) => t / ((perInitiative[0] as number[])[r] as number))
const warm = ratios.slice(1).sort((a, b) => a - b)
console.log(
  `\nsimulate, baseline.yaml, ${rounds} rounds of ${SLICE} replications, CPU ms per initiative (warm rounds, median): council ${median(
    (perInitiative[0] as number[]).slice(1).sort((a, b) => a - b),
  ).toFixed(
    3,
  )}, three-keys ${median((perInitiative[1] as number[]).slice(1).sort((a, b) => a - b)).toFixed(3)}`,
)
console.log(
  `three-keys ÷ council per initiative: cold (round 1, tables growing) ${(ratios[0] as number).toFixed(2)}×; warm min / median / max ${(warm[0] as number).toFixed(2)} / ${median(warm).toFixed(2)} / ${(warm.at(-1) as number).toFixed(2)}× (one long-lived table per side: the phase where the three-key table still grows; reported)`,
)
console.log(
  `states reached: council ${sides[0]?.model.table.states}, three-keys ${sides[1]?.model.table.states}`,
)
