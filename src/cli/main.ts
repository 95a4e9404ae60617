import { Command, CommanderError } from 'commander'
import pc from 'picocolors'
import { isTwoKeysError, TwoKeysError } from '../index.js'
import { registerAnalyze } from './analyzeCommand.js'
import { registerAudit } from './auditCommand.js'
import { registerClassroom } from './classroomCommand.js'
import { ENGLISH_CLI_ERROR_WORDS, RUSSIAN_CLI_ERROR_WORDS } from './cliErrorWords.js'
import { CLI_HELP_RU } from './cliHelp.ru.js'
import {
  CLI_LANGUAGES,
  type CliLanguage,
  inCliLanguage,
  languageFrom,
  languageInArgv,
  setCliLanguage,
} from './cliLanguage.js'
import { commanderInRussian } from './commanderInRussian.js'
import { registerCompare } from './compareCommand.js'
import { registerDiagram } from './diagramCommand.js'
import { registerDiff } from './diffCommand.js'
import { errorForPeople } from './errorForPeople.js'
import { EXIT } from './exitCodes.js'
import { registerHistory } from './historyCommand.js'
import { registerKeys } from './keysCommand.js'
import { localizeHelp } from './localizeHelp.js'
import { registerLog } from './logCommand.js'
import { registerOperatorCommands } from './operatorCommands.js'
import { packageVersion } from './packageVersion.js'
import { registerPlayground } from './playgroundCommand.js'
import { registerPower } from './powerCommand.js'
import { registerQuery } from './queryCommand.js'
import { registerReplay } from './replayCommand.js'
import { registerRun } from './runCommand.js'
import { registerServe } from './serveCommand.js'
import { registerSimulate } from './simulateCommand.js'
import { registerSweep } from './sweepCommand.js'
import { registerValidate } from './validateCommand.js'
import { registerVerify } from './verifyCommand.js'
import { registerWalkthrough } from './walkthroughCommand.js'
import { registerWitness } from './witnessCommand.js'

export { EXIT }

const FINDINGS = new Set<string>(['AUDIT_TAMPERED', 'INVARIANT_VIOLATED'])

/**
 * Builds the `twokeys` program; each subcommand lives in its own file and registers itself. Its
 * help is in `language`: the command files write English, and for Russian commander's own words
 * and then every description are put in Russian (the language is known before the build).
 *
 * @example
 * createProgram('ru').helpInformation() // «Использование: twokeys [параметры] [команда] …»
 */
export function createProgram(language: CliLanguage = 'en'): Command {
  const program = new Command('twokeys')
    .description('Dual-key governance: policies as data, one statechart, proven invariants.')
    .version(packageVersion(), '-V, --version', 'print the twokeys version')
    .option(
      '--lang <lang>',
      'language of the refusal reasons: en or ru (default: from LANG, e.g. ru_RU.UTF-8)',
    )
    .showHelpAfterError('(run twokeys --help for usage)')
    .exitOverride()
    .hook('preAction', () => {
      const flag = program.opts<{ lang?: string }>().lang
      const language = languageFrom(flag, process.env)
      if (language === null) {
        // Said in the locale's language: the flag names none twokeys speaks.
        const words = { en: ENGLISH_CLI_ERROR_WORDS, ru: RUSSIAN_CLI_ERROR_WORDS }[
          languageFrom(undefined, process.env) ?? 'en'
        ]
        throw new TwoKeysError('CONFIG_INVALID', words.unknownLanguage(flag, CLI_LANGUAGES))
      }
      setCliLanguage(language)
    })
  if (language === 'ru') commanderInRussian(program)
  // Subcommands, one file each (keep this list sorted).
  registerAnalyze(program)
  registerAudit(program)
  registerClassroom(program)
  registerCompare(program)
  registerDiagram(program)
  registerDiff(program)
  registerHistory(program)
  registerKeys(program)
  registerLog(program)
  registerOperatorCommands(program)
  registerPlayground(program)
  registerPower(program)
  registerQuery(program)
  registerReplay(program)
  registerRun(program)
  registerServe(program)
  registerSimulate(program)
  registerSweep(program)
  registerValidate(program)
  registerVerify(program)
  registerWalkthrough(program)
  registerWitness(program)
  if (language === 'ru') localizeHelp(program, CLI_HELP_RU)
  return program
}

/** What the CLI says of an error that is its own bug. */
const INTERNAL_ERROR_WORDS = {
  en: {
    title: 'internal error:',
    report: 'This is a bug in twokeys; please report it with the command you ran.',
  },
  ru: {
    title: 'внутренняя ошибка:',
    report: 'Это ошибка в twokeys; сообщите о ней, приложив команду, которую вы запускали.',
  },
}

let pipesGuarded = false

/**
 * `twokeys … | head -1`: once the reader is gone nothing more can be shown, so the CLI stops at
 * once and quietly (exit 0, as other CLIs do) instead of printing an EPIPE stack trace.
 */
function endQuietlyOnClosedPipe(): void {
  if (pipesGuarded) return
  pipesGuarded = true
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      process.exit(EXIT.ok)
    })
  }
}

/** Runs the CLI; never throws: bad input prints a located message and exits 2, no stack trace. */
export async function main(argv: readonly string[]): Promise<void> {
  endQuietlyOnClosedPipe()
  // Known before parsing: option parsers (wholeNumber) and commander's errors speak it already.
  const language = languageInArgv(argv, process.env) ?? 'en'
  setCliLanguage(language)
  const program = createProgram(language)
  try {
    await program.parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badInput
      return
    }
    if (isTwoKeysError(error)) {
      process.stderr.write(`${pc.red('✖')} ${errorForPeople(error)}\n`)
      // A tampered log or a violated invariant is a finding about what was checked, not bad input.
      process.exitCode = FINDINGS.has(error.code) ? EXIT.finding : EXIT.badInput
      return
    }
    const words = inCliLanguage(INTERNAL_ERROR_WORDS)
    process.stderr.write(
      `${pc.red(`✖ ${words.title}`)} ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.stderr.write(`  ${words.report}\n`)
    process.exitCode = EXIT.badInput
  }
}
