import { TwoKeysError } from '../../domain/TwoKeysError.js'
import { DEFAULT_MAX_STATES } from '../../explore/explore.js'
import type { DiffResult } from './DiffResult.js'

const count = (n: number) => n.toLocaleString('en')

/**
 * Throws `LIMIT_REACHED` when the diff's search stopped before its end: an unfinished search
 * gives no verdict — not "agree", and not a full list of differences either.
 *
 * @example
 * assertDiffComplete(diffPolicies(a, b, { maxStates: 10 })) // throws LIMIT_REACHED
 */
export function assertDiffComplete(result: DiffResult): DiffResult {
  if (result.complete) return result
  const where = `after expanding ${count(result.expanded)} of ${count(result.pairs)} pair states seen`
  const what = `the diff of "${result.a.id}" and "${result.b.id}"`
  const how =
    result.stoppedBy === 'memory' && result.maxHeapBytes !== undefined
      ? `filled the memory bound of ${count(Math.round(result.maxHeapBytes / 2 ** 20))} MB ${where}; give it more memory (node --max-old-space-size=<MB>, maxHeapBytes in the API)`
      : result.stoppedBy === 'asked'
        ? `was stopped ${where}`
        : `stopped at the limit of ${count(result.maxStates)} pair states (--max-states) ${where}; raise --max-states (maxStates in the API; default ${count(DEFAULT_MAX_STATES)})`
  throw new TwoKeysError('LIMIT_REACHED', `${what} ${how}: no verdict, the policies may still differ`)
}
