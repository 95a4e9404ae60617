import type { ErrorPhrase, TwoKeysError } from '../index.js'
import { cliLanguage } from './cliLanguage.js'
import { SAID_MESSAGES_RU } from './saidMessages.js'

/** A phrase in Russian, when its key is in the tables (else undefined: the English stays). */
function saidInRussian(said: ErrorPhrase | undefined): string | undefined {
  const words = said === undefined ? undefined : SAID_MESSAGES_RU[said.key]
  return words === undefined ? undefined : (words as (params: unknown) => string)(said?.params)
}

/**
 * An error as the CLI prints it, in its language: an error whose message is a phrase
 * (`TwoKeysError.said`, e.g. a policy that a command could not load, with its issues worded as
 * `validate` words them) is worded from it; any other error, or English, its message as it is.
 *
 * @example
 * errorForPeople(error) // 'в политике bad.yaml есть ошибки:\n✖ principals: ни у одного участника нет роли «sponsor», …'
 */
export function errorForPeople(error: TwoKeysError): string {
  if (cliLanguage() === 'en') return error.message
  return saidInRussian(error.said) ?? error.message
}

/**
 * What went wrong, for a line of the CLI's own that quotes a failure from below it (in «…» in
 * Russian): a phrased error in the CLI's language, anything else as its message says.
 *
 * @example
 * cliErrorWords().unreadable('witnesses file', path, reasonForPeople(error))
 */
export function reasonForPeople(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const said = (error as Partial<TwoKeysError>).said
  return cliLanguage() === 'en' ? error.message : (saidInRussian(said) ?? error.message)
}

/**
 * A phrase made below the CLI that is not an error (a witness's answer, `WitnessAnswer.said`) in
 * the CLI's language; its English text when the language is English or the phrase has no words.
 *
 * @example
 * saidForPeople(answer.said, answer.message) // 'подписал размер 3' under --lang ru
 */
export function saidForPeople(said: ErrorPhrase | undefined, english: string): string {
  return cliLanguage() === 'en' ? english : (saidInRussian(said) ?? english)
}
