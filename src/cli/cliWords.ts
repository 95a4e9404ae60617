import type { KeyStatus } from '../engine/keyBoard.js'

/**
 * The words of the CLI's human output for a run and a key board, in each language it speaks
 * (`--lang`). Ids, codes, times and `--json` stay as they are; the refusal reasons come from the
 * rules' own phrases (`reasonsForPeople`).
 */
export interface CliWords {
  accepted: string
  refused: string
  asExpected: string
  unexpected: string
  expected(outcome: string): string
  nothingDue: string
  finalBoard: string
  tally(accepted: number, refused: number): string
  notAsExpected(n: number): string
  untitled: string
  track(track: string): string
  revision(n: number): string
  rollout: string
  answer: Record<'accepted' | 'declined' | 'pending', string>
  windowCloses(at: string): string
  status: Record<KeyStatus, string>
  turnedBy(by: string): string
  /** A deputy's approval in a holder's seat: "pa-aide for oreshkin". */
  forSeat(by: string, seat: string): string
  refusedBy(by: string): string
  neverTurned: string
  waitingFor(needed: number, holders: string): string
  noOne: string
  staleWaiting(holders: string): string
  expiredWaiting(days: string): string
  waived(condition: string): string
}

export const ENGLISH_WORDS: CliWords = {
  accepted: 'accepted',
  refused: 'refused',
  asExpected: '(as expected)',
  unexpected: '← unexpected',
  expected: (outcome) => `← expected ${outcome}`,
  nothingDue: 'nothing due',
  finalBoard: 'Final board',
  tally: (accepted, refused) => `${accepted} accepted, ${refused} refused`,
  notAsExpected: (n) => `, ${n} not as the script expected`,
  untitled: '(untitled)',
  track: (track) => `, track ${track}`,
  revision: (n) => `revision ${n}`,
  rollout: 'rollout',
  answer: { accepted: 'accepted', declined: 'declined', pending: 'pending' },
  windowCloses: (at) => `window closes ${at}`,
  status: {
    turned: 'turned',
    pending: 'pending',
    refused: 'refused',
    stale: 'stale',
    expired: 'expired',
    waived: 'waived',
  },
  turnedBy: (by) => `turned by ${by}`,
  forSeat: (by, seat) => `${by} for ${seat}`,
  refusedBy: (by) => `refused by ${by}`,
  neverTurned: 'never turned',
  waitingFor: (needed, holders) => `waiting for ${needed} of ${holders}`,
  noOne: 'no one who can act',
  staleWaiting: (holders) => `approved only on an earlier revision; waiting for ${holders}`,
  expiredWaiting: (days) => `its approvals are older than ${days} days; waiting for a fresh approval`,
  waived: (condition) => `does not apply: it applies only when ${condition}`,
}

export const RUSSIAN_WORDS: CliWords = {
  accepted: 'принято',
  refused: 'отказано',
  asExpected: '(как и ожидалось)',
  unexpected: '← неожиданно',
  expected: (outcome) => `← ожидалось: ${outcome === 'refused' ? 'отказ' : 'принято'}`,
  nothingDue: 'сроков нет',
  finalBoard: 'Итоговое табло',
  tally: (accepted, refused) => `принято: ${accepted}, отказано: ${refused}`,
  notAsExpected: (n) => `, не как в сценарии: ${n}`,
  untitled: '(без названия)',
  track: (track) => `, трек ${track}`,
  revision: (n) => `редакция ${n}`,
  rollout: 'внедрение',
  answer: { accepted: 'принято', declined: 'отклонено', pending: 'ждёт ответа' },
  windowCloses: (at) => `окно закрывается ${at}`,
  status: {
    turned: 'повёрнут',
    pending: 'ждёт',
    refused: 'отказ',
    stale: 'устарел',
    expired: 'истёк',
    waived: 'не нужен',
  },
  turnedBy: (by) => `повернул ${by}`,
  forSeat: (by, seat) => `${by} за ${seat}`,
  refusedBy: (by) => `отказал ${by}`,
  neverTurned: 'так и не повёрнут',
  waitingFor: (needed, holders) => `ждёт ${needed} из ${holders}`,
  noOne: 'некому действовать',
  staleWaiting: (holders) => `одобрен только в прежней редакции; ждёт ${holders}`,
  expiredWaiting: (days) => `его одобрения старше ${days} дн.; ждёт свежего одобрения`,
  waived: (condition) => `не применяется: он нужен только когда ${condition}`,
}
