import { existsSync, readFileSync } from 'node:fs'
import type { Command } from 'commander'
import pc from 'picocolors'
import {
  COSIGNATURE_ED25519,
  createWitness,
  type ErrorPhrase,
  formatNoteSigner,
  generateNoteSigner,
  keyNameProblem,
  loadWitnessSigner,
  loadWitnessState,
  noteKeyProblemText,
  readLogKeys,
  startWitnessServer,
  TwoKeysError,
  type VerifierKey,
  verifierKeyOf,
  type Witness,
} from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { saidForPeople } from './errorForPeople.js'
import { EXIT } from './exitCodes.js'
import { wholeNumber } from './wholeNumber.js'
import { witnessedLogWords } from './witnessedLogWords.js'
import { writeNewKeyFile, writeOutputFile } from './writeOutputFile.js'

const print = (text: string): void => {
  process.stdout.write(`${text}\n`)
}

const collect = (value: string, previous: string[]) => [...previous, value]

interface WitnessFiles {
  key: string
  state: string
  logKey: string[]
  init?: boolean
}

/** The witness a command's --key, --state, --log-key and --init describe. */
function openWitness(options: WitnessFiles): Witness {
  const signer = loadWitnessSigner(options.key)
  if (options.logKey.length === 0) throw new TwoKeysError('COMMAND_INVALID', witnessedLogWords().needsLogKey)
  const logKeys: VerifierKey[] = options.logKey.flatMap(readLogKeys)
  const state = loadWitnessState(options.state, { witness: signer.name, init: options.init === true })
  return createWitness({ signer, logKeys, statePath: options.state, state })
}

/** A witness's answer in the CLI's language: from its phrase, or as it is (quoted) when it has none. */
function answerForPeople(said: ErrorPhrase | undefined, reason: string): string {
  return said === undefined ? witnessedLogWords().unphrased(reason) : saidForPeople(said, reason)
}

function readRequest(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path === '-' ? 0 : path))
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new TwoKeysError('COMMAND_INVALID', witnessedLogWords().cannotReadRequest(path, code), { cause })
  }
}

/** `twokeys witness …`: cosign checkpoints of twokeys logs (c2sp.org/tlog-witness). */
export function registerWitness(program: Command): void {
  const witness = program
    .command('witness')
    .description(
      "an institution's witness: cosigns a log's checkpoint only if it provably extends the last one it cosigned",
    )

  witness
    .command('key')
    .description("the witness's cosigning key")
    .command('new')
    .description(
      'make a witness cosigning key: the private key (owner-only) and its verifier key (<file>.vkey)',
    )
    .requiredOption('--name <name>', 'the witness name, e.g. pa.example.gov/witness')
    .requiredOption('--out <file>', 'where to write the private key; the vkey goes to <file>.vkey')
    .action((options: { name: string; out: string }) => {
      const bad = keyNameProblem(options.name)
      if (bad !== undefined) {
        const why = saidForPeople(bad, noteKeyProblemText(bad))
        throw new TwoKeysError('COMMAND_INVALID', witnessedLogWords().badName(why))
      }
      const vkeyPath = `${options.out}.vkey`
      for (const path of [options.out, vkeyPath])
        if (existsSync(path)) throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().keyFileExists(path))
      const signer = generateNoteSigner(options.name, COSIGNATURE_ED25519)
      const vkey = verifierKeyOf(signer)
      writeNewKeyFile(options.out, `${formatNoteSigner(signer)}\n`, 0o600)
      writeNewKeyFile(vkeyPath, `${vkey}\n`, 0o644)
      process.stderr.write(
        `${pc.green('✓')} ${witnessedLogWords().wroteWitnessKey(signer.name, options.out, vkeyPath)}\n`,
      )
      print(vkey)
    })

  witness
    .command('serve')
    .description('serve c2sp.org/tlog-witness: POST /add-checkpoint answers with a cosignature or a refusal')
    .requiredOption('--key <file>', "the witness's private key (`twokeys witness key new`)")
    .requiredOption('--state <file>', 'the state file: what this witness last cosigned for each log')
    .option('--log-key <vkey>', "a trusted log's verifier key, or a file with it (repeatable)", collect, [])
    .option('--init', 'create a new, empty state file (a new witness key only; never replaces one)')
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--port <port>', 'the port (0: any free one)', '7380')
    .action(async (options: WitnessFiles & { host: string; port: string }) => {
      const port = wholeNumber(options.port, '--port', 0, 65535)
      const opened = openWitness(options)
      const server = await startWitnessServer(opened, {
        host: options.host,
        port,
        onAnswer: (a) => {
          const why = answerForPeople(a.said, a.reason)
          process.stderr.write(`${witnessedLogWords().answered(a.status, a.origin, why)}\n`)
        },
      })
      // The URL printed is the submission prefix: what a witnesses file lists and a log posts under.
      const words = witnessedLogWords()
      print(words.listening(opened.signer.name, server.url))
      print(words.vkey(verifierKeyOf(opened.signer)))
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          server.close().then(resolve, resolve)
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
      print(words.witnessStopped)
    })

  witness
    .command('cosign')
    .description('air-gapped mode: decide one add-checkpoint request from a file, as the server would')
    .requiredOption('--key <file>', "the witness's private key")
    .requiredOption('--state <file>', 'the state file')
    .option('--log-key <vkey>', "a trusted log's verifier key, or a file with it (repeatable)", collect, [])
    .requiredOption(
      '--request <file>',
      'the add-checkpoint body (old size, proof, blank line, checkpoint); - for stdin',
    )
    .option('--out <file>', 'write the cosignature line(s) here instead of stdout')
    .option('--init', 'create a new, empty state file (a new witness key only; never replaces one)')
    .action(async (options: WitnessFiles & { request: string; out?: string }) => {
      const opened = openWitness(options)
      const outcome = await opened.addCheckpoint(readRequest(options.request))
      if (outcome.status !== 200) {
        process.stderr.write(
          `${pc.red('✖')} ${witnessedLogWords().refusedRequest(outcome.status, answerForPeople(outcome.said, outcome.reason))}\n`,
        )
        // A malformed request is bad input; a well-formed one the witness will not cosign is a finding.
        process.exitCode = outcome.status === 400 ? EXIT.badInput : EXIT.finding
        return
      }
      if (options.out === undefined) process.stdout.write(outcome.body)
      else {
        writeOutputFile(options.out, outcome.body, 'cosignature')
        const why = answerForPeople(outcome.said, outcome.reason)
        print(`${pc.green('✓')} ${witnessedLogWords().cosignatureIn(why, options.out)}`)
      }
    })

  witness
    .command('show')
    .description('what the witness last cosigned for each log')
    .requiredOption('--state <file>', 'the state file')
    .option('--json', 'print the state file as JSON')
    .action((options: { state: string; json?: boolean }) => {
      const state = loadWitnessState(options.state, {})
      if (options.json) return print(JSON.stringify(state, null, 2))
      const origins = Object.keys(state.logs).sort()
      const words = witnessedLogWords()
      print(words.witnessLogs(state.witness, origins.length))
      for (const origin of origins) {
        const log = state.logs[origin] as { size: number; root: string; cosignedAt: number }
        print(
          `  ${origin}\n    ${words.sizeRoot(log.size, log.root)}\n    ${words.cosignedAt(new Date(log.cosignedAt * 1000).toISOString(), log.cosignedAt)}`,
        )
      }
    })
}
