import { type CheckPhrase, checkPhrase } from '../../machines/checkPhrases.js'
import type { Key, Policy } from '../policy/PolicySchema.js'
import type { StepInvariant, Violation } from './Invariant.js'
import type { RecordedDecision, RecordedDelegation } from './Recorded.js'
import { DAY_MS, institutionsOf, keyById } from './restated.js'
import { said } from './said.js'

const iso = (ms: number) => new Date(ms).toISOString()

function deputyEligible(policy: Policy, key: Key, deputy: string): boolean {
  return key.deputies.eligible === undefined
    ? institutionsOf(policy, deputy).includes(key.institution)
    : key.deputies.eligible.includes(deputy)
}

/** Why a recorded delegation is not one the policy allows, or null when it is. */
function delegationProblem(policy: Policy, g: RecordedDelegation): CheckPhrase | null {
  const key = keyById(policy, g.key)
  if (key === undefined) return checkPhrase('tk6.unknownKey', { key: g.key })
  if (!key.deputies.allowed) return checkPhrase('tk6.noDeputies', { key: key.id })
  if (!key.holders.includes(g.holder)) return checkPhrase('tk6.notHolder', { holder: g.holder, key: key.id })
  if (!(g.from < g.until)) return checkPhrase('tk6.emptyWindow', { from: iso(g.from), until: iso(g.until) })
  const maxDays = key.deputies.maxDays ?? 0
  if (g.until - g.from > maxDays * DAY_MS) {
    return checkPhrase('tk6.tooLong', { days: ((g.until - g.from) / DAY_MS).toFixed(2), maxDays })
  }
  if (!deputyEligible(policy, key, g.deputy))
    return checkPhrase('tk6.notEligible', { deputy: g.deputy, key: key.id })
  return null
}

/** Why a decision did not come from someone with authority over its key, or null when it did. */
function authorityProblem(
  policy: Policy,
  d: RecordedDecision,
  delegations: readonly RecordedDelegation[],
): CheckPhrase | null {
  const key = keyById(policy, d.key)
  if (key === undefined) return checkPhrase('tk6.unknownKey', { key: d.key })
  if (key.holders.includes(d.by)) return null
  const notHolding = (why: 'noDeputies' | 'notEligible' | 'uncovered') =>
    checkPhrase('tk6.notHolding', { by: d.by, key: key.id, holders: key.holders, why, at: iso(d.at) })
  if (!key.deputies.allowed) return notHolding('noDeputies')
  if (!deputyEligible(policy, key, d.by)) return notHolding('notEligible')
  const covering = delegations.find(
    (g) =>
      g.seq < d.seq &&
      g.key === key.id &&
      g.deputy === d.by &&
      g.from <= d.at &&
      d.at < g.until &&
      delegationProblem(policy, g) === null,
  )
  return covering === undefined ? notHolding('uncovered') : null
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
          ...said(checkPhrase('tk6.decision', { decision: d.decision, key: d.key, problem })),
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
          ...said(checkPhrase('tk6.delegation', { key: g.key, holder: g.holder, deputy: g.deputy, problem })),
          event,
          details: { delegation: g },
        })
      }
    }
    return violations
  },
}
