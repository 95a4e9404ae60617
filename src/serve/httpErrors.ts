import { type ErrorCode, isTwoKeysError, TwoKeysError } from '../domain/TwoKeysError.js'

/**
 * The HTTP status of each error code. A rule of the statechart refusing a well-formed, authentic
 * command (REFUSED, NOT_AUTHORIZED, KEY_ALREADY_USED, STALE_REVISION, WINDOW_CLOSED) is 422: the
 * request was understood and the rules said no; read `code` and `reasons`. 409 is kept for
 * CONFLICT, a write that raced another: retry it with the same commandId. UNAUTHENTICATED is 401
 * when the command carries no signature and 403 when it carries one that does not verify or is not
 * its actor's (see {@link statusOf}).
 */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  COMMAND_INVALID: 400,
  POLICY_INVALID: 400,
  SCENARIO_INVALID: 400,
  CONFIG_INVALID: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  NOT_AUTHORIZED: 422,
  KEY_ALREADY_USED: 422,
  STALE_REVISION: 422,
  WINDOW_CLOSED: 422,
  REFUSED: 422,
  CONFLICT: 409,
  LIMIT_REACHED: 429,
  AUDIT_TAMPERED: 500,
  INVARIANT_VIOLATED: 500,
  STORE_FAILED: 503,
  INTERNAL: 500,
}

/** A TwoKeysError with an HTTP status of its own (401 vs 403, 413, 415, 429 …). */
export class HttpError extends TwoKeysError {
  readonly statusCode: number
  constructor(statusCode: number, code: ErrorCode, message: string, reasons: string[] = []) {
    super(code, message, { reasons })
    this.statusCode = statusCode
  }
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  reasons: string[]
  issues: { code: string; path: (string | number)[]; message: string }[]
}

/** Fastify's own errors (parsing, limits) as the API's error codes. */
function fromFastify(error: { statusCode?: number; code?: string; message: string }): HttpError {
  const status = error.statusCode ?? 500
  if (status === 413) {
    return new HttpError(413, 'COMMAND_INVALID', `${error.message}; send a smaller body`)
  }
  if (status === 415) {
    return new HttpError(415, 'COMMAND_INVALID', `${error.message}; send Content-Type: application/json`)
  }
  if (status === 429) return new HttpError(429, 'LIMIT_REACHED', error.message)
  if (status === 404) return new HttpError(404, 'NOT_FOUND', error.message)
  if (status >= 400 && status < 500) {
    return new HttpError(status, 'COMMAND_INVALID', `the request is not valid: ${error.message}`)
  }
  return new HttpError(500, 'INTERNAL', 'internal error; the server log has the details')
}

/**
 * The status and body of any error a route throws. `signed` says whether the command in the request
 * carried a signature, to tell 401 (none) from 403 (one that does not verify or is not the actor's).
 */
export function errorReply(error: unknown, signed?: boolean): { status: number; body: ErrorBody } {
  let e: TwoKeysError
  let status: number
  if (error instanceof HttpError) {
    e = error
    status = error.statusCode
  } else if (isTwoKeysError(error)) {
    e = error
    status = STATUS_OF_CODE[error.code]
    if (error.code === 'UNAUTHENTICATED' && signed === true) status = 403
  } else if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const fastify = fromFastify(error as { statusCode?: number; message: string })
    e = fastify
    status = fastify.statusCode
  } else {
    e = new TwoKeysError('INTERNAL', 'internal error; the server log has the details')
    status = 500
  }
  const issues = e.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }))
  return { status, body: { code: e.code, message: e.message, reasons: e.reasons, issues } }
}
