import { Command, CommanderError } from 'commander'
import pc from 'picocolors'
import { isTwoKeysError, TwoKeysError } from '../domain/TwoKeysError.js'
import { registerAnalyze } from './analyzeCommand.js'
import { registerAudit } from './auditCommand.js'
import { registerClassroom } from './classroomCommand.js'
import { CLI_LANGUAGES, languageFrom, setCliLanguage } from './cliLanguage.js'
import { registerCompare } from './compareCommand.js'
import { registerDiagram } from './diagramCommand.js'
import { registerDiff } from './diffCommand.js'
import { EXIT } from './exitCodes.js'
import { registerHistory } from './historyCommand.js'
import { registerKeys } from './keysCommand.js'
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

/** Builds the `twokeys` program; each subcommand lives in its own file and registers itself. */
export function createProgram(): Command {
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
        throw new TwoKeysError(
          'CONFIG_INVALID',
          `--lang "${flag}" is not a language twokeys speaks; use ${CLI_LANGUAGES.join(' or ')}`,
        )
      }
      setCliLanguage(language)
    })
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
  return program
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
  const program = createProgram()
  try {
    await program.parseAsync([...argv])
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.badInput
      return
    }
    if (isTwoKeysError(error)) {
      process.stderr.write(`${pc.red('✖')} ${error.message}\n`)
      // A tampered log or a violated invariant is a finding about what was checked, not bad input.
      process.exitCode = FINDINGS.has(error.code) ? EXIT.finding : EXIT.badInput
      return
    }
    process.stderr.write(
      `${pc.red('✖ internal error:')} ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.stderr.write('  This is a bug in twokeys; please report it with the command you ran.\n')
    process.exitCode = EXIT.badInput
  }
}
