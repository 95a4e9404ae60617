import { type CheckPhrase, sayCheck } from '../../machines/checkPhrases.js'

/**
 * A violation's words: its English `message` and the phrase it came from, so a report can word
 * it in another language.
 *
 * @example
 * said(checkPhrase('tk3.sponsorApproved', { sponsor: 'minzifry', key: 'president' }))
 * // { message: 'the sponsor "minzifry" approved key "president" of its own initiative', phrase: … }
 */
export const said = (phrase: CheckPhrase): { message: string; phrase: CheckPhrase } => ({
  message: sayCheck(phrase),
  phrase,
})
