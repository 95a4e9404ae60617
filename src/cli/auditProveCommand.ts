import type { Command } from 'commander'
import { formatTlogProof, proveEvent } from '../index.js'
import { openStore } from './openStore.js'
import { wholeNumber } from './wholeNumber.js'
import { writeOutputFile } from './writeOutputFile.js'

/** `twokeys audit prove <initiative> <seq> --db …`: an inclusion proof anyone can check offline. */
export function registerAuditProve(audit: Command): void {
  audit
    .command('prove')
    .description(
      'print a proof (c2sp.org/tlog-proof) that an event is in the latest cosigned checkpoint of the log: checkable offline with the witnesses file',
    )
    .argument('<initiative>', 'the initiative id')
    .argument('<seq>', 'the event, 1 for the first')
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL')
    .option('--out <file>', 'write the proof there (name it .tlog-proof) instead of stdout')
    .addHelpText(
      'after',
      '\nExample:\n  twokeys audit prove kazan-dc 4 --db twokeys.db --out kazan-dc-4.tlog-proof\n  node examples/verify-audit-standalone.mjs --proof kazan-dc-4.tlog-proof --witnesses witnesses.txt',
    )
    .action(async (initiative: string, seqText: string, options: { db: string; out?: string }) => {
      const seq = wholeNumber(seqText, '<seq>', 1, Number.MAX_SAFE_INTEGER)
      const store = await openStore(options.db, { mustExist: true })
      try {
        const proof = formatTlogProof(await proveEvent(store, initiative, seq))
        if (options.out === undefined) process.stdout.write(proof)
        else writeOutputFile(options.out, proof, 'proof')
      } finally {
        await store.close()
      }
    })
}
