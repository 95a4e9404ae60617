import { type Command, Option } from 'commander'
import pc from 'picocolors'
import {
  createEngine,
  describeEvent,
  historyToMermaid,
  type InitiativeEvent,
  isTwoKeysError,
  type RecordedEvent,
  recordIdPhrase,
  recordIdProblemText,
  type Store,
  TwoKeysError,
  verifyAudit,
} from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { saidForPeople } from './errorForPeople.js'
import { EXIT } from './exitCodes.js'
import { ENGLISH_HISTORY_WORDS, type HistoryWords, RUSSIAN_HISTORY_WORDS } from './historyWords.js'
import { describeDb, openStore } from './openStore.js'

const time = (ms: unknown) =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`
    : '?'.padEnd(17)

function safeDetail(event: InitiativeEvent, words: HistoryWords): string {
  const detail = describeEvent(event, words.event)
  return detail === words.event.unreadable ? pc.red(words.unreadable) : detail
}

/**
 * What the engine makes of an initiative's log: `ok`, the message it refuses the log with
 * (AUDIT_TAMPERED), or that the policy the log is pinned to is not in the store to judge it by.
 */
export type RulesVerdict =
  | { kind: 'ok' }
  | {
      kind: 'tampered'
      message: string /** The pin whose stored policy is no longer one. */
      notAPolicy?: string
    }
  | { kind: 'unchecked'; policyHash: string }

/**
 * Loads the initiative as the engine does — links, hashes and the pinned policy's rules checked
 * event by event (src/ledger) — and says what it found. No snapshot key: the whole log is replayed.
 */
export async function checkRules(store: Store, initiativeId: string, pinned: string): Promise<RulesVerdict> {
  const policy = await store.getPolicy(pinned)
  if (policy === undefined) return { kind: 'unchecked', policyHash: pinned }
  let engine: ReturnType<typeof createEngine>
  try {
    // Given the stored policy as it is: if it was edited, the engine notices on load and refuses it.
    engine = createEngine({ policy, store })
  } catch {
    return {
      kind: 'tampered',
      message: ENGLISH_HISTORY_WORDS.policyNotAPolicy(pinned.slice(0, 12), initiativeId),
      notAPolicy: pinned,
    }
  }
  try {
    await engine.snapshot(initiativeId) // loads it, checking every event; reads the log once
    return { kind: 'ok' }
  } catch (error) {
    if (isTwoKeysError(error) && error.code === 'AUDIT_TAMPERED')
      return { kind: 'tampered', message: error.message }
    throw error
  }
}

/** The history as a table a person reads, headed by whether its hash chain (and the rules) check out. */
export function formatHistory(
  initiativeId: string,
  events: RecordedEvent[],
  rules?: RulesVerdict,
  words: HistoryWords = ENGLISH_HISTORY_WORDS,
): string {
  const check = verifyAudit(events)
  const chain = check.ok
    ? pc.green(words.chainOk)
    : pc.red(words.chainBroken(String(check.seq ?? '?'), check.problem))
  const verdict =
    rules === undefined
      ? ''
      : rules.kind === 'ok'
        ? ` · ${pc.green(words.rulesOk)}`
        : rules.kind === 'tampered'
          ? ` · ${pc.red(words.rulesTampered)}`
          : ` · ${pc.yellow(words.rulesUnchecked(rules.policyHash.slice(0, 12)))}`
  const rows = events.map((r) => {
    // A stored event someone broke is shown as such, not crashed on.
    if (typeof r.event !== 'object' || r.event === null || typeof r.event.type !== 'string') {
      return `${String(r.seq).padStart(4)}  ${pc.red(words.notAnEvent)}`
    }
    const by = 'by' in r.event ? String(r.event.by) : ''
    return `${String(r.seq).padStart(4)}  ${pc.dim(time(r.event.at))}  ${r.event.type.padEnd(11)} ${pc.cyan(by.padEnd(16))} ${safeDetail(r.event, words)}`
  })
  const c = words.columns
  return [
    `${words.heading(initiativeId, events.length)} · ${chain}${verdict}`,
    pc.dim(
      `${c.seq.padStart(4)}  ${c.time.padEnd(17)}  ${c.event.padEnd(11)} ${c.by.padEnd(16)} ${c.detail}`,
    ),
    ...rows,
  ].join('\n')
}

/** The table's words in the CLI's language. */
const historyWords = () => inCliLanguage({ en: ENGLISH_HISTORY_WORDS, ru: RUSSIAN_HISTORY_WORDS })

/** `twokeys history <id> --db <db> [--json]`: the recorded events of one initiative. */
interface HistoryOptions {
  db: string
  json?: boolean
  format?: string
  kind?: string
}

/**
 * `JSON.stringify(events, null, 2)`, a piece at a time: an initiative with a million events makes
 * more text than one string can hold.
 */
function* jsonPieces(events: readonly RecordedEvent[]): Generator<string> {
  yield '['
  for (let i = 0; i < events.length; i++) {
    yield `${i === 0 ? '' : ','}\n  ${JSON.stringify(events[i], null, 2).replaceAll('\n', '\n  ')}`
  }
  yield events.length === 0 ? ']' : '\n]'
}

/** The events as the chosen format: a table for people, JSON for tools, a Mermaid timeline for slides. */
function* render(
  initiativeId: string,
  events: RecordedEvent[],
  options: HistoryOptions,
  rules: RulesVerdict,
): Generator<string> {
  if (options.json === true || options.format === 'json') yield* jsonPieces(events)
  else if (options.format === 'mermaid') {
    yield historyToMermaid(events, { kind: options.kind === 'gantt' ? 'gantt' : 'sequence' })
  } else yield formatHistory(initiativeId, events, rules, historyWords())
}

/** Writes pieces of text to standard output about a megabyte at a time. */
function print(pieces: Iterable<string>): void {
  let buffered: string[] = []
  let size = 0
  for (const piece of pieces) {
    buffered.push(piece)
    size += piece.length
    if (size < 1 << 20) continue
    process.stdout.write(buffered.join(''))
    buffered = []
    size = 0
  }
  process.stdout.write(`${buffered.join('')}\n`)
}

/**
 * `twokeys history <id> --db <db> [--json | --format mermaid]`: the recorded events of one
 * initiative, shown even when tampered with (to see what was done); exit 1 then, with the
 * engine's own message.
 */
export async function history(initiativeId: string, options: HistoryOptions): Promise<void> {
  // A malformed id can name no initiative: say so before a store is opened, and never echo it raw.
  const problem = recordIdPhrase(initiativeId)
  if (problem !== undefined) {
    const why = saidForPeople(problem, recordIdProblemText(problem))
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().notAnInitiativeId(why))
  }
  const store = await openStore(options.db, { mustExist: true })
  try {
    const events = await store.readEvents(initiativeId)
    const first = events[0]
    if (first === undefined) {
      throw new TwoKeysError('NOT_FOUND', cliErrorWords().noInitiative(initiativeId, describeDb(options.db)))
    }
    const rules = await checkRules(store, initiativeId, first.policyHash)
    print(render(initiativeId, events, options, rules))
    if (rules.kind === 'tampered') {
      const words = historyWords()
      const message =
        rules.notAPolicy === undefined
          ? words.engineRefused(rules.message)
          : words.policyNotAPolicy(rules.notAPolicy.slice(0, 12), initiativeId)
      process.stderr.write(`${pc.red('✖')} ${message}\n`)
    } else if (rules.kind === 'unchecked') {
      process.stderr.write(
        `${pc.yellow('!')} ${historyWords().rulesNotChecked(rules.policyHash.slice(0, 12))}\n`,
      )
    }
    const chainOk = verifyAudit(events).ok
    process.exitCode = rules.kind === 'ok' && chainOk ? EXIT.ok : EXIT.finding
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
      '\nExamples:\n  twokeys history kazan-datacentre --db twokeys.db\n  twokeys history kazan-datacentre --db twokeys.db --format mermaid --kind gantt\n\nExit codes: 0 ok, 1 the log was tampered with (or its policy is missing), 2 bad input.',
    )
    .action((id: string, options: HistoryOptions) => history(id, options))
}
