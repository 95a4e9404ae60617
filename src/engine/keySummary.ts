import type { Key } from '../policy/PolicySchema.js'
import type { KeyLine } from './keyBoard.js'

/** The words of a key's one-line summary, so the CLI and the page can give them in their language. */
export interface KeySummaryWords {
  turnedBy(who: string): string
  /** A deputy's approval in a holder's seat: "pa-aide for oreshkin". */
  forSeat(by: string, seat: string): string
  refusedBy(who: string): string
  neverTurned: string
  waitingFor(needed: number, who: string): string
  noOne: string
  staleWaiting(who: string): string
  expiredWaiting(days: number | null): string
  waived(condition: string): string
}

export const ENGLISH_SUMMARY_WORDS: KeySummaryWords = {
  turnedBy: (who) => `turned by ${who}`,
  forSeat: (by, seat) => `${by} for ${seat}`,
  refusedBy: (who) => `refused by ${who}`,
  neverTurned: 'never turned',
  waitingFor: (needed, who) => `waiting for ${needed} of ${who}`,
  noOne: 'no one who can act',
  staleWaiting: (who) => `approved only on an earlier revision; waiting for ${who}`,
  expiredWaiting: (days) => `its approvals are older than ${days} days; waiting for a fresh approval`,
  waived: (condition) => `does not apply: it applies only when ${condition}`,
}

/** What a summary reads besides the key's line: the key as the policy has it, and the approvals' lifetime. */
export interface KeySummaryFacts {
  key: Pick<Key, 'holders' | 'appliesIf'>
  lifetimeDays: number | null
  /** Whether the initiative still takes commands (a final one's pending key was never turned). */
  active: boolean
}

/**
 * A key's state in one line — who turned it, who refused it, whom it waits for — in `words`: the
 * engine's board says it in English (`KeyLine.summary`), the CLI and the page in their language.
 *
 * @example
 * keySummary(line, { key, lifetimeDays: 90, active: true }) // 'waiting for 1 of grigorenko'
 */
export function keySummary(
  line: Pick<KeyLine, 'status' | 'quorum' | 'approvals' | 'refusedBy' | 'waitingFor'>,
  { key, lifetimeDays, active }: KeySummaryFacts,
  words: KeySummaryWords = ENGLISH_SUMMARY_WORDS,
): string {
  const holders = line.waitingFor.filter((w) => key.holders.includes(w)).join(', ')
  switch (line.status) {
    case 'turned':
      return words.turnedBy(
        line.approvals.map((a) => (a.by === a.seat ? a.by : words.forSeat(a.by, a.seat))).join(', '),
      )
    case 'refused':
      return words.refusedBy(line.refusedBy.map((r) => r.by).join(', '))
    case 'pending':
      return active
        ? words.waitingFor(Math.max(0, line.quorum - line.approvals.length), holders || words.noOne)
        : words.neverTurned
    case 'stale':
      return words.staleWaiting(holders)
    case 'expired':
      return words.expiredWaiting(lifetimeDays)
    case 'waived':
      return words.waived(key.appliesIf ?? '')
  }
}
