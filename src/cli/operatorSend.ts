import { Option, type Command as Program } from 'commander'
import { nanoid } from 'nanoid'
import pc from 'picocolors'
import {
  type Board,
  type CommandInput,
  isTwoKeysError,
  loadPrivateKeyFile,
  REFUSAL_CODES,
  signCommand,
  TwoKeysError,
} from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { cliWords, reasonsForPeople } from './cliLanguage.js'
import { errorForPeople } from './errorForPeople.js'
import { EXIT } from './exitCodes.js'
import { formatBoard } from './formatBoard.js'
import { type OperatorTarget, openTarget, type TargetOptions } from './operatorTarget.js'

// One operator command sent: prepared (command id, revision, signature), dispatched to the
// target, and its receipt or refusal printed. The options every operator command shares.

/**
 * A refusal's reasons for people: the rules' phrases in the CLI's language; a refusal whose one
 * reason is its own message (a signature check, a store without a keyring) worded from its phrase.
 */
function refusalReasonsForPeople(error: TwoKeysError): string[] {
  const [only, ...more] = error.reasons
  const ownMessage = error.phrases.length === 0 && more.length === 0 && only === error.message
  return ownMessage ? [errorForPeople(error)] : reasonsForPeople(error.reasons, error.phrases)
}

export interface CommonOptions extends TargetOptions {
  key?: string
  by?: string
  commandId?: string
  json?: boolean
}

export const print = (text: string) => process.stdout.write(`${text}\n`)

/**
 * The command as it will be sent: with a command id and, for a signed decision, the revision the
 * signer saw (the signature covers both), signed with `--key` (its principal acts), or naming
 * `--by` where the policy lets callers name themselves.
 */
export async function prepareCommand(
  target: OperatorTarget,
  options: CommonOptions,
  command: Record<string, unknown>,
): Promise<CommandInput> {
  const commandId = options.commandId ?? `cli-${nanoid()}`
  if (options.key === undefined) {
    if (options.by === undefined) throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().sayWhoActs)
    return { ...command, by: options.by, commandId } as CommandInput
  }
  const key = loadPrivateKeyFile(options.key)
  if (options.by !== undefined && options.by !== key.principal)
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().byNotKey(options.by, key.principal))
  const unsigned: Record<string, unknown> = { ...command, by: key.principal, commandId }
  if (unsigned.type === 'propose' && unsigned.initiativeId === undefined)
    unsigned.initiativeId = `i-${nanoid(10)}`
  if (unsigned.type === 'decide' && unsigned.revision === undefined)
    unsigned.revision = (await target.status(unsigned.initiativeId as string)).revision.hash
  return signCommand(unsigned as CommandInput, key)
}

/** Runs one command against the target and prints the receipt, or the refusal with its reasons (exit 1). */
export async function send(options: CommonOptions, command: Record<string, unknown>): Promise<void> {
  const target = await openTarget(options)
  try {
    const prepared = await prepareCommand(target, options, command)
    const receipt = (await target.dispatch(prepared)) as {
      initiativeId: string
      seq: number
      replayed?: boolean
      board: Board
      event?: { event?: { type?: string } }
    }
    if (options.json) print(JSON.stringify(receipt, null, 2))
    else {
      const words = cliWords()
      const again = receipt.replayed === true ? pc.dim(words.alreadyApplied) : ''
      print(
        `${pc.green('✓')} ${words.commandAccepted(String(prepared.type), receipt.initiativeId, receipt.seq)}${again}`,
      )
      print(formatBoard(receipt.board, target.policy))
    }
  } catch (error) {
    if (!(isTwoKeysError(error) && REFUSAL_CODES.has(error.code))) throw error
    if (options.json)
      print(
        JSON.stringify(
          { ok: false, code: error.code, message: error.message, reasons: error.reasons ?? [] },
          null,
          2,
        ),
      )
    else {
      const reasons = refusalReasonsForPeople(error)
      const refused = cliWords().commandRefused(
        String(command.type),
        error.code,
        errorForPeople(error).split('\n')[0] ?? '',
        reasons.length > 0,
      )
      print(`${pc.red('✖')} ${refused}`)
      for (const reason of reasons) print(`  · ${reason}`)
    }
    process.exitCode = EXIT.finding
  } finally {
    await target.close()
  }
}

/** The options every operator command takes. */
export function common(cmd: Program): Program {
  return cmd
    .option('--db <db>', 'run it here on a database: a SQLite file or a postgres:// URL (with --policy)')
    .option('--policy <file>', 'with --db: the policy (a file or twokeys/policies/…)')
    .option('--server <url>', 'send it to a running twokeys serve instead')
    .option('--key <file>', 'sign it with this private key (twokeys keys new); its principal acts')
    .option('--by <principal>', 'who acts, where the policy says identity: asserted (no key)')
    .option('--command-id <id>', 'an idempotency key: repeating it returns the first result')
    .option('--json', 'print the receipt as JSON')
    .addOption(snapshotKeyOption())
    .addOption(witnessesOption())
}

/** What an engine on --db may start an initiative from instead of its first event. */
export const snapshotKeyOption = () =>
  new Option('--snapshot-key-file <file>', "with --db: the engine's snapshot key")
export const witnessesOption = () =>
  new Option(
    '--witnesses <file>',
    'with --db: trust snapshots a checkpoint cosigned by these witnesses covers',
  )
