import type { Command } from 'commander'
import pc from 'picocolors'
import {
  acceptCosignatures,
  addCheckpointRequest,
  formatNoteSigner,
  generateNoteSigner,
  keyNameProblem,
  logOf,
  NOTE_ED25519,
  noteKeyProblemText,
  publishCheckpoint,
  requestCosignatures,
  TwoKeysError,
  verifierKeyOf,
} from '../index.js'
import { readText } from './auditFiles.js'
import { reasonForPeople, saidForPeople } from './errorForPeople.js'
import { EXIT } from './exitCodes.js'
import { openStore } from './openStore.js'
import { wholeNumber } from './wholeNumber.js'
import { witnessedLogWords } from './witnessedLogWords.js'
import { readNoteSigner, readWitnessList } from './witnessFiles.js'
import { writeNewKeyFile, writeOutputFile } from './writeOutputFile.js'

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)

/** `twokeys log …`: the store's Merkle log — its key, its checkpoints and their cosignatures. */
export function registerLog(program: Command): void {
  const log = program
    .command('log')
    .description("the store's Merkle log: sign checkpoints and collect the witnesses' cosignatures")

  log
    .command('key')
    .description("the log's checkpoint key")
    .command('new')
    .description(
      "make the log's Ed25519 key: the private key to --out (mode 0600), the verifier key to <out>.vkey and stdout",
    )
    .requiredOption(
      '--origin <name>',
      "the log's name, written on every checkpoint (e.g. commission.example/twokeys)",
    )
    .requiredOption('--out <file>', 'where to write the private key (never overwritten)')
    .action((options: { origin: string; out: string }) => {
      const bad = keyNameProblem(options.origin)
      // the English as it was; said, so --lang ru words it
      if (bad !== undefined) throw new TwoKeysError('COMMAND_INVALID', noteKeyProblemText(bad), { said: bad })
      const signer = generateNoteSigner(options.origin, NOTE_ED25519)
      writeNewKeyFile(options.out, `${formatNoteSigner(signer)}\n`)
      writeNewKeyFile(`${options.out}.vkey`, `${verifierKeyOf(signer)}\n`, 0o644)
      print(verifierKeyOf(signer))
    })

  log
    .command('checkpoint')
    .description(
      'sign a checkpoint of the log as it stands (one publisher at a time on PostgreSQL) and ask every witness with a URL in --witnesses to cosign it',
    )
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL')
    .requiredOption('--key <file>', "the log's private key (twokeys log key new)")
    .option(
      '--witnesses <file>',
      'lines "<institution> <witness vkey> [<url>]": witnesses to ask and to check',
    )
    .option('--out <file>', 'also write the cosigned checkpoint there (for audit verify --checkpoint)')
    .addHelpText(
      'after',
      '\nExit codes: 0 published and cosigned by every witness asked, 1 a witness refused (each answer is printed), 2 bad input.',
    )
    .option(
      '--every <seconds>',
      'keep publishing on a schedule (until Ctrl-C / SIGTERM), a checkpoint whenever the log grew',
    )
    .action(
      async (options: { db: string; key: string; witnesses?: string; out?: string; every?: string }) => {
        const signer = readNoteSigner(options.key, 'log key')
        const list = options.witnesses === undefined ? undefined : readWitnessList(options.witnesses)
        const every =
          options.every === undefined ? undefined : wholeNumber(options.every, '--every', 1, 7 * 24 * 3600)
        const store = await openStore(options.db, { mustExist: true })
        /** One round: publish if the log grew, ask the witnesses; true when every witness cosigned. */
        const round = async (): Promise<boolean> => {
          let checkpoint = await publishCheckpoint(store, signer)
          let cosigned = true
          if (list !== undefined) {
            const asked = await requestCosignatures(store, list)
            checkpoint = asked.checkpoint
            for (const a of asked.answers) {
              cosigned &&= a.ok
              process.stderr.write(
                `${a.ok ? pc.green('✓') : pc.red('✖')} ${a.institution} (${a.witness}): ${saidForPeople(a.said, a.message)}\n`,
              )
            }
          }
          if (options.out !== undefined) writeOutputFile(options.out, checkpoint.note, 'checkpoint')
          print(checkpoint.note)
          return cosigned
        }
        try {
          if (every === undefined) {
            process.exitCode = (await round()) ? EXIT.ok : EXIT.finding
            return
          }
          await onSchedule(every * 1000, round)
        } finally {
          await store.close()
        }
      },
    )

  log
    .command('show')
    .description('print the latest checkpoint with its cosignatures')
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL')
    .action(async (options: { db: string }) => {
      const store = await openStore(options.db, { mustExist: true })
      try {
        const latest = await logOf(store).latestCheckpoint()
        if (latest === undefined) throw new TwoKeysError('NOT_FOUND', witnessedLogWords().noCheckpointYet)
        print(latest.note)
      } finally {
        await store.close()
      }
    })

  log
    .command('request')
    .description(
      'write the add-checkpoint request for an air-gapped witness (twokeys witness cosign --request)',
    )
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL')
    .requiredOption('--old <size>', 'the size the witness cosigned last (0 for its first)')
    .option('--out <file>', 'write the request there instead of stdout')
    .action(async (options: { db: string; old: string; out?: string }) => {
      const old = wholeNumber(options.old, '--old', 0, Number.MAX_SAFE_INTEGER)
      const store = await openStore(options.db, { mustExist: true })
      try {
        const body = await addCheckpointRequest(store, old)
        if (options.out === undefined) process.stdout.write(body)
        else writeOutputFile(options.out, body, 'add-checkpoint request')
      } finally {
        await store.close()
      }
    })

  log
    .command('add-cosignatures')
    .description('store cosignature lines an air-gapped witness answered (each checked against --witnesses)')
    .argument('<file>', "the witness's answer: cosignature lines")
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL')
    .requiredOption('--witnesses <file>', 'lines "<institution> <witness vkey>"')
    .action(async (file: string, options: { db: string; witnesses: string }) => {
      const list = readWitnessList(options.witnesses)
      const lines = readText(file, 'cosignature file')
      const store = await openStore(options.db, { mustExist: true })
      try {
        const checkpoint = await acceptCosignatures(store, list, lines)
        print(checkpoint.note)
      } finally {
        await store.close()
      }
    })
}

/**
 * Runs `round` now and then every `ms` until SIGINT or SIGTERM; a failed round is reported and the
 * schedule goes on (a witness may be down for a while).
 */
async function onSchedule(ms: number, round: () => Promise<boolean>): Promise<void> {
  let stop: () => void = () => {}
  const stopped = new Promise<void>((resolve) => {
    stop = resolve
  })
  const onSignal = () => stop()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    for (;;) {
      try {
        await round()
      } catch (error) {
        process.stderr.write(`${pc.red('✖')} ${reasonForPeople(error)}\n`)
      }
      let timer: NodeJS.Timeout | undefined
      const next = new Promise<'next'>((resolve) => {
        timer = setTimeout(() => resolve('next'), ms)
      })
      const why = await Promise.race([next, stopped.then(() => 'stop' as const)])
      clearTimeout(timer)
      if (why === 'stop') return
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
