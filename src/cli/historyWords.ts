import { ENGLISH_EVENT_WORDS, type EventWords, russianPlural } from '../index.js'
import { PROBLEM_RU } from './auditWords.js'

/**
 * The words of `twokeys history`'s table for people. Ids, event types (PROPOSE, DECIDE, …), times,
 * hashes, the engine's own messages and `--json` stay as they are.
 */
export interface HistoryWords {
  heading(initiative: string, events: number): string
  chainOk: string
  chainBroken(seq: string, problem: string): string
  rulesOk: string
  rulesTampered: string
  rulesUnchecked(hash: string): string
  columns: { seq: string; time: string; event: string; by: string; detail: string }
  notAnEvent: string
  unreadable: string
  /** On stderr when the initiative's policy is not in the database. */
  rulesNotChecked(hash: string): string
  /** On stderr when the policy stored for the pin is no longer a policy. */
  policyNotAPolicy(hash: string, initiative: string): string
  /** On stderr: the engine's own message, refusing to load the log. */
  engineRefused(message: string): string
  /** Each event's detail (`describeEvent`). */
  event: EventWords
}

export const ENGLISH_HISTORY_WORDS: HistoryWords = {
  heading: (initiative, events) => `initiative "${initiative}" · ${events} event${events === 1 ? '' : 's'}`,
  chainOk: 'hash chain ✓',
  chainBroken: (seq, problem) => `hash chain ✖ at seq ${seq} (${problem}); run \`twokeys audit verify\``,
  rulesOk: 'rules ✓',
  rulesTampered: 'rules ✖',
  rulesUnchecked: (hash) => `rules not checked (policy ${hash} is not in the database)`,
  columns: { seq: 'seq', time: 'time', event: 'event', by: 'by', detail: 'detail' },
  notAnEvent: '(not an event: the stored record was tampered with)',
  unreadable: '(unreadable: the stored event was tampered with)',
  rulesNotChecked: (hash) =>
    `the rules could not be checked: policy ${hash}, which the initiative is pinned to, is not in the database; \`twokeys audit verify --db …\` reports it`,
  policyNotAPolicy: (hash, initiative) =>
    `the policy pinned as ${hash} by initiative "${initiative}" is no longer a policy: it was edited in the store; run \`twokeys audit verify\` and restore it from a backup`,
  engineRefused: (message) => message,
  event: ENGLISH_EVENT_WORDS,
}

/**
 * An event's detail in Russian: the same wording as the playground's Russian audit trail
 * (web/src/i18n/ru.ts, `events`; a test keeps the two equal).
 */
export const RUSSIAN_EVENT_WORDS: EventWords = {
  submitted: 'подана на рассмотрение',
  decision: (decision, key) => `${decision === 'approve' ? 'одобрение' : 'отказ'} по ключу ${key}`,
  revokes: (key) => `отзыв одобрения по ключу ${key}`,
  withdrawn: 'отозвана',
  deadline: 'наступил срок',
  answers: (target, accept) => `${target}: внедрение ${accept ? 'принято' : 'отклонено'}`,
  agrees: (destination, agreed) => `${destination}: ${agreed ? 'согласие' : 'отказ'}`,
  plenaryVote: 'голос за возврат инициатору',
  rolloutComplete: 'внедрение завершено',
  until: 'до',
  unreadable: '(не читается)',
}

export const RUSSIAN_HISTORY_WORDS: HistoryWords = {
  heading: (initiative, events) =>
    `инициатива «${initiative}» · ${russianPlural(events, ['событие', 'события', 'событий'])}`,
  chainOk: 'цепочка хешей ✓',
  chainBroken: (seq, problem) =>
    `цепочка хешей ✖ на seq ${seq} (${PROBLEM_RU[problem as keyof typeof PROBLEM_RU] ?? problem}); запустите \`twokeys audit verify\``,
  rulesOk: 'правила ✓',
  rulesTampered: 'правила ✖',
  rulesUnchecked: (hash) => `правила не проверены (политики ${hash} нет в базе данных)`,
  columns: { seq: 'seq', time: 'время', event: 'событие', by: 'кто', detail: 'что' },
  notAnEvent: '(не событие: сохранённую запись подделали)',
  unreadable: '(не читается: сохранённое событие подделали)',
  rulesNotChecked: (hash) =>
    `правила проверить не удалось: политики ${hash}, к которой привязана инициатива, нет в базе данных; об этом сообщит \`twokeys audit verify --db …\``,
  policyNotAPolicy: (hash, initiative) =>
    `политика, закреплённая как ${hash} за инициативой «${initiative}», больше не политика: её изменили в базе данных; запустите \`twokeys audit verify\` и восстановите её из резервной копии`,
  // The engine's message is its own (src/ledger), in English: quoted as it is.
  engineRefused: (message) => `движок отказывается загрузить журнал: «${message}»`,
  event: RUSSIAN_EVENT_WORDS,
}
