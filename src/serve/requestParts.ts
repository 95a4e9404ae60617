import type { z } from 'zod'
import { CommandSchema } from '../domain/Command.js'
import { recordIdProblem } from '../domain/RecordIdSchema.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'

const COMMAND_TYPES = new Set<string>(CommandSchema.options.map((o) => o.shape.type.value))

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Does a request body carry a signature (whatever else it holds)? */
export const hasSignature = (body: unknown) => isObject(body) && body.signature !== undefined

/** The command type a body names, for metrics labels: 'unknown' unless it is one of the commands. */
export const commandType = (body: unknown) =>
  isObject(body) && typeof body.type === 'string' && COMMAND_TYPES.has(body.type) ? body.type : 'unknown'

/** Checks a request part with its zod schema: COMMAND_INVALID with every issue located. */
export function parsed<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({
    code: i.code,
    path: i.path as (string | number)[],
    message: i.message,
  }))
  const lines = issues.map((i) => `  ✖ ${[where, ...i.path].join('.')}: ${i.message}`)
  throw new TwoKeysError('COMMAND_INVALID', `invalid ${where}:\n${lines.join('\n')}`, { issues })
}

export function checkedInitiativeId(id: string): string {
  const problem = recordIdProblem(id)
  if (problem !== undefined) throw new TwoKeysError('COMMAND_INVALID', `initiative id: ${problem}`)
  return id
}
