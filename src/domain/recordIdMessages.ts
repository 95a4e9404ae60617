import { type PhraseOf, sayWith } from './phrasedError.js'
import { escapeChar } from './quoteText.js'

/** The id alphabet as the README states it. */
export const RECORD_ID_CHARACTERS = 'A–Z a–z 0–9 . _ : ~ -'
export const RECORD_ID_MAX = 128
const RULE = `use 1–${RECORD_ID_MAX} characters of ${RECORD_ID_CHARACTERS}`

function nameChar(char: string): string {
  if (char === ' ') return 'a space'
  const escaped = escapeChar(char)
  return escaped === char ? JSON.stringify(char) : escaped
}

/**
 * The English of why a text is not an initiative or command id (`recordIdProblem`), by message
 * key: the words that were there before they were data, byte for byte. `shown` is the id as
 * `quoteText` quotes it; `char` the character itself. `RECORD_ID_MESSAGES_RU` has the same keys
 * with the same parameters.
 */
export const RECORD_ID_MESSAGES = {
  'recordId.empty': (_: Record<string, never>) => `the id is empty; ${RULE}`,
  'recordId.tooLong': (p: { shown: string; length: number }) =>
    `${p.shown} is ${p.length} characters long; ${RULE}`,
  'recordId.badCharacter': (p: { shown: string; char: string; position: number }) =>
    `${p.shown} has ${nameChar(p.char)} (character ${p.position}); ${RULE}`,
  'recordId.notAString': (p: { got: string }) => `expected an initiative id (a string), not ${p.got}`,
}

/** Why a text is not an id, as a phrase of {@link RECORD_ID_MESSAGES}. */
export type RecordIdProblem = PhraseOf<typeof RECORD_ID_MESSAGES>

/** An id's problem in English. */
export const recordIdProblemText = sayWith(RECORD_ID_MESSAGES)
