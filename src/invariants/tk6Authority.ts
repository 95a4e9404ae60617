import type { Key, Policy } from '../policy/PolicySchema.js'
import type { StepInvariant, Violation } from './Invariant.js'
import type { RecordedDecision, RecordedDelegation } from './Recorded.js'
import { DAY_MS, institutionsOf, keyById, quoteIds } from './restated.js'

const iso = (ms: number) => new Date(ms).toISOString()

function deputyEligible(policy: Policy, key: Key, deputy: string): boolean {
  return key.deputies.eligible === undefined
    ? institutionsOf(policy, deputy).includes(key.institution)
    : key.deputies.eligible.includes(deputy)
}

/** Why a recorded delegation is not one the policy allows, or null when it is. */
function delegationProblem(policy: Policy, g: RecordedDelegation): string | null {
  const key = keyById(policy, g.key)
  if (key === undefined) return `key "${g.key}" is not in the policy`
  if (!key.deputies.allowed) return `key "${key.id}" allows no deputies`
  if (!key.holders.includes(g.holder)) return `"${g.holder}" does not hold key "${key.id}"`
  if (!(g.from < g.until)) return `the window ${iso(g.from)} → ${iso(g.until)} is empty`
  const maxDays = key.deputies.maxDays ?? 0
  if (g.until - g.from > maxDays * DAY_MS) {
    return `the window of ${((g.until - g.from) / DAY_MS).toFixed(2)} days is longer than the ${maxDays} days allowed`
  }
  if (!deputyEligible(policy, key, g.deputy)) return `"${g.deputy}" may not be deputy for key "${key.id}"`
  return null
}

/** Why a decision did not come from someone with authority over its key, or null when it did. */
function authorityProblem(
  policy: Policy,
  d: RecordedDecision,
  delegations: readonly RecordedDelegation[],
): string | null {
  const key = keyById(policy, d.key)
  if (key === undefined) return `key "${d.key}" is not in the policy`
  if (key.holders.includes(d.by)) return null
  const base = `"${d.by}" does not hold key "${key.id}" (holders: ${quoteIds(key.holders)})`
  if (!key.deputies.allowed) return `${base} and the key allows no deputies`
  if (!deputyEligible(policy, key, d.by)) return `${base} and may not be its deputy`
  const covering = delegations.find(
    (g) =>
      g.seq < d.seq &&
      g.key === key.id &&
      g.deputy === d.by &&
      g.from <= d.at &&
      d.at < g.until &&
      delegationProblem(policy, g) === null,
  )
  return covering === undefined
    ? `${base} and no allowed delegation recorded before it covers ${iso(d.at)}`
    : null
}

/**
 * TK6 authority, from the recorded events: every accepted decision was sent by a holder of its
 * key, or by an eligible deputy inside the window of a delegation recorded before it that the
 * policy allows; every accepted delegation was sent by a holder of the key and is one the policy
 * allows (deputies allowed, a window no longer than allowed, an eligible deputy).
 */
export const tk6Authority: StepInvariant = {
  id: 'TK6',
  name: 'authority',
  statement:
    'every counted approval came from a holder of that key, or a deputy inside the window of a delegation the policy allows',
  scope: 'step',
  check(policy, { event, recorded }) {
    const { decisions, delegations } = recorded.after
    const violations: Violation[] = []
    for (const d of decisions) {
      const problem = authorityProblem(policy, d, delegations)
      if (problem !== null) {
        violations.push({
          id: 'TK6',
          message: `${d.decision === 'approve' ? 'an approval' : 'a refusal'} of key "${d.key}" was recorded without authority: ${problem}`,
          event,
          details: { decision: d },
        })
      }
    }
    for (const g of delegations) {
      const problem = delegationProblem(policy, g)
      if (problem !== null) {
        violations.push({
          id: 'TK6',
          message: `a delegation of key "${g.key}" from "${g.holder}" to "${g.deputy}" was recorded that the policy does not allow: ${problem}`,
          event,
          details: { delegation: g },
        })
      }
    }
    return violations
  },
}
