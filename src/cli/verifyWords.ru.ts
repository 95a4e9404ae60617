import { DAY_MS } from '../../machines/facts.js'
import { EPOCH } from '../explore/alphabet.js'
import { INVARIANT_TEXTS_RU } from '../invariants/invariantTexts.ru.js'
import { russianPlural } from '../script/russianPlural.js'
import type { VerifyWords } from '../verify/formatVerifyResult.js'

/** «день 14», «день 30 + 1 мс»: a time of the explorer's clock, counted from the proposal. */
export function russianDay(time: number): string {
  const at = time - EPOCH
  const days = Math.floor(at / DAY_MS)
  const rest = at - days * DAY_MS
  if (rest === 0) return `день ${days}`
  const h = Math.floor(rest / 3_600_000)
  const m = Math.floor((rest % 3_600_000) / 60_000)
  const ms = rest % 60_000
  const parts = [
    h > 0 ? `${h} ч` : '',
    m > 0 ? `${m} мин` : '',
    ms > 0 ? (ms % 1000 === 0 ? `${ms / 1000} с` : `${ms} мс`) : '',
  ]
  return `день ${days} + ${parts.filter((p) => p !== '').join(' ')}`
}

/**
 * The verifier's report in Russian (`twokeys --lang ru verify`): the frame, and each invariant's
 * name and statement from `INVARIANT_TEXTS_RU` (the page's too). What the verifier found —
 * counterexample steps, violations, notes, reasons and warnings — stays as the result says it.
 */
export const RUSSIAN_VERIFY_WORDS: VerifyWords = {
  policy: (id, bug) => (bug === null ? `политика «${id}»` : `политика «${id}» с ошибкой «${bug}»`),
  size: (states, transitions) =>
    `${russianPlural(states, ['состояние', 'состояния', 'состояний'])}, ${russianPlural(transitions, ['переход', 'перехода', 'переходов'])}`,
  explored: 'обход полный',
  exploredInPart: 'обход частичный',
  seconds: (seconds) => `за ${seconds.replace('.', ',')} с`,
  day: (at) => russianDay(at),
  interchangeableHolders: (key) =>
    `держатели ключа «${key}» взаимозаменяемы: состояния, которые отличаются только их именами, считаются за одно`,
  alikeKeys: (keys) =>
    `ключи ${keys} равноправны: состояния, которые отличаются только их перестановкой, считаются за одно`,
  name: (id) => INVARIANT_TEXTS_RU[id].name,
  statement: (id) => INVARIANT_TEXTS_RU[id].statement,
  vacuous: (reason) => `(выполняется пусто: ${reason})`,
  unproven: (note) => `(не доказано: ${note})`,
  notApplicable: (note) => `(не применяется: ${note})`,
  holes: 'Пробелы в политике',
  neverBind: 'Правила, которые никогда не срабатывают',
  soVacuous: (ids) => ` (поэтому ${ids} выполняется пусто)`,
  warnings: 'Предупреждения',
  allHold: (ids) => `все применимые инварианты выполняются${ids === '' ? '' : ` (${ids} — только пусто)`}`,
  noVerdict: 'вердикта нет: обход частичный',
  violated: (n) => `нарушено: ${russianPlural(n, ['инвариант', 'инварианта', 'инвариантов'])}`,
  holeCount: (n) => `пробелов: ${n}`,
}
