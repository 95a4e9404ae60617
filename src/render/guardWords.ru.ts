import type { GuardWords } from './guardWords.js'

/** A key region's states as a condition names them (lower case: they sit inside a phrase). */
const KEY_STATES: Record<string, string> = {
  pending: 'не повёрнут',
  turned: 'повёрнут',
  refused: 'отказано',
  waived: 'не требуется',
}
const keyState = (state: string) => KEY_STATES[state] ?? state

/** Where a routing rule sends an approved initiative, as the page's chart names those states. */
const TRACKS: Record<string, string> = {
  federal: 'федеральное внедрение',
  regional: 'внедрение в регионах',
  export: 'экспорт',
}

/**
 * The chart's guard conditions in Russian (`[срок рассмотрения истёк]`, `[одобрение · кворум]`),
 * for the Russian page. Policy expressions (`budget > 10_000_000_000`) and ids stay as written.
 */
export const RUSSIAN_GUARD_WORDS: GuardWords = {
  phrases: {
    isForKey: null,
    isApproval: 'одобрение',
    isRefusal: 'отказ',
    reachesQuorum: 'кворум',
    refusalRefusesKey: 'блокирует ключ',
    isSubstantiveAmendment: 'существенная правка',
    keyExpired: 'одобрение устарело',
    allKeysTurned: 'все ключи повёрнуты',
    escalated: 'эскалация',
    windowClosed: 'срок рассмотрения истёк',
    allResponded: 'все ответили',
    actorMaySponsor: 'может вносить',
    actorIsSponsor: 'инициатор',
    contentIsValid: 'содержание в порядке',
    contentIsRoutable: 'есть маршрут',
    hasApprovalToRevoke: 'есть одобрение',
    actorHoldsDelegatedKey: 'держатель ключа',
    deputiesAllowed: 'заместители разрешены',
    delegationWindowValid: 'срок замещения допустим',
    deputyEligible: 'заместитель допустим',
    governorOfPendingRegion: 'губернатор региона, который ещё не ответил',
    destinationPending: 'страна ещё не ответила',
    ministryOfPendingAnswer: 'названное министерство, за себя',
    actorIsAgency: 'ведомство',
    withinReach: 'в пределах полномочий одобривших',
    // The English chart shows these guards by their names (where it shows them at all: most are
    // every decision's preconditions); the Russian one says them.
    plenaryQuorumReached: 'кворум пленарного заседания',
    onCurrentRevision: 'текущая редакция',
    withinWindow: 'в срок',
    actorHasAuthority: 'держатель ключа или его заместитель',
    actorIsNotSponsor: 'не инициатор',
    distinctAcrossKeys: 'разные участники по разным ключам',
    seatHasNotDecided: 'ещё не решал',
    actorIsMember: 'член комиссии',
    memberHasNotVoted: 'ещё не голосовал',
  },
  rule: (number, when, track) => {
    const matches = when === undefined ? '' : ` (${when})`
    return track === undefined
      ? `правило ${number}${matches}`
      : `правило ${number}${matches}: ${TRACKS[track] ?? track}`
  },
  route: 'маршрут',
  notIf: (condition) => `не выполнено: ${condition}`,
  doesNotApply: 'не применяется',
  otherwise: 'иначе',
  not: (phrase) => `не ${phrase}`.trim(),
  or: ' или ',
  regionIn: (region, states) => `${region}: ${states.map(keyState).join(' или ')}`,
  inState: (state) => `в состоянии ${state}`,
  allKeys: (state) => (state === 'turned' ? 'все ключи повёрнуты' : `все ключи: ${keyState(state)}`),
  aKey: (state) => (state === 'refused' ? 'по одному из ключей отказ' : `один из ключей: ${keyState(state)}`),
  after: (delay) => `через ${delay}`.trim(),
  always: '(всегда)',
}
