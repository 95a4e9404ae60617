import type { Command } from 'commander'
import pc from 'picocolors'
import {
  importAudit,
  isTwoKeysError,
  phraseOf,
  renderAuditPhrase,
  type TamperedPhrase,
  type TwoKeysError,
} from '../index.js'
import { readAuditFile } from './auditFiles.js'
import { type AuditWords, ENGLISH_AUDIT_WORDS, RUSSIAN_AUDIT_WORDS } from './auditWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { describeDb, openStore } from './openStore.js'
import { loadCliPolicy } from './packagePath.js'

interface ImportOptions {
  db: string
  policy?: string[]
}

/** Why the import was refused, in the words' language when the error says why as data. */
function refusal(error: TwoKeysError, words: AuditWords): string {
  const why = phraseOf<TamperedPhrase>(error)
  if (why?.tampered !== true) return error.message
  const finding = renderAuditPhrase(why.finding, words.messages)
  return why.problem === 'rules'
    ? words.importBreaksRules(finding)
    : words.importTampered(why.problem, finding, why.position)
}

/** `twokeys audit import <file> --db <db>`: verifies the log, then appends what the store lacks. */
export async function auditImport(file: string, options: ImportOptions): Promise<void> {
  const words = inCliLanguage({ en: ENGLISH_AUDIT_WORDS, ru: RUSSIAN_AUDIT_WORDS })
  const lines = readAuditFile(file)
  const policies = (options.policy ?? []).map((p) => loadCliPolicy(p))
  const store = await openStore(options.db)
  try {
    const summary = await importAudit(
      store,
      lines.map((l) => l.value),
      { policies },
    )
    process.stdout.write(
      `${pc.green('✓')} ${words.imported(summary.events, summary.initiatives, summary.added, describeDb(options.db))}\n`,
    )
    for (const hash of summary.missingPolicies) {
      process.stdout.write(`${pc.yellow('!')} ${words.missingPolicy(hash.slice(0, 12))}\n`)
    }
    process.exitCode = EXIT.ok
  } catch (error) {
    if (!isTwoKeysError(error) || error.code !== 'AUDIT_TAMPERED') throw error
    process.stderr.write(`${pc.red('✖')} ${words.refusedImport(file, refusal(error, words))}\n`)
    process.exitCode = EXIT.finding
  } finally {
    await store.close()
  }
}

export function registerAuditImport(audit: Command): void {
  audit
    .command('import')
    .description('verify an exported log and append the events the database lacks (repeatable)')
    .argument('<file>', 'an exported log (JSON Lines)')
    .requiredOption('--db <db>', 'a SQLite file (created if missing) or a postgres:// URL')
    .option('--policy <file...>', 'policy files the events are pinned to, stored alongside')
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys audit import audit.jsonl --db copy.db --policy machines/policies/two-keys.yaml\n\nExit codes: 0 imported, 1 the log is tampered or breaks the rules of its policy (nothing imported), 2 bad input (or the database holds a different log).',
    )
    .action((file: string, options: ImportOptions) => auditImport(file, options))
}
