import type { Decision, Delegation } from '../../machines/InitiativeContext.js'
import type { Key, Policy } from '../policy/PolicySchema.js'
import type { StepInvariant, Violation } from './Invariant.js'
import { DAY_MS, institutionsOf, keyById, newDecisions, quoteIds } from './restated.js'

const iso = (ms: number) => new Date(ms).toISOString()

function deputyEligible(policy: Policy, key: Key, deputy: string): boolean {
  return key.deputies.eligible === undefined
    ? institutionsOf(policy, deputy).includes(key.institution)
    : key.deputies.eligible.includes(deputy)
}

/** Why a delegation is not one the policy allows, or null when it is. */
function delegationProblem(policy: Policy, d: Delegation): string | null {
  const key = keyById(policy, d.key)
  if (key === undefined) return `key "${d.key}" is not in the policy`
  if (!key.deputies.allowed) return `key "${key.id}" allows no deputies`
  if (!key.holders.includes(d.holder)) return `"${d.holder}" does not hold key "${key.id}"`
  if (!(d.from < d.until)) return `the window ${iso(d.from)} → ${iso(d.until)} is empty`
  const maxDays = key.deputies.maxDays ?? 0
  if (d.until - d.from > maxDays * DAY_MS) {
    return `the window of ${((d.until - d.from) / DAY_MS).toFixed(2)} days is longer than the ${maxDays} days allowed`
  }
  if (!deputyEligible(policy, key, d.deputy)) return `"${d.deputy}" may not be deputy for key "${key.id}"`
  return null
}

/** Why a decision did not come from someone with authority over its key, or null when it did. */
function authorityProblem(policy: Policy, d: Decision, delegations: readonly Delegation[]): string | null {
  const key = keyById(policy, d.key)
  if (key === undefined) return `key "${d.key}" is not in the policy`
  if (key.holders.includes(d.by)) {
    return d.seat === d.by ? null : `holder "${d.by}" decided on the seat of "${d.seat}"`
  }
  const base = `"${d.by}" does not hold key "${key.id}" (holders: ${quoteIds(key.holders)})`
  if (!key.deputies.allowed) return `${base} and the key allows no deputies`
  if (!deputyEligible(policy, key, d.by)) return `${base} and may not be its deputy`
  const covering = delegations.find(
    (g) =>
      g.key === key.id &&
      g.deputy === d.by &&
      g.holder === d.seat &&
      g.from <= d.at &&
      d.at < g.until &&
      delegationProblem(policy, g) === null,
  )
  return covering === undefined
    ? `${base} and no allowed delegation for seat "${d.seat}" covers ${iso(d.at)}`
    : null
}

/**
 * TK6 authority: every decision was taken by a holder of its key on their own seat, or by an
 * eligible deputy inside the window of a delegation — recorded before the decision — that a
 * holder made and the policy allows; every recorded delegation is one the policy allows.
 */
export const tk6Authority: StepInvariant = {
  id: 'TK6',
  name: 'authority',
  statement:
    'every counted approval came from a holder of that key, or a deputy inside the window of a delegation the policy allows',
  scope: 'step',
  check(policy, step) {
    const { before, event, after } = step
    const violations: Violation[] = []
    const fresh = new Set(newDecisions(step))
    for (const d of after.context.decisions) {
      // A new decision may rely only on delegations recorded before it.
      const delegations = fresh.has(d) ? before.context.delegations : after.context.delegations
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
    const added = after.context.delegations.slice(before.context.delegations.length)
    for (const g of added) {
      const problem =
        event.type === 'DELEGATE' && event.by !== g.holder
          ? `it was made by "${event.by}" for the seat of "${g.holder}"`
          : delegationProblem(policy, g)
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
