/**
 * `verify` with its search on N threads (`workers: N`: this one and N − 1 workers) against `verify` in one thread — the
 * strongest alternative doing the same work, in the same process, the two in turn each round
 * (the first alternating). Wall time is the figure (both cores are the point), CPU is reported
 * beside it (the process's, every thread's: what the workers cost). Each round checks that both
 * gave the same verdict on the same number of states and transitions.
 *
 * With `--sharing`, the shared review instead (`branchSharing`): `verify` as it runs by default
 * against `verify` with `shareBranches: false`, which checks the same policy by searching each
 * initiative's review on its own — both in one thread; each round checks the same verdicts.
 *
 *   npm run bench:workers -- [--rounds 3] [--keys 6] [--workers 2] [--sharing]
 *
 * Policy: `keys` alike keys with an aide each (`manyKeysPolicy(keys, { deputies: true })`).
 */
import { manyKeysPolicy } from '../src/verify/manyKeysPolicy.js'
import type { VerifyResult } from '../src/verify/VerifyResult.js'
import { verify } from '../src/verify/verify.js'
import { benchArgs } from './support/benchArgs.js'
import { interleave, roundRatios, roundSeconds } from './support/interleave.js'
import { printHeader, printReport } from './support/printReport.js'
import { spread } from './support/spread.js'

const { rounds, values } = benchArgs(
  'npm run bench:workers -- [--rounds 3] [--keys 6] [--workers 2] [--sharing]',
  { rounds: 3 },
  { keys: { type: 'string' }, workers: { type: 'string' }, sharing: { type: 'boolean' } },
)
const sharing = values.sharing === true
const keys = Number(values.keys ?? 6)
const workers = Number(values.workers ?? 2)
if (!Number.isInteger(keys) || keys < 2 || keys > 12)
  throw new Error('--keys must be a whole number from 2 to 12')
if (!Number.isInteger(workers) || workers < 2 || workers > 64)
  throw new Error('--workers must be a whole number from 2 to 64')

const policy = manyKeysPolicy(keys, { deputies: true })
// The contender and its baseline: N threads against one, or the shared review against none.
const [contender, baseline] = sharing
  ? [
      { name: 'shared', label: 'verify, shared review', options: {} },
      { name: 'unshared', label: 'verify, each review on its own', options: { shareBranches: false } },
    ]
  : [
      { name: 'workers', label: `verify on ${workers} threads`, options: { workers } },
      { name: 'one thread', label: 'verify in one thread', options: {} },
    ]
const results: Record<string, VerifyResult> = {}
const summary = (r: VerifyResult) => `${r.ok} ${r.states} states ${r.transitions} transitions`
// What both must agree on: the same space with N threads; with sharing, the same verdicts.
const agreed = (r: VerifyResult) =>
  sharing
    ? `${r.ok} ${r.invariants.map((i) => `${i.id} ${i.status}`).join(' ')} holes ${r.holes.length}`
    : summary(r)

printHeader(
  `${contender.label} ÷ ${baseline.label}`,
  `policy: ${keys} alike keys with an aide each; ${rounds} measured rounds after one warm-up round`,
)
const timings = await interleave({
  contenders: [contender, baseline].map(({ name, options }) => ({
    name,
    run: () => {
      results[name] = verify(policy, options)
    },
  })),
  rounds,
  slices: 1,
  afterRound(round) {
    const [a, b] = [results[contender.name], results[baseline.name]].map((r) => agreed(r as VerifyResult))
    if (a !== b) throw new Error(`round ${round}: the two searches differ: ${a} against ${b}`)
  },
  onRound(round, t) {
    console.log(
      `round ${round}: ${contender.name} ${t.wall[0]?.toFixed(1)} s wall (${t.cpu[0]?.toFixed(1)} s CPU), ${baseline.name} ${t.wall[1]?.toFixed(1)} s wall (${t.cpu[1]?.toFixed(1)} s CPU)`,
    )
  },
})
const wall = (name: string) => spread(roundSeconds(timings, 'wall', name)).median.toFixed(1)
for (const { name } of [contender, baseline])
  console.log(`${name}: ${summary(results[name] as VerifyResult)}`)
console.log('')
const reads = `${contender.name} ÷ ${baseline.name} time`
printReport([
  {
    benchmark: `${contender.label}, ${keys} keys with aides`,
    baseline: baseline.label,
    clock: 'wall',
    ratios: roundRatios(timings, 'wall', contender.name, baseline.name),
    reads,
    rates: `${wall(contender.name)} vs ${wall(baseline.name)} s`,
  },
  {
    benchmark: `the same, CPU of every thread`,
    baseline: baseline.label,
    clock: 'CPU',
    ratios: roundRatios(timings, 'cpu', contender.name, baseline.name),
    reads,
  },
])
