import type { Policy } from '../policy/PolicySchema.js'
import type { BodyRole } from '../policy/reach.js'

/** The words of a key region's label, so a page can give them in its own language. */
export interface KeyRegionWords {
  /** "1 of oreshkin", "2 of gov-a, gov-b, gov-c". */
  quorum(quorum: number, holders: string): string
  veto: string
  noVeto: string
  /** "deputy pa-aide, up to 14 days", or any eligible principal of the institution. */
  deputies(who: string, days: number): string
  anyDeputy: string
  /** "only when budget > 10_000_000_000". */
  condition(condition: string): string
  /** "brings in governors, agencies": the bodies the key's institution brings in (its reach). */
  reach(bodies: readonly BodyRole[]): string
}

const BODIES: Record<BodyRole, string> = { ministry: 'ministries', governor: 'governors', agency: 'agencies' }

export const ENGLISH_KEY_REGION_WORDS: KeyRegionWords = {
  quorum: (quorum, holders) => `${quorum} of ${holders}`,
  veto: 'veto',
  noVeto: 'no veto',
  deputies: (who, days) => `deputy ${who}, up to ${days} days`,
  anyDeputy: 'any of its institution',
  condition: (condition) => `only when ${condition}`,
  reach: (bodies) => `brings in ${bodies.map((b) => BODIES[b]).join(', ')}`,
}

/**
 * What each key's region of the chart should say beyond the key's id: its quorum of holders, its
 * veto, its deputies, the condition it applies by and the bodies it brings in — `presidential-administration: 1 of oreshkin ·
 * veto · deputy pa-aide, up to 14 days`. Keyed by the region's state id, for `toMermaid`'s `labels`.
 */
export function keyRegionLabels(policy: Policy, words: KeyRegionWords = ENGLISH_KEY_REGION_WORDS) {
  return Object.fromEntries(
    policy.keys.map((key) => {
      const parts = [
        words.quorum(key.quorum, key.holders.join(', ')),
        key.veto ? words.veto : words.noVeto,
        ...(key.deputies.allowed
          ? [words.deputies(key.deputies.eligible?.join(', ') ?? words.anyDeputy, key.deputies.maxDays ?? 0)]
          : []),
        ...(key.appliesIf === undefined ? [] : [words.condition(key.appliesIf)]),
        ...(key.reach === undefined || key.reach.length === 0 ? [] : [words.reach(key.reach)]),
      ]
      return [`initiative.open.review.${key.id}`, `${key.id}: ${parts.join(' · ')}`]
    }),
  )
}
