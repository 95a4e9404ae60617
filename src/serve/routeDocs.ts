import type { z } from 'zod'
import type { ReadAccess } from './readAccess.js'
import { ErrorBodySchema, jsonSchemaOf } from './schemas.js'

// The OpenAPI pieces each route states about its answers.

/** A JSON answer described by its zod schema. */
export const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: jsonSchemaOf(schema, 'output') } },
})

/** A text/plain answer. */
export const text = (description: string) => ({
  description,
  content: { 'text/plain': { schema: { type: 'string' } } },
})

const ERROR_TEXT: Record<number, string> = {
  400: 'COMMAND_INVALID: the request does not fit its schema (issues say where)',
  401: 'UNAUTHENTICATED: the command is not signed, or a read lacks a valid bearer token',
  403: "UNAUTHENTICATED: the signature does not verify or is not the actor's, or the token's subject is not mapped",
  404: 'NOT_FOUND',
  409: 'CONFLICT: a concurrent write won; retry with the same commandId',
  413: 'COMMAND_INVALID: the body is larger than the limit',
  415: 'COMMAND_INVALID: send Content-Type: application/json',
  422: 'Refused by the rules: REFUSED, NOT_AUTHORIZED, KEY_ALREADY_USED, STALE_REVISION or WINDOW_CLOSED, with reasons',
  429: 'LIMIT_REACHED: too many requests; wait and retry',
  503: 'STORE_FAILED: the database is unavailable',
}

/** The error answers with these statuses, each with its meaning. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, json(ERROR_TEXT[s] ?? 'error', ErrorBodySchema)] as const),
  ) as Record<number, ReturnType<typeof json>>

/** A read's error answers: 401 and 403 when reads need a token, and 429 always. */
export const readErrors = (auth: ReadAccess, ...statuses: number[]) =>
  errors(...(auth.reads === 'jwt' ? [401, 403] : []), ...statuses, 429)
