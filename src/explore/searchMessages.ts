import { checkPhrase, countWords, megabytesWords, sayCheck } from '../../machines/checkPhrases.js'
import { errorsOf } from '../domain/phrasedError.js'

/**
 * The English of the errors of a search over a policy's states (a bug not in the catalogue, a
 * state or memory limit reached), by message key: the words that were there before they were
 * data, byte for byte. `SEARCH_MESSAGES_RU` has the same keys with the same parameters.
 */
export const SEARCH_MESSAGES = {
  'bug.unknown': (p: { name: string; names: string[] }) =>
    `there is no catalogued bug "${p.name}"; choose one of: ${p.names.join(', ')} (or "list")`,
  'limit.states': (p: { policy: string; maxStates: number; defaultMax: number }) =>
    `policy "${p.policy}" has more than ${countWords(p.maxStates)} reachable states (--max-states ${p.maxStates}): a table cut short would refuse every command in the states it never expanded; raise --max-states (maxStates in the API; default ${countWords(p.defaultMax)})`,
  'limit.memory': (p: { policy: string; maxHeapBytes: number }) =>
    `policy "${p.policy}" filled the memory bound of ${megabytesWords(p.maxHeapBytes)} before its search ended: ${sayCheck(checkPhrase('partial.moreMemory', {}))}`,
}

/** An error of a search, worded from {@link SEARCH_MESSAGES}. */
export const searchError = errorsOf(SEARCH_MESSAGES)
