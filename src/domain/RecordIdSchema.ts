import { checkedString } from './checkedString.js'
import { escapeChar, quoteText } from './quoteText.js'

/** The id alphabet as the README states it. */
export const RECORD_ID_CHARACTERS = 'A–Z a–z 0–9 . _ : ~ -'
export const RECORD_ID_MAX = 128
const ALLOWED = /^[A-Za-z0-9._:~-]$/
const RULE = `use 1–${RECORD_ID_MAX} characters of ${RECORD_ID_CHARACTERS}`

function nameChar(char: string): string {
  if (char === ' ') return 'a space'
  const escaped = escapeChar(char)
  return escaped === char ? JSON.stringify(char) : escaped
}

/**
 * Why `id` is not an initiative or command id, or undefined when it is one. The alphabet is
 * URL- and log-safe and admits nanoid ids and script names such as "kazan-datacentre".
 *
 * @example
 * recordIdProblem('kazan datacentre') // '"kazan datacentre" has a space (character 6); use 1–128 characters of …'
 */
export function recordIdProblem(id: string): string | undefined {
  if (id.length === 0) return `the id is empty; ${RULE}`
  if (id.length > RECORD_ID_MAX) return `${quoteText(id)} is ${id.length} characters long; ${RULE}`
  let position = 0
  for (const char of id) {
    position++
    if (!ALLOWED.test(char)) return `${quoteText(id)} has ${nameChar(char)} (character ${position}); ${RULE}`
  }
  return undefined
}

/**
 * An initiative or command id chosen by a caller: 1–128 characters of A–Z a–z 0–9 . _ : ~ -.
 * No white space, control characters or lone surrogates ever reach a store.
 */
export const RecordIdSchema = checkedString(recordIdProblem).describe(
  `An initiative or command id: 1–${RECORD_ID_MAX} characters of ${RECORD_ID_CHARACTERS}.`,
)
