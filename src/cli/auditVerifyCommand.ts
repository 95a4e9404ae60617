import type { Command } from 'commander'
import pc from 'picocolors'
import {
  type AuditPhrase,
  type AuditResult,
  auditPhrase,
  type CheckpointVerdict,
  canonicalHash,
  checkAgainstCheckpoint,
  fileLeavesOrWhy,
  findingIn,
  logOf,
  problemsIn,
  readLeafHashes,
  renderAuditPhrase,
  type StoreAuditReport,
  TwoKeysError,
  verifyAudit,
  verifyStore,
  withPhrase,
} from '../index.js'
import { readAuditFile, readHeadsFile, readSnapshotKey } from './auditFiles.js'
import { ENGLISH_AUDIT_WORDS, RUSSIAN_AUDIT_WORDS } from './auditWords.js'
import { cliErrorWords } from './cliErrorWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { describeDb, openStore } from './openStore.js'
import { readCosignedCheckpoint } from './witnessFiles.js'

interface VerifyOptions {
  db?: string
  heads?: string
  exact?: boolean
  json?: boolean
  snapshotKeyFile?: string
  checkpoint?: string
  witnesses?: string
  policy?: string
}

/** The words of the output in the CLI's language. */
const auditWords = () => inCliLanguage({ en: ENGLISH_AUDIT_WORDS, ru: RUSSIAN_AUDIT_WORDS })

function describeFailure(result: Extract<AuditResult, { ok: false }>, line?: number): string[] {
  const words = auditWords()
  return [
    `${pc.red('✖')} ${words.tampered(result.problem, result.position, line)}`,
    `  ${findingIn(result, words.messages)}`,
    `  ${words.nothingTrusted(result.position)}`,
  ]
}

function describeSuccess(result: Extract<AuditResult, { ok: true }>, digest: string): string[] {
  const words = auditWords()
  return [
    `${pc.green('✓')} ${words.checksOut(result.count, result.initiatives)}`,
    pc.dim(`  ${words.headsDigest(digest.slice(0, 16))}`),
  ]
}

/** `twokeys audit verify [file] [--db <db>]`: exit 0 when the log checks out, 1 when tampered, 2 on bad input. */
export async function auditVerify(file: string | undefined, options: VerifyOptions): Promise<void> {
  if ((file === undefined) === (options.db === undefined)) {
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().nameOneLog)
  }
  const heads = options.heads === undefined ? undefined : readHeadsFile(options.heads)
  const cosigned = await readCosignedCheckpoint(options)
  const verifyOptions = { ...(heads === undefined ? {} : { heads }), exact: options.exact === true }
  const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`)

  if (file !== undefined) {
    const lines = readAuditFile(file)
    const result = verifyAudit(
      lines.map((l) => l.value),
      verifyOptions,
    )
    const line = result.ok ? undefined : lines[result.position]?.line
    const digest = result.ok ? canonicalHash(result.heads) : undefined
    let verdict: CheckpointVerdict | undefined
    if (cosigned !== undefined) {
      if (!lines.some((l) => l.logIndex !== undefined))
        throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().noLogIndex(file))
      const leaves = fileLeavesOrWhy(lines)
      verdict = Array.isArray(leaves) ? checkAgainstCheckpoint(leaves, cosigned) : unplaced(leaves)
    }
    const ok = result.ok && verdict?.ok !== false
    if (options.json)
      print([
        JSON.stringify(
          {
            ...result,
            ...(digest ? { digest } : {}),
            ...(line ? { line } : {}),
            ...(verdict === undefined ? {} : { checkpoint: verdict }),
            ok,
          },
          null,
          2,
        ),
      ])
    else
      print([
        ...(result.ok ? describeSuccess(result, digest as string) : describeFailure(result, line)),
        ...describeVerdict(verdict),
      ])
    process.exitCode = ok ? EXIT.ok : EXIT.finding
    return
  }

  const db = options.db as string
  const snapshotKey = readSnapshotKey(options.snapshotKeyFile)
  const store = await openStore(db, { mustExist: true })
  try {
    const report = await verifyStore(store, {
      ...verifyOptions,
      ...(snapshotKey === undefined ? {} : { snapshotKey }),
    })
    const { audit } = report
    const digest = audit.ok ? canonicalHash(audit.heads) : undefined
    let verdict: CheckpointVerdict | undefined
    if (cosigned !== undefined) {
      const log = logOf(store)
      const available = Math.min(await log.size(), cosigned.checkpoint.size)
      try {
        verdict = checkAgainstCheckpoint(await readLeafHashes(log, available), cosigned)
      } catch (error) {
        if (!(error instanceof TwoKeysError) || error.code !== 'AUDIT_TAMPERED') throw error
        const said = error.said?.key === 'leaves.deleted' ? error.said.params : undefined
        verdict =
          said === undefined
            ? { ok: false, problem: 'unplaced', message: error.message }
            : unplaced(
                auditPhrase(
                  'unplaced.leavesDeleted',
                  said as { from: number; listed: number; found: number },
                ),
              )
      }
    }
    const ok = report.ok && verdict?.ok !== false
    if (options.json) {
      const { audit: _audit, ...rest } = report
      print([
        JSON.stringify(
          {
            ...audit,
            ...(digest ? { digest } : {}),
            ...rest,
            ...(verdict === undefined ? {} : { checkpoint: verdict }),
            ok,
          },
          null,
          2,
        ),
      ])
    } else {
      const out = audit.ok ? describeSuccess(audit, digest as string) : describeFailure(audit)
      out.splice(1, 0, ...describeSections(report, snapshotKey !== undefined))
      out.unshift(pc.dim(`${describeDb(db)} (${store.kind})`))
      out.push(...describeVerdict(verdict))
      print(out)
    }
    process.exitCode = ok ? EXIT.ok : EXIT.finding
  } finally {
    await store.close()
  }
}

/** A log that cannot be placed against the checkpoint: the reason in English, its phrase beside it. */
function unplaced(why: AuditPhrase): CheckpointVerdict {
  return withPhrase(
    { ok: false as const, problem: 'unplaced' as const, message: renderAuditPhrase(why) },
    why,
  )
}

/** The checkpoint's verdict, when one was given. */
function describeVerdict(verdict: CheckpointVerdict | undefined): string[] {
  if (verdict === undefined) return []
  const words = auditWords()
  if (!verdict.ok) return [`${pc.red('✖')} ${words.checkpointFailed(findingIn(verdict, words.messages))}`]
  const by = verdict.cosignedBy.map((c) => `${c.institution} (${c.witness})`).join(', ')
  return [`${pc.green('✓')} ${words.checkpointHolds(verdict.size, by, verdict.logSize - verdict.size)}`]
}

/** What besides the hash chain was checked, one line; then every problem, by what it is in. */
function describeSections(report: StoreAuditReport, sealsChecked: boolean): string[] {
  const sections = [
    ['rules', report.rules],
    ['pinned policies', report.policies],
    ['snapshots', report.snapshots],
    ['security log', report.securityLog],
    ['command index', report.commandIndex],
    ['keyring', report.keyring],
  ] as const
  // Named only where commands are signed: a store without a keyring has nothing to show.
  const shown = sections.filter(([name, s]) => name !== 'keyring' || s.checked > 0 || s.problems.length > 0)
  const words = auditWords()
  const mark = (problems: string[]) => (problems.length === 0 ? pc.green('✓') : pc.red('✖'))
  const summary = shown.map(([name, section]) => {
    const note =
      name === 'snapshots' && section.checked > 0 && !sealsChecked ? pc.dim(words.sealsNotChecked) : ''
    return `${words.section[name]}: ${section.checked} ${mark(section.problems)}${note}`
  })
  const lines = [`  ${summary.join(' · ')}`]
  for (const [name, section] of sections) {
    for (const problem of problemsIn(section.problems, words.messages))
      lines.push(`${pc.red('✖')} ${words.section[name]}: ${problem}`)
  }
  if (report.audit.ok && !report.ok) lines.push(`  ${words.databaseAltered}`)
  return lines
}

export function registerAuditVerify(audit: Command): void {
  audit
    .command('verify')
    .description(
      'prove that no event was edited, deleted, inserted or reordered, and that the rules, snapshots, security log and command index agree; name the first that was',
    )
    .argument('[file]', 'an exported log (JSON Lines); or give --db')
    .option('--db <db>', 'a SQLite file or a postgres:// URL (?schema=name for a schema)')
    .option('--heads <file>', 'heads from an earlier `verify --json`: detect a cut-off or rewritten tail')
    .option('--exact', 'with --heads: the log must end exactly there (checking an export)')
    .option('--json', 'print the result as JSON for tools (includes the heads to keep)')
    .option(
      '--checkpoint <file>',
      'a cosigned checkpoint (twokeys log checkpoint --out): the log must hold it exactly, catching a cut-off or rewritten tail without kept heads',
    )
    .option(
      '--witnesses <file>',
      'with --checkpoint: lines "<institution> <witness vkey>" (and "log <log vkey>"); a witness of every institution must have cosigned',
    )
    .option(
      '--policy <file>',
      'with --witnesses: each institution holding a key of this policy must be in the witnesses file',
    )
    .option(
      '--snapshot-key-file <file>',
      "the engine's snapshot key, to check snapshot seals too (or set TWOKEYS_SNAPSHOT_KEY)",
    )
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys audit verify --db twokeys.db\n  twokeys audit verify --db twokeys.db --snapshot-key-file /etc/twokeys/snapshot.key\n  twokeys audit verify audit.jsonl --heads heads.json --exact\n  twokeys audit verify --db twokeys.db --checkpoint cp.txt --witnesses witnesses.txt\n\nExit codes: 0 the log checks out, 1 tampered (the first bad position is named), 2 bad input.',
    )
    .action((file: string | undefined, options: VerifyOptions) => auditVerify(file, options))
}
