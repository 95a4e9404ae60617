/**
 * The words of the chart's guard conditions (`[window closed]`, `[approve · quorum]`), so a page
 * can draw the chart in its own language. `machineGraph` composes them; the English ones are the
 * chart `twokeys diagram` draws.
 */
export interface GuardWords {
  /**
   * A named guard's phrase by the guard's name; `null`: implied where it is drawn (the key region
   * names the key). A guard missing here shows its own name.
   */
  phrases: Readonly<Record<string, string | null>>
  /** A routing rule's guard: `rule 1 (scope export): export`; `track` may be absent. */
  rule(number: number, when: string | undefined, track: string | undefined): string
  /** A routing guard without its rule's number. */
  route: string
  /** A key's own guard for skipping it: `not (budget > 10_000_000_000)`; without a condition, `doesNotApply`. */
  notIf(condition: string): string
  doesNotApply: string
  /** The last of several transitions on one event, taken when no other guard holds. */
  otherwise: string
  /** A negated guard: `not valid window`. */
  not(phrase: string): string
  /** Between alternatives: ` or `. */
  or: string
  /** One region in one of several of its states: `president turned or waived`. */
  regionIn(region: string, states: readonly string[]): string
  /** In a state: `in plenary`. */
  inState(state: string): string
  /** Every key's region in one state: `all keys turned`. */
  allKeys(state: string): string
  /** Some key's region in one state: `a key refused`. */
  aKey(state: string): string
  /** A delayed transition: `after 5000`. */
  after(delay: string): string
  /** A transition that stays in its state and has neither event nor guard. */
  always: string
}

export const ENGLISH_GUARD_WORDS: GuardWords = {
  phrases: {
    isForKey: null,
    isApproval: 'approve',
    isRefusal: 'refuse',
    reachesQuorum: 'quorum',
    refusalRefusesKey: 'blocks key',
    isSubstantiveAmendment: 'substantive',
    keyExpired: 'approval expired',
    allKeysTurned: 'all keys turned',
    escalated: 'escalated',
    windowClosed: 'window closed',
    allResponded: 'all responded',
    actorMaySponsor: 'may sponsor',
    actorIsSponsor: 'sponsor',
    contentIsValid: 'valid content',
    contentIsRoutable: 'routable',
    hasApprovalToRevoke: 'has approval',
    actorHoldsDelegatedKey: 'holder',
    deputiesAllowed: 'deputies allowed',
    delegationWindowValid: 'valid window',
    deputyEligible: 'eligible deputy',
    governorOfPendingRegion: 'governor of pending region',
    destinationPending: 'destination pending',
    ministryOfPendingAnswer: 'named ministry, for itself',
    actorIsAgency: 'agency',
    withinReach: "within the approvers' reach",
  },
  rule: (number, when, track) => {
    const matches = when === undefined ? '' : ` (${when})`
    return track === undefined ? `rule ${number}${matches}` : `rule ${number}${matches}: ${track}`
  },
  route: 'route',
  notIf: (condition) => `not (${condition})`,
  doesNotApply: 'does not apply',
  otherwise: 'else',
  not: (phrase) => `not ${phrase}`.trim(),
  or: ' or ',
  regionIn: (region, states) => `${region} ${states.join(' or ')}`,
  inState: (state) => `in ${state}`,
  allKeys: (state) => `all keys ${state}`,
  aKey: (state) => `a key ${state}`,
  after: (delay) => `after ${delay}`.trim(),
  always: '(always)',
}
