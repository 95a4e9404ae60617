import { ENGLISH_SUMMARY_WORDS, type KeyStatus, type KeySummaryWords } from '../index.js'

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
  /** A key's one-line summary (`keySummary`). */
  summary: KeySummaryWords
  /** A tick step's action line. */
  tickAction: string
  /** The line before a signed run's steps; `keys` is the folder of the script's keys, if any. */
  signedRun(keys: string | undefined): string
  /** An operator command's outcome (`decide`, …): taken, or refused with the engine's message. */
  commandAccepted(type: string, initiative: string, seq: number): string
  alreadyApplied: string
  /** `message` is the engine's (English), needed only when no reasons follow. */
  commandRefused(type: string, code: string, message: string, reasonsFollow: boolean): string
  noDeadlinePassed: string
  deadlinesRecorded(initiative: string, seq: number): string
  wouldAccept: string
  wouldRefuse(code: string): string
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
  summary: ENGLISH_SUMMARY_WORDS,
  tickAction: 'tick: fire the deadlines due now',
  signedRun: (keys) =>
    `Every step is signed with its actor's Ed25519 key (identity: signed), from ${
      keys === undefined
        ? 'keys made for this run and forgotten'
        : `the keys in ${keys}/ (demo keys: anyone can sign with them)`
    }; the first keyring is signed by every key-holding institution.`,
  commandAccepted: (type, initiative, seq) => `${type} accepted: ${initiative} event ${seq}`,
  alreadyApplied: ' (already applied: the first result again)',
  commandRefused: (type, code, message) => `${type} refused (${code}): ${message}`,
  noDeadlinePassed: 'no deadline had passed',
  deadlinesRecorded: (initiative, seq) => `${initiative}: deadlines recorded up to event ${seq}`,
  wouldAccept: 'would be accepted',
  wouldRefuse: (code) => `would be refused (${code})`,
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
  summary: {
    turnedBy: (who) => `повернул ${who}`,
    forSeat: (by, seat) => `${by} за ${seat}`,
    refusedBy: (who) => `отказал ${who}`,
    neverTurned: 'так и не повёрнут',
    waitingFor: (needed, who) => `ждёт ${needed} из ${who}`,
    noOne: 'некому действовать',
    staleWaiting: (who) => `одобрен только в прежней редакции; ждёт ${who}`,
    expiredWaiting: (days) => `его одобрения старше ${days} дн.; ждёт свежего одобрения`,
    waived: (condition) => `не применяется: он нужен только когда ${condition}`,
  },
  tickAction: 'время идёт: срабатывают наступившие сроки',
  signedRun: (keys) =>
    `Каждый шаг подписан ключом Ed25519 своего участника (identity: signed), ${
      keys === undefined
        ? 'ключами, созданными для этого прогона и затем забытыми'
        : `ключами из ${keys}/ (демонстрационные ключи: подписать ими может кто угодно)`
    }; первый реестр ключей подписан каждым ведомством, которое держит ключ.`,
  commandAccepted: (type, initiative, seq) => `${type} принята: ${initiative}, событие ${seq}`,
  alreadyApplied: ' (уже применена: тот же результат, что в первый раз)',
  commandRefused: (type, code, message, reasonsFollow) =>
    `${type}: отказано (${code})${reasonsFollow ? '' : `: ${message}`}`,
  noDeadlinePassed: 'ни один срок не наступил',
  deadlinesRecorded: (initiative, seq) => `${initiative}: наступившие сроки записаны, до события ${seq}`,
  wouldAccept: 'была бы принята',
  wouldRefuse: (code) => `была бы отклонена (${code})`,
}
