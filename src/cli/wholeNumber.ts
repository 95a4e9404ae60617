import { TwoKeysError } from '../index.js'
import { cliLanguage } from './cliLanguage.js'

/** What a bad whole number is told, in the CLI's language (its numbers grouped as each writes them). */
const OUT_OF_RANGE = {
  en: (option: string, min: number, max: number, text: string) =>
    `${option} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not "${text}"`,
  ru: (option: string, min: number, max: number, text: string) =>
    `${option}: нужно целое число от ${min.toLocaleString('ru')} до ${max.toLocaleString('ru')}, а не «${text}»`,
}

/**
 * A whole number from `min` to `max` from an option's text, or a COMMAND_INVALID error that
 * quotes it and gives the range. Bounded so that `--replications 99999999999999999999` is a
 * message, not an out-of-memory crash.
 *
 * @example
 * wholeNumber('30', '--replications', 2, 100_000) // 30
 */
export function wholeNumber(text: string, option: string, min: number, max: number): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new TwoKeysError('COMMAND_INVALID', OUT_OF_RANGE[cliLanguage()](option, min, max, text))
  }
  return n
}

/** The largest `--max-states` the CLI accepts: about what fits in a few GB of memory. */
export const MAX_STATES_LIMIT = 10_000_000
