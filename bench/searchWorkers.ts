/**
 * `verify` with its search on N threads (`workers: N`: this one and N − 1 workers) against `verify` in one thread — the
 * strongest alternative doing the same work, in the same process, the two in turn each round
 * (the first alternating). Wall time is the figure (both cores are the point), CPU is reported
 * beside it (the process's, every thread's: what the workers cost). Each round checks that both
 * gave the same verdict on the same number of states and transitions.
 *
 *   npm run bench:workers -- [--rounds 3] [--keys 6] [--workers 2]
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
  'npm run bench:workers -- [--rounds 3] [--keys 6] [--workers 2]',
  { rounds: 3 },
  { keys: { type: 'string' }, workers: { type: 'string' } },
)
const keys = Number(values.keys ?? 6)
const workers = Number(values.workers ?? 2)
if (!Number.isInteger(keys) || keys < 2 || keys > 12)
  throw new Error('--keys must be a whole number from 2 to 12')
if (!Number.isInteger(workers) || workers < 2 || workers > 64)
  throw new Error('--workers must be a whole number from 2 to 64')

const policy = manyKeysPolicy(keys, { deputies: true })
const results: Record<string, VerifyResult> = {}
const summary = (r: VerifyResult) => `${r.ok} ${r.states} states ${r.transitions} transitions`

printHeader(
  `verify on ${workers} threads ÷ verify in one thread`,
  `policy: ${keys} alike keys with an aide each; ${rounds} measured rounds after one warm-up round`,
)
const timings = await interleave({
  contenders: [
    {
      name: 'workers',
      run: () => {
        results.workers = verify(policy, { workers })
      },
    },
    {
      name: 'one thread',
      run: () => {
        results.one = verify(policy)
      },
    },
  ],
  rounds,
  slices: 1,
  afterRound(round) {
    const [a, b] = [results.workers, results.one].map((r) => summary(r as VerifyResult))
    if (a !== b) throw new Error(`round ${round}: the two searches differ: ${a} against ${b}`)
  },
  onRound(round, t) {
    console.log(
      `round ${round}: workers ${t.wall[0]?.toFixed(1)} s wall (${t.cpu[0]?.toFixed(1)} s CPU), one thread ${t.wall[1]?.toFixed(1)} s wall (${t.cpu[1]?.toFixed(1)} s CPU)`,
    )
  },
})
const wall = (name: string) => spread(roundSeconds(timings, 'wall', name)).median.toFixed(1)
console.log(`\n${summary(results.one as VerifyResult)}\n`)
printReport([
  {
    benchmark: `verify, ${keys} keys with aides, ${workers} threads`,
    baseline: 'verify in one thread',
    clock: 'wall',
    ratios: roundRatios(timings, 'wall', 'workers', 'one thread'),
    reads: 'workers ÷ one thread time',
    rates: `${wall('workers')} vs ${wall('one thread')} s`,
  },
  {
    benchmark: `the same, CPU of every thread`,
    baseline: 'verify in one thread',
    clock: 'CPU',
    ratios: roundRatios(timings, 'cpu', 'workers', 'one thread'),
    reads: 'workers ÷ one thread time',
  },
])
