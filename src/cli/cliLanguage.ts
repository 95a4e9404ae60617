import {
  type ErrorPhrase,
  PHASE_NAMES_RU,
  type Phase,
  phaseTerm,
  REFUSAL_MESSAGES,
  REFUSAL_MESSAGES_RU,
  reasonsIn,
} from '../index.js'
import { type CliWords, ENGLISH_WORDS, RUSSIAN_WORDS } from './cliWords.js'

/** The languages the CLI speaks: its run and board output, and the engine's refusal reasons. */
export const CLI_LANGUAGES = ['en', 'ru'] as const
export type CliLanguage = (typeof CLI_LANGUAGES)[number]

let current: CliLanguage = 'en'

/**
 * The language asked for: `--lang` when given (an unknown one is refused by the caller), else the
 * environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ru_RU.UTF-8` → ru), else English.
 */
export function languageFrom(flag: string | undefined, env: NodeJS.ProcessEnv): CliLanguage | null {
  if (flag !== undefined)
    return (CLI_LANGUAGES as readonly string[]).includes(flag) ? (flag as CliLanguage) : null
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

/**
 * The language a command line asks for, read before the program is built (its help is built in
 * it): `--lang ru` or `--lang=ru` anywhere before `--`, else the locale; null for an unknown one,
 * which the program refuses once it runs.
 *
 * @example
 * languageInArgv(['node', 'twokeys', 'verify', '--lang', 'ru'], {}) // 'ru'
 */
export function languageInArgv(argv: readonly string[], env: NodeJS.ProcessEnv): CliLanguage | null {
  let flag: string | undefined
  for (let i = 2; i < argv.length && argv[i] !== '--'; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--lang') flag = argv[++i]
    else if (arg.startsWith('--lang=')) flag = arg.slice('--lang='.length)
  }
  return languageFrom(flag, env)
}

export function setCliLanguage(language: CliLanguage): void {
  current = language
}

/** The language the CLI speaks now (`--lang`, else the locale). */
export function cliLanguage(): CliLanguage {
  return current
}

/**
 * One of a words table's languages, the CLI's: every formatter takes its words as a parameter
 * (English by default), and the command picks them here.
 *
 * @example
 * formatVerifyResult(result, inCliLanguage({ en: ENGLISH_VERIFY_WORDS, ru: RUSSIAN_VERIFY_WORDS }))
 */
export function inCliLanguage<T>(words: Record<CliLanguage, T>): T {
  return words[current]
}

/**
 * Refusal reasons for people, in the CLI's language: from their phrases when the rules gave them
 * (one per reason), else as the engine wrote them.
 */
export function reasonsForPeople(
  reasons: readonly string[],
  phrases: readonly ErrorPhrase[] | undefined,
): string[] {
  return current === 'en' ? [...reasons] : reasonsIn(REFUSAL_MESSAGES_RU, reasons, phrases)
}

/** The words of the CLI's human output in its language. */
export function cliWords(): CliWords {
  return current === 'en' ? ENGLISH_WORDS : RUSSIAN_WORDS
}

/** A phase in the CLI's language, as a clause: "in review", «на рассмотрении». */
export function phaseForPeople(phase: Phase): string {
  return (current === 'en' ? REFUSAL_MESSAGES : REFUSAL_MESSAGES_RU)[phaseTerm(phase)]
}

/**
 * A phase's name where a line shows where a step went (`→ regionalRollout`): the id in English;
 * in Russian, the Russian name with the id kept («региональное внедрение (regionalRollout)»).
 */
export function phaseName(phase: Phase): string {
  return current === 'en' ? phase : `${PHASE_NAMES_RU[phase]} (${phase})`
}
