import { DEFAULT_MAX_STATES } from '../../explore/explore.js'
import { analyzeError } from '../analyzeMessages.js'
import type { DiffResult } from './DiffResult.js'

/**
 * Throws `LIMIT_REACHED` when the diff's search stopped before its end: an unfinished search
 * gives no verdict — not "agree", and not a full list of differences either.
 *
 * @example
 * assertDiffComplete(diffPolicies(a, b, { maxStates: 10 })) // throws LIMIT_REACHED
 */
export function assertDiffComplete(result: DiffResult): DiffResult {
  if (result.complete) return result
  throw analyzeError('LIMIT_REACHED', 'diff.incomplete', {
    a: result.a.id,
    b: result.b.id,
    // a memory stop without a bound to name is said as the states' limit, as before
    by:
      result.stoppedBy === 'memory' && result.maxHeapBytes !== undefined
        ? 'memory'
        : result.stoppedBy === 'asked'
          ? 'asked'
          : 'states',
    expanded: result.expanded,
    pairs: result.pairs,
    memoryMB: Math.round((result.maxHeapBytes ?? 0) / 2 ** 20),
    maxStates: result.maxStates,
    defaultMaxStates: DEFAULT_MAX_STATES,
  })
}
