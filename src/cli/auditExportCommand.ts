import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import type { Command } from 'commander'
import pc from 'picocolors'
import { exportAudit } from '../audit/exportAudit.js'
import { EXIT } from './exitCodes.js'
import { describeDb, openStore } from './openStore.js'

/** `twokeys audit export --db <db> [--out file]`: the log as JSON Lines, exactly as stored. */
export async function auditExport(options: { db: string; out?: string }): Promise<void> {
  const store = await openStore(options.db, { mustExist: true })
  const out: Writable = options.out === undefined ? process.stdout : createWriteStream(options.out)
  let events = 0
  try {
    for await (const line of exportAudit(store)) {
      events++
      if (!out.write(line)) await once(out, 'drain')
    }
  } finally {
    await store.close()
    if (options.out !== undefined) {
      out.end()
      await once(out, 'finish')
    }
  }
  if (options.out !== undefined) {
    process.stderr.write(
      `${pc.green('✓')} exported ${events} event${events === 1 ? '' : 's'} from ${describeDb(options.db)} to ${options.out}\n`,
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
