import { type CheckPhrase, checkPhrase, sayCheck } from '../../machines/checkPhrases.js'
import type { TwoKeysError } from '../domain/TwoKeysError.js'
import { DEFAULT_MAX_STATES } from './explore.js'
import { searchError } from './searchMessages.js'

/**
 * The `LIMIT_REACHED` error of a compilation that `maxStates` stopped: a table with rows never
 * expanded would refuse every event there, and a simulation on it would be wrong without a word.
 *
 * @example
 * throw limitReached('council', 3000)
 */
export function limitReached(policy: string, maxStates: number): TwoKeysError {
  return searchError('LIMIT_REACHED', 'limit.states', { policy, maxStates, defaultMax: DEFAULT_MAX_STATES })
}

/**
 * The `LIMIT_REACHED` error of a search that filled its memory bound: a clear stop instead of the
 * process dying out of memory.
 *
 * @example
 * throw memoryReached('council', 2 ** 30)
 */
export function memoryReached(policy: string, maxHeapBytes: number): TwoKeysError {
  return searchError('LIMIT_REACHED', 'limit.memory', { policy, maxHeapBytes })
}

/** What `partialReason` is told about a stopped search. */
export interface StoppedSearch {
  maxStates: number
  states: number
  expanded: number
  stoppedAtViolation: boolean
  /** Set when the memory bound stopped the search: that bound, in bytes. */
  memoryBound?: number
}

/**
 * Why a stopped search gives no verdict, as a phrase (`partialReason` is its English), so a
 * report can word it in its language.
 *
 * @example
 * partialPhrase({ maxStates: 30, states: 31, expanded: 12, stoppedAtViolation: false })
 * // { key: 'partial.limit', params: { maxStates: 30, expanded: 12, states: 31, defaultMax: 200000 } }
 */
export function partialPhrase(search: StoppedSearch): CheckPhrase {
  const { expanded, states } = search
  if (search.memoryBound !== undefined)
    return checkPhrase('partial.memory', { bytes: search.memoryBound, expanded, states })
  return search.stoppedAtViolation
    ? checkPhrase('partial.violation', { expanded, states })
    : checkPhrase('partial.limit', {
        maxStates: search.maxStates,
        expanded,
        states,
        defaultMax: DEFAULT_MAX_STATES,
      })
}

/**
 * Why a stopped search gives no verdict, in one sentence for `VerifyResult.partial`.
 *
 * @example
 * partialReason({ maxStates: 30, states: 31, expanded: 12, stoppedAtViolation: false })
 * // 'the exploration stopped at the limit of 30 states (--max-states) after expanding 12 of 31 states seen; …'
 */
export function partialReason(search: StoppedSearch): string {
  return sayCheck(partialPhrase(search))
}
