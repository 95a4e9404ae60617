import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import type { Command } from 'commander'
import pc from 'picocolors'
import { exportAudit, TwoKeysError } from '../index.js'
import { ENGLISH_AUDIT_WORDS, RUSSIAN_AUDIT_WORDS } from './auditWords.js'
import { cliErrorWords } from './cliErrorWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { describeDb, openStore } from './openStore.js'

/** `twokeys audit export --db <db> [--out file]`: the log as JSON Lines, exactly as stored. */
/** The file to write, opened before anything is read: a path that cannot be written fails first, with its reason. */
async function openOut(path: string): Promise<Writable> {
  const out = createWriteStream(path)
  try {
    await once(out, 'open')
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().cannotWrite('export', path, reason), { cause })
  }
  return out
}

export async function auditExport(options: { db: string; out?: string }): Promise<void> {
  const out: Writable = options.out === undefined ? process.stdout : await openOut(options.out)
  // A failed write (a full disk) ends the export with its reason instead of an unhandled stream error.
  let failed: Error | undefined
  out.on('error', (error: Error) => {
    failed = error
  })
  const store = await openStore(options.db, { mustExist: true }).catch((error) => {
    if (options.out !== undefined) out.destroy()
    throw error
  })
  let events = 0
  try {
    for await (const line of exportAudit(store)) {
      if (failed !== undefined) break
      events++
      // once() rejects on 'error' by itself; a race with a second once(out, 'error') would leave
      // one listener behind per wait. The failure is reported below, from `failed`.
      if (!out.write(line)) await once(out, 'drain').catch(() => undefined)
    }
  } finally {
    await store.close()
    if (options.out !== undefined && failed === undefined) {
      out.end()
      await once(out, 'finish').catch(() => undefined)
    }
  }
  if (failed !== undefined) {
    throw new TwoKeysError(
      'STORE_FAILED',
      cliErrorWords().exportFailed(
        options.out,
        events,
        (failed as NodeJS.ErrnoException).code ?? failed.message,
      ),
      { cause: failed },
    )
  }
  if (options.out !== undefined) {
    process.stderr.write(
      `${pc.green('✓')} ${inCliLanguage({ en: ENGLISH_AUDIT_WORDS, ru: RUSSIAN_AUDIT_WORDS }).exported(events, describeDb(options.db), options.out)}\n`,
    )
  }
  process.exitCode = EXIT.ok
}

export function registerAuditExport(audit: Command): void {
  audit
    .command('export')
    .description('write the event log as JSON Lines (one event per line), to check or archive elsewhere')
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL (?schema=name for a schema)')
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys audit export --db twokeys.db --out audit.jsonl\n  node examples/verify-audit-standalone.mjs audit.jsonl   # checks it without twokeys\n\nExit codes: 0 exported, 2 bad input.',
    )
    .action((options: { db: string; out?: string }) => auditExport(options))
}
