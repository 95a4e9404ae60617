import { TwoKeysError } from '../domain/TwoKeysError.js'
import { DEFAULT_MAX_STATES } from './explore.js'

const count = (n: number) => n.toLocaleString('en')

/**
 * The `LIMIT_REACHED` error of a compilation that `maxStates` stopped: a table with rows never
 * expanded would refuse every event there, and a simulation on it would be wrong without a word.
 *
 * @example
 * throw limitReached('council', 3000)
 */
export function limitReached(policy: string, maxStates: number): TwoKeysError {
  return new TwoKeysError(
    'LIMIT_REACHED',
    `policy "${policy}" has more than ${count(maxStates)} reachable states (--max-states ${maxStates}): a table cut short would refuse every command in the states it never expanded; raise --max-states (maxStates in the API; default ${count(DEFAULT_MAX_STATES)})`,
  )
}

const megabytes = (bytes: number) => `${count(Math.round(bytes / 2 ** 20))} MB`

/**
 * The `LIMIT_REACHED` error of a search that filled its memory bound: a clear stop instead of the
 * process dying out of memory.
 *
 * @example
 * throw memoryReached('council', 2 ** 30)
 */
export function memoryReached(policy: string, maxHeapBytes: number): TwoKeysError {
  return new TwoKeysError(
    'LIMIT_REACHED',
    `policy "${policy}" filled the memory bound of ${megabytes(maxHeapBytes)} before its search ended: ${MORE_MEMORY}`,
  )
}

const MORE_MEMORY =
  'give the search more memory (--max-memory <MB>, maxHeapBytes in the API; by default 85 % of the heap, which `node --max-old-space-size=<MB>` raises) or make the policy smaller'

/**
 * Why a stopped search gives no verdict, in one sentence for `VerifyResult.partial`.
 *
 * @example
 * partialReason({ maxStates: 30, states: 31, expanded: 12, stoppedAtViolation: false })
 * // 'the exploration stopped at the limit of 30 states (--max-states) after expanding 12 of 31 states seen; …'
 */
export function partialReason(search: {
  maxStates: number
  states: number
  expanded: number
  stoppedAtViolation: boolean
  /** Set when the memory bound stopped the search: that bound, in bytes. */
  memoryBound?: number
}): string {
  const where = `after expanding ${count(search.expanded)} of ${count(search.states)} states seen`
  if (search.memoryBound !== undefined)
    return `the exploration stopped at the memory bound of ${megabytes(search.memoryBound)} ${where}; ${MORE_MEMORY}, for a verdict`
  return search.stoppedAtViolation
    ? `the exploration stopped at the first violation (stopAtFirstViolation) ${where}; run without it for a verdict on every invariant`
    : `the exploration stopped at the limit of ${count(search.maxStates)} states (--max-states) ${where}; raise --max-states (maxStates; default ${count(DEFAULT_MAX_STATES)}) for a verdict`
}
