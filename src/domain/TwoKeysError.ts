/**
 * The closed set of error codes. Each is documented in the README; tools may switch on them.
 */
export const ERROR_CODES = [
  'POLICY_INVALID',
  'SCENARIO_INVALID',
  'COMMAND_INVALID',
  'CONFIG_INVALID',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'NOT_AUTHORIZED',
  'KEY_ALREADY_USED',
  'STALE_REVISION',
  'WINDOW_CLOSED',
  'REFUSED',
  'CONFLICT',
  'AUDIT_TAMPERED',
  'INVARIANT_VIOLATED',
  'LIMIT_REACHED',
  'STORE_FAILED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * The codes of a command refused — by the rules, or because its signature could not be
 * authenticated — rather than failed: each refusal is kept in the security log, counted as a
 * refusal in metrics, printed with its reasons by the CLI and shown to a class as a cheat caught.
 */
export const REFUSAL_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'NOT_AUTHORIZED',
  'KEY_ALREADY_USED',
  'STALE_REVISION',
  'WINDOW_CLOSED',
  'REFUSED',
])

/** One located problem, as data: where it is, what is wrong, and what to do. */
export interface Issue {
  code: string
  path: (string | number)[]
  message: string
  /** The file the issue is in, when it came from one. */
  file?: string
  line?: number
  column?: number
}

/**
 * The one error class of twokeys. `code` is from {@link ERROR_CODES}; `message` names the
 * thing, quotes the bad value and says what to do; `issues` or `reasons` carry the details
 * as data.
 *
 * @example
 * try { await engine.decide(id, cmd) } catch (e) {
 *   if (e instanceof TwoKeysError && e.code === 'NOT_AUTHORIZED') console.log(e.reasons)
 * }
 */
/** A reason as a message key with parameters (the shape of the rules' `Phrase`). */
export interface ErrorPhrase {
  key: string
  params: Readonly<Record<string, unknown>>
}

/** What a {@link TwoKeysError} carries beside its code and message. */
export interface ErrorDetails {
  issues?: Issue[]
  reasons?: string[]
  phrases?: ErrorPhrase[]
  /** The message as a phrase (see `TwoKeysError.said`); `phrasedError` sets it. */
  said?: ErrorPhrase
  cause?: unknown
}

export class TwoKeysError extends Error {
  override readonly name = 'TwoKeysError'
  readonly code: ErrorCode
  readonly issues: Issue[]
  readonly reasons: string[]
  /**
   * A refusal by the rules: its reasons as message keys with parameters (`reasons[i]` is
   * `phrases[i]` in English; see `REFUSAL_MESSAGES`), for output in another language. Empty otherwise.
   */
  readonly phrases: ErrorPhrase[]
  /**
   * The error's own message as a message key with parameters, where the throw site made it from a
   * message table (`phrasedError`): `message` is this phrase in English, rendered from it, so the
   * two cannot drift; the CLI words it in its language (`--lang ru`). Undefined for a message not
   * phrased (yet), which every language prints as it is. Not part of the JSON: the HTTP API and
   * `--json` show the English message.
   */
  readonly said: ErrorPhrase | undefined

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.issues = details.issues ?? []
    this.reasons = details.reasons ?? []
    this.phrases = details.phrases ?? []
    this.said = details.said
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      issues: this.issues,
      reasons: this.reasons,
    }
  }
}

export function isTwoKeysError(value: unknown): value is TwoKeysError {
  return value instanceof TwoKeysError
}
