import { type Command, type CommandInput, CommandSchema } from './Command.js'
import { type Issue, TwoKeysError } from './TwoKeysError.js'

function invalidCommand(value: unknown, issues: Issue[]): TwoKeysError {
  const raw = typeof value === 'object' && value !== null && 'type' in value ? value.type : undefined
  // Only a short string is worth quoting; anything else (a BigInt, a cycle, a huge object) is not echoed.
  const type = typeof raw === 'string' && raw.length <= 40 ? JSON.stringify(raw) : 'command'
  const lines = issues.map((i) => `  ✖ ${i.path.join('.') || '(command)'}: ${i.message}`)
  return new TwoKeysError('COMMAND_INVALID', `invalid ${type} command:\n${lines.join('\n')}`, { issues })
}

/**
 * A command checked against its schema, in its parsed form (times as epoch milliseconds): what
 * the engine judges and what a signature covers. Throws COMMAND_INVALID with every issue located.
 *
 * @example
 * parseCommand({ type: 'submit', initiativeId: 'kazan', by: 'gov-tatarstan' })
 */
export function parseCommand(input: CommandInput): Command {
  const result = CommandSchema.safeParse(input)
  if (!result.success) {
    throw invalidCommand(
      input,
      result.error.issues.map((i) => ({
        code: i.code,
        path: i.path as (string | number)[],
        message: i.message,
      })),
    )
  }
  return result.data
}
