import pc from 'picocolors'
import { CHECK_WORDS, type CheckWords, sayCheck } from '../../../machines/checkPhrases.js'
import { EPOCH } from '../../explore/alphabet.js'
import { CHECK_WORDS_RU, russianDayWords } from '../../verify/checkWords.ru.js'
import type { QueryResult } from './QueryResult.js'
import type { StateFacts } from './stateFacts.js'

/** The words of a query's answer for people, in one language (ids, events and `--json` stay as they are). */
export interface QueryWords {
  header(policy: string, query: string): string
  reachable(steps: number, states: number, seconds: string): string
  unreachable(states: number, transitions: number, seconds: string): string
  /** What the proof covers: the initiatives the search proposes. */
  proofCovers(contents: string): string
  noVerdict: string
  /** The state the story ends in. */
  endsIn(phase: string, track: string | null, revision: number, days: string | null): string
  turnedBy(key: string, by: string[], as: string): string
  keyStatus(key: string, status: string): string
  capacity: Record<'deputy' | 'holder', string>
  approvedNote: string
  /** A step's time ("day 14") from the explorer's clock, and its event from its phrase. */
  day(at: number, english: string): string
  checks: CheckWords
}

export const ENGLISH_QUERY_WORDS: QueryWords = {
  day: (_at, english) => english,
  checks: CHECK_WORDS,
  header: (policy, query) => `policy "${policy}": ${query}`,
  reachable: (steps, states, seconds) =>
    `✓ reachable in ${steps} step${steps === 1 ? '' : 's'} (a shortest story; ${states} states searched in ${seconds} s):`,
  unreachable: (states, transitions, seconds) =>
    `✗ unreachable: no reachable state satisfies it (every one of ${states} states and ${transitions} transitions explored in ${seconds} s)`,
  proofCovers: (contents) => `  the proof covers the initiatives the search proposes: ${contents}`,
  noVerdict: 'no verdict: the search stopped before it explored every state',
  endsIn: (phase, track, revision, days) =>
    `→ ${phase}${track === null ? '' : `, track ${track}`}, revision ${revision}${days === null ? '' : `, ${days} days since submission`}`,
  turnedBy: (key, by, as) => `${key} turned by ${by.join(' and ')} (${as})`,
  keyStatus: (key, status) => `${key} ${status}`,
  capacity: { deputy: 'as deputy', holder: 'as holder' },
  approvedNote:
    'note: an initiative rests in phase "approved" only where no routing rule matches (the step that approves it routes it at once); "approved = yes" asks whether it was approved',
}

export const RUSSIAN_QUERY_WORDS: QueryWords = {
  day: (at) => russianDayWords(at - EPOCH),
  checks: CHECK_WORDS_RU,
  header: (policy, query) => `политика «${policy}»: ${query}`,
  reachable: (steps, states, seconds) =>
    `✓ достижимо за ${steps} ${plural(steps, 'шаг', 'шага', 'шагов')} (кратчайший путь; просмотрено состояний: ${states}, ${seconds} с):`,
  unreachable: (states, transitions, seconds) =>
    `✗ недостижимо: ни одно достижимое состояние этому не удовлетворяет (просмотрено всё: состояний ${states}, переходов ${transitions}, ${seconds} с)`,
  proofCovers: (contents) =>
    `  доказательство относится к инициативам, которые предлагает поиск: ${contents}`,
  noVerdict: 'вердикта нет: поиск остановился, не просмотрев всех состояний',
  endsIn: (phase, track, revision, days) =>
    `→ ${phase}${track === null ? '' : `, трек ${track}`}, редакция ${revision}${days === null ? '' : `, дней с подачи: ${days}`}`,
  turnedBy: (key, by, as) => `${key}: ключ повернул ${by.join(' и ')} (${as})`,
  keyStatus: (key, status) => `${key}: ${status}`,
  capacity: { deputy: 'как заместитель', holder: 'как держатель' },
  approvedNote:
    'замечание: инициатива остаётся в фазе «approved», только если ни одно правило маршрутизации не подходит (шаг одобрения сразу направляет её на трек); «approved = yes» спрашивает, была ли она одобрена',
}

function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100
  const units = n % 10
  if (tens >= 11 && tens <= 14) return many
  if (units === 1) return one
  return units >= 2 && units <= 4 ? few : many
}

/** "6", "30.5": days as a person reads them. */
const formatDays = (days: number) => String(Number(days.toFixed(3)))

/** The facts of the last state in one line after the story: phase, track, and each key. */
function factsLine(facts: StateFacts, words: QueryWords): string {
  const keys = Object.entries(facts.keys).map(([key, k]) =>
    k.as === null ? words.keyStatus(key, k.status) : words.turnedBy(key, k.by, words.capacity[k.as]),
  )
  const head = words.endsIn(
    facts.phase,
    facts.track,
    facts.revision,
    facts.days === null ? null : formatDays(facts.days),
  )
  return `${head}; ${keys.join('; ')}`
}

/**
 * A query's answer for people: the question, then a shortest story numbered as `verify` prints
 * its counterexamples and the facts of the state it ends in; or the proof that none does; or no
 * verdict when the search stopped at a limit.
 *
 * @example
 * process.stdout.write(formatQueryResult(query(policy, 'approved = yes and deputies = 2')))
 */
export function formatQueryResult(result: QueryResult, words: QueryWords = ENGLISH_QUERY_WORDS): string {
  const seconds = result.seconds.toFixed(2)
  const lines = [pc.bold(words.header(result.policy, result.query))]
  if (result.outcome === 'reachable') {
    lines.push(pc.green(words.reachable(result.steps.length, result.states, seconds)))
    for (const s of result.steps)
      lines.push(`    ${s.n}. ${words.day(s.at, s.day)} — ${sayCheck(s.phrase, words.checks)}`)
    if (result.facts !== null) lines.push(`    ${factsLine(result.facts, words)}`)
  } else if (result.outcome === 'unreachable') {
    lines.push(pc.red(words.unreachable(result.states, result.transitions, seconds)))
    lines.push(pc.dim(words.proofCovers(result.contents.join('; '))))
    if (result.notes.length > 0) lines.push(pc.yellow(words.approvedNote))
  } else {
    lines.push(pc.red(words.noVerdict), result.limit?.message ?? '')
  }
  return `${lines.join('\n')}\n`
}
