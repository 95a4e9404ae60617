import { type ErrorCode, type ErrorDetails, type ErrorPhrase, TwoKeysError } from './TwoKeysError.js'

/**
 * A table of error messages in one language: each message key's words from its parameters.
 * Functions, not templates, because plurals and cases differ between languages. A table in
 * another language has the same keys with the same parameters (`typeof THE_ENGLISH_TABLE`).
 */
export type MessageTable = { readonly [key: string]: (params: never) => string }

/** The parameters of a table's message. */
export type MessageParams<T extends MessageTable, K extends keyof T> = Parameters<T[K]>[0]

/**
 * A {@link TwoKeysError} whose message is a phrase of `messages`: the English `message` is
 * rendered from the same key and parameters that ride along as `said`, so the two cannot drift,
 * and the CLI words `said` in its language.
 *
 * @example
 * throw phrasedError('COMMAND_INVALID', IDENTITY_MESSAGES, 'keyFile.missing', { path })
 */
export function phrasedError<T extends MessageTable, K extends keyof T & string>(
  code: ErrorCode,
  messages: T,
  key: K,
  params: MessageParams<T, K>,
  details: Omit<ErrorDetails, 'said'> = {},
): TwoKeysError {
  const message = (messages[key] as (params: unknown) => string)(params)
  return new TwoKeysError(code, message, {
    ...details,
    said: { key, params: params as ErrorPhrase['params'] },
  })
}

/**
 * {@link phrasedError} bound to one table, for the throw sites of one area.
 *
 * @example
 * const identityError = errorsOf(IDENTITY_MESSAGES)
 * throw identityError('COMMAND_INVALID', 'keyFile.missing', { path })
 */
export function errorsOf<T extends MessageTable>(messages: T) {
  return <K extends keyof T & string>(
    code: ErrorCode,
    key: K,
    params: MessageParams<T, K>,
    details: Omit<ErrorDetails, 'said'> = {},
  ): TwoKeysError => phrasedError(code, messages, key, params, details)
}

/** A phrase of table `T`: one of its keys with that message's parameters. */
export type PhraseOf<T extends MessageTable> = {
  [K in keyof T & string]: { key: K; params: MessageParams<T, K> }
}[keyof T & string]

/**
 * Words a phrase of `messages` in that table's language.
 *
 * @example
 * export const recordIdProblemText = sayWith(RECORD_ID_MESSAGES)
 */
export const sayWith =
  <T extends MessageTable>(messages: T) =>
  (phrase: PhraseOf<T>): string =>
    (messages[phrase.key] as (params: unknown) => string)(phrase.params)

/**
 * Makes phrases of `messages`, checked against its keys and their parameters.
 *
 * @example
 * export const noteProblem = phrasesOf(NOTE_MESSAGES)
 */
export const phrasesOf =
  <T extends MessageTable>(_messages: T) =>
  <K extends keyof T & string>(key: K, params: MessageParams<T, K>): PhraseOf<T> =>
    ({ key, params }) as PhraseOf<T>
