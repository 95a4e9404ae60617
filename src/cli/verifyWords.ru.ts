import {
  CHECK_WORDS_RU,
  EPOCH,
  INVARIANT_TEXTS_RU,
  russianDayWords,
  russianPlural,
  sayCheck,
  scopeKindRu,
  type VerifyWords,
} from '../index.js'

/** «день 14», «день 30 + 1 мс»: a time of the explorer's clock, counted from the proposal. */
export const russianDay = (time: number): string => russianDayWords(time - EPOCH)

/**
 * The verifier's report in Russian (`twokeys --lang ru verify`): the frame, and each invariant's
 * name and statement from `INVARIANT_TEXTS_RU` (the page's too), and what the verifier found —
 * counterexample steps, violations, notes, reasons and warnings — from their phrases
 * (`CHECK_WORDS_RU`); a finding with no phrase stays as the result says it.
 */
export const RUSSIAN_VERIFY_WORDS: VerifyWords = {
  say: (english, phrase) => (phrase === undefined ? english : sayCheck(phrase, CHECK_WORDS_RU)),
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
  sharedReview: (kinds) =>
    `${new Intl.ListFormat('ru', { type: 'conjunction' }).format(kinds.map(scopeKindRu))} инициативы рассматриваются вместе: состояния до одобрения, которые отличаются только тем, какая это инициатива, считаются за одно`,
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
