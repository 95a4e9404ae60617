import { z } from 'zod'
import { quoteText } from './quoteText.js'
import {
  RECORD_ID_CHARACTERS,
  RECORD_ID_MAX,
  type RecordIdProblem,
  recordIdProblemText,
} from './recordIdMessages.js'

export { RECORD_ID_CHARACTERS, RECORD_ID_MAX }

const ALLOWED = /^[A-Za-z0-9._:~-]$/

/**
 * Why `id` is not an initiative or command id, or undefined when it is one. The alphabet is
 * URL- and log-safe and admits nanoid ids and script names such as "kazan-datacentre".
 *
 * @example
 * recordIdProblem('kazan datacentre') // '"kazan datacentre" has a space (character 6); use 1–128 characters of …'
 */
export function recordIdProblem(id: string): string | undefined {
  const problem = recordIdPhrase(id)
  return problem === undefined ? undefined : recordIdProblemText(problem)
}

/**
 * {@link recordIdProblem} as a phrase of `RECORD_ID_MESSAGES` (a message key with its
 * parameters), which the CLI words in its language.
 *
 * @example
 * recordIdPhrase('a b') // { key: 'recordId.badCharacter', params: { shown: '"a b"', char: ' ', position: 2 } }
 */
export function recordIdPhrase(id: string): RecordIdProblem | undefined {
  if (id.length === 0) return { key: 'recordId.empty', params: {} }
  if (id.length > RECORD_ID_MAX)
    return { key: 'recordId.tooLong', params: { shown: quoteText(id), length: id.length } }
  let position = 0
  for (const char of id) {
    position++
    if (!ALLOWED.test(char))
      return { key: 'recordId.badCharacter', params: { shown: quoteText(id), char, position } }
  }
  return undefined
}

/**
 * An initiative or command id chosen by a caller: 1–128 characters of A–Z a–z 0–9 . _ : ~ -.
 * No white space, control characters or lone surrogates ever reach a store. A bad id's issue
 * carries its problem as a phrase in `params.recordId` ({@link recordIdPhrase}).
 */
export const RecordIdSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = recordIdPhrase(value)
    // The phrase rides in the issue's params, where the zod-issue wording finds it (another language words it).
    if (problem !== undefined)
      ctx.addIssue({ code: 'custom', message: recordIdProblemText(problem), params: { recordId: problem } })
  })
  .describe(`An initiative or command id: 1–${RECORD_ID_MAX} characters of ${RECORD_ID_CHARACTERS}.`)
