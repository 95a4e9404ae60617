import { ENGLISH_EVENT_WORDS, type EventWords } from '../../render/describeEvent.js'
import type { DeadlineField } from './ReplayResult.js'

/** The words of a replay's report for people, in each language the CLI speaks. Ids, codes, rules and times stay as they are. */
export interface ReplayWords {
  header(count: number, policy: string, hash: string, at: string): string
  same: string
  sameJudgedOtherwise: string
  noInitiatives: string
  firstDifference: string
  /** The candidate's deadline `field` fell due at `at` and moved the initiative to `phase`. */
  deadline(field: DeadlineField, phase: string, recorded: string): string
  /** The recorded policy's deadline fell due; under the candidate nothing did. */
  noDeadline(field: DeadlineField, recorded: string, candidate: string): string
  /** Both took event `seq`, but it led elsewhere under the candidate's keys. */
  phase(seq: number, what: string, candidate: string, recorded: string): string
  refused(seq: number, what: string): string
  waitsFor: string
  migrateCan(phase: string, moves: boolean): string
  migrateRefused(seq: number): string
  migrateEnded(phase: string): string
  migrateInvariant(id: string): string
  changedSummary(changed: number, total: number): string
  migrateSummary(running: number, can: number, cannot: number): string
  events: EventWords
}

const field = (f: DeadlineField) =>
  f === 'review.windowDays'
    ? 'the review window closed'
    : f === 'review.plenaryDays'
      ? 'the plenary closed'
      : 'an approval expired'

export const ENGLISH_REPLAY_WORDS: ReplayWords = {
  header: (count, policy, hash, at) =>
    `${count} initiative${count === 1 ? '' : 's'} re-judged under "${policy}" (${hash.slice(0, 12)}…) at ${at}`,
  same: 'same outcome',
  sameJudgedOtherwise: 'same outcome, judged differently on the way',
  noInitiatives: 'the store holds no initiative',
  firstDifference: 'first difference',
  deadline: (f, phase, recorded) => `${field(f)} under the candidate (${f}): ${phase}; recorded: ${recorded}`,
  noDeadline: (f, recorded, candidate) =>
    `${field(f)} under the recorded policy (${f}): ${recorded}; under the candidate nothing falls due: ${candidate}`,
  phase: (seq, what, candidate, recorded) =>
    `seq ${seq} ${what} is taken by both, but under the candidate's keys it leads to ${candidate}; recorded: ${recorded}`,
  refused: (seq, what) => `seq ${seq} ${what} refused by the candidate`,
  waitsFor: 'under the candidate it waits for',
  migrateCan: (phase, moves) =>
    moves ? `can move to the candidate: it goes to ${phase}` : `can move to the candidate: it stays ${phase}`,
  migrateRefused: (seq) => `cannot move: the candidate refuses seq ${seq}`,
  migrateEnded: (phase) => `cannot move: under the candidate it is already ${phase}`,
  migrateInvariant: (id) => `cannot move: its state would break ${id} under the candidate`,
  changedSummary: (changed, total) => `${changed} of ${total} would change outcome`,
  migrateSummary: (running, can, cannot) =>
    `migrate: ${running} running — ${can} can move to the candidate, ${cannot} cannot`,
  events: ENGLISH_EVENT_WORDS,
}

const fieldRu = (f: DeadlineField) =>
  f === 'review.windowDays'
    ? 'закрылось окно рассмотрения'
    : f === 'review.plenaryDays'
      ? 'закончился пленарный срок'
      : 'истёк срок одобрения'

export const RUSSIAN_REPLAY_WORDS: ReplayWords = {
  header: (count, policy, hash, at) =>
    `инициатив пересмотрено: ${count}, по политике «${policy}» (${hash.slice(0, 12)}…) на ${at}`,
  same: 'исход тот же',
  sameJudgedOtherwise: 'исход тот же, но по дороге решено иначе',
  noInitiatives: 'в хранилище нет инициатив',
  firstDifference: 'первое расхождение',
  deadline: (f, phase, recorded) => `по новой политике ${fieldRu(f)} (${f}): ${phase}; записано: ${recorded}`,
  noDeadline: (f, recorded, candidate) =>
    `по записанной политике ${fieldRu(f)} (${f}): ${recorded}; по новой срок не наступает: ${candidate}`,
  phase: (seq, what, candidate, recorded) =>
    `seq ${seq} ${what} принято обеими, но по ключам новой политики ведёт в состояние «${candidate}»; записано: ${recorded}`,
  refused: (seq, what) => `seq ${seq} ${what}: новая политика отказывает`,
  waitsFor: 'по новой политике ждёт',
  migrateCan: (phase, moves) =>
    moves
      ? `можно перевести на новую политику: перейдёт в состояние «${phase}»`
      : `можно перевести на новую политику: останется ${phase}`,
  migrateRefused: (seq) => `перевести нельзя: новая политика отказывает в seq ${seq}`,
  migrateEnded: (phase) => `перевести нельзя: по новой политике она уже ${phase}`,
  migrateInvariant: (id) => `перевести нельзя: её состояние нарушило бы ${id} по новой политике`,
  changedSummary: (changed, total) => `исход изменится у ${changed} из ${total}`,
  migrateSummary: (running, can, cannot) =>
    `перевод: идут ${running} — можно перевести ${can}, нельзя ${cannot}`,
  events: {
    submitted: 'передана на рассмотрение',
    decision: (decision, key) => `${decision === 'approve' ? 'одобряет' : 'отклоняет'} ${key}`,
    revokes: (key) => `отзывает ${key}`,
    withdrawn: 'отозвана',
    deadline: 'наступил срок',
    answers: (target, accept) => `${target} ${accept ? 'принимает' : 'отклоняет'}`,
    agrees: (destination, agreed) => `${destination} ${agreed ? 'соглашается' : 'отказывается'}`,
    plenaryVote: 'голосует за возврат',
    rolloutComplete: 'внедрение завершено',
    until: 'до',
    unreadable: '(нечитаемо)',
  },
}
