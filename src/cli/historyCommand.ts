import { type Command, Option } from 'commander'
import pc from 'picocolors'
import { verifyAudit } from '../audit/verifyAudit.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { describeEvent } from '../render/describeEvent.js'
import { historyToMermaid } from '../render/historyToMermaid.js'
import type { RecordedEvent } from '../stores/Store.js'
import { EXIT } from './exitCodes.js'
import { describeDb, openStore } from './openStore.js'

const time = (ms: unknown) =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`
    : '?'.padEnd(17)

function safeDetail(event: InitiativeEvent): string {
  const words = describeEvent(event)
  return words === '(unreadable)' ? pc.red('(unreadable: the stored event was tampered with)') : words
}

/** The history as a table a person reads, headed by whether its hash chain checks out. */
export function formatHistory(initiativeId: string, events: RecordedEvent[]): string {
  const check = verifyAudit(events)
  const chain = check.ok
    ? pc.green('hash chain ✓')
    : pc.red(`hash chain ✖ at seq ${check.seq ?? '?'} (${check.problem}); run \`twokeys audit verify\``)
  const rows = events.map((r) => {
    // A stored event someone broke is shown as such, not crashed on.
    if (typeof r.event !== 'object' || r.event === null || typeof r.event.type !== 'string') {
      return `${String(r.seq).padStart(4)}  ${pc.red('(not an event: the stored record was tampered with)')}`
    }
    const by = 'by' in r.event ? String(r.event.by) : ''
    return `${String(r.seq).padStart(4)}  ${pc.dim(time(r.event.at))}  ${r.event.type.padEnd(11)} ${pc.cyan(by.padEnd(16))} ${safeDetail(r.event)}`
  })
  return [
    `initiative "${initiativeId}" · ${events.length} event${events.length === 1 ? '' : 's'} · ${chain}`,
    pc.dim(`${'seq'.padStart(4)}  ${'time'.padEnd(17)}  ${'event'.padEnd(11)} ${'by'.padEnd(16)} detail`),
    ...rows,
  ].join('\n')
}

/** `twokeys history <id> --db <db> [--json]`: the recorded events of one initiative. */
interface HistoryOptions {
  db: string
  json?: boolean
  format?: string
  kind?: string
}

/** The events as the chosen format: a table for people, JSON for tools, a Mermaid timeline for slides. */
function render(initiativeId: string, events: RecordedEvent[], options: HistoryOptions): string {
  if (options.json === true || options.format === 'json') return JSON.stringify(events, null, 2)
  if (options.format === 'mermaid') {
    return historyToMermaid(events, { kind: options.kind === 'gantt' ? 'gantt' : 'sequence' })
  }
  return formatHistory(initiativeId, events)
}

/** `twokeys history <id> --db <db> [--json | --format mermaid]`: the recorded events of one initiative. */
export async function history(initiativeId: string, options: HistoryOptions): Promise<void> {
  const store = await openStore(options.db, { mustExist: true })
  try {
    const events = await store.readEvents(initiativeId)
    if (events.length === 0) {
      throw new TwoKeysError(
        'NOT_FOUND',
        `no initiative "${initiativeId}" in ${describeDb(options.db)}; check the id (\`twokeys audit export --db …\` lists every event)`,
      )
    }
    process.stdout.write(`${render(initiativeId, events, options)}\n`)
    process.exitCode = EXIT.ok
  } finally {
    await store.close()
  }
}

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description("an initiative's recorded events: who did what, when, and whether its hash chain holds")
    .argument('<id>', 'the initiative id')
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL (?schema=name for a schema)')
    .option('--json', 'print the recorded events as JSON for tools')
    .addOption(
      new Option('--format <format>', 'table for people, json for tools, mermaid for a timeline diagram')
        .choices(['table', 'json', 'mermaid'])
        .default('table'),
    )
    .addOption(
      new Option('--kind <kind>', 'with --format mermaid: a sequence or a Gantt diagram')
        .choices(['sequence', 'gantt'])
        .default('sequence'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys history kazan-datacentre --db twokeys.db\n  twokeys history kazan-datacentre --db twokeys.db --format mermaid --kind gantt\n\nExit codes: 0 ok, 2 bad input.',
    )
    .action((id: string, options: HistoryOptions) => history(id, options))
}
