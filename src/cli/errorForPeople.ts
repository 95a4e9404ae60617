import type { TwoKeysError } from '../domain/TwoKeysError.js'
import { formatIssues } from '../policy/formatIssues.js'
import { cliLanguage } from './cliLanguage.js'
import { ENGLISH_VALIDATE_WORDS, validateWords } from './validateWords.js'

/**
 * An error as the CLI prints it, in its language: a policy that a command could not load
 * (`loadPolicy`'s POLICY_INVALID) with its issues worded from their phrases, as `validate` words
 * them; any other error, or English, its message as it is.
 *
 * @example
 * errorForPeople(error) // 'в политике bad.yaml есть ошибки:\n✖ principals: ни у одного участника нет роли «sponsor», …'
 */
export function errorForPeople(error: TwoKeysError): string {
  const file = error.issues[0]?.file
  const loading = error.code === 'POLICY_INVALID' && file !== undefined
  if (!loading || cliLanguage() === 'en') return error.message
  if (!error.message.startsWith(ENGLISH_VALIDATE_WORDS.invalid(file))) return error.message
  const words = validateWords()
  return `${words.invalid(file)}\n${formatIssues(error.issues, { words, color: false })}`
}
