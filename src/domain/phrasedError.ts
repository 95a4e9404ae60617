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
