import { Command, CommanderError } from 'commander'
import pc from 'picocolors'
import { isTwoKeysError } from '../domain/TwoKeysError.js'

/** Exit codes: 0 ok, 1 a finding (a violated invariant, a refused command in a script), 2 bad input. */
export const EXIT = { ok: 0, finding: 1, badInput: 2 } as const

/** Builds the `twokeys` program; each subcommand lives in its own file and registers itself. */
export function createProgram(): Command {
  const program = new Command('twokeys')
    .description('Dual-key governance: policies as data, one statechart, proven invariants.')
    .showHelpAfterError('(run twokeys --help for usage)')
    .exitOverride()
  // Subcommands, one file each (keep this list sorted).
  return program
}

/** Runs the CLI; never throws: bad input prints a located message and exits 2, no stack trace. */
export async function main(argv: readonly string[]): Promise<void> {
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
      process.exitCode = EXIT.badInput
      return
    }
    process.stderr.write(
      `${pc.red('✖ internal error:')} ${error instanceof Error ? error.message : String(error)}\n`,
    )
    process.stderr.write('  This is a bug in twokeys; please report it with the command you ran.\n')
    process.exitCode = EXIT.badInput
  }
}
