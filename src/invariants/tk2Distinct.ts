import type { Decision } from '../../machines/InitiativeContext.js'
import type { StepInvariant, Violation } from './Invariant.js'
import { countingApprovals, institutionsOf, stageOf } from './restated.js'

/**
 * TK2 distinct: among the approvals that count (at approval, or now while undecided), no
 * principal — acting, or whose seat is used — and no institution counts toward two keys. A
 * decision's institutions are those recorded with it plus, from the policy, those of the actor
 * and of the seat it was given on: a deputy acting for a holder carries the holder's too.
 */
export const tk2Distinct: StepInvariant = {
  id: 'TK2',
  name: 'distinct',
  statement: 'no principal, and no institution, counts toward two keys of one revision',
  scope: 'step',
  check(policy, { event, after }) {
    const { context } = after
    if (context.content === null || stageOf(after) === 'idle') return []
    const at = context.approvedAt ?? context.now
    const counted = policy.keys.map((k) => ({
      key: k.id,
      approvals: countingApprovals(policy, context, k.id, at),
    }))
    const people = (d: Decision) => new Set([d.by, d.seat])
    const institutions = (d: Decision) =>
      new Set([...d.institutions, ...institutionsOf(policy, d.by), ...institutionsOf(policy, d.seat)])
    const violations: Violation[] = []
    for (let i = 0; i < counted.length; i++) {
      for (let j = i + 1; j < counted.length; j++) {
        const a = counted[i]!
        const b = counted[j]!
        for (const x of a.approvals) {
          for (const y of b.approvals) {
            const person = [...people(x)].find((p) => people(y).has(p))
            const shared = [...institutions(x)].find((inst) => institutions(y).has(inst))
            if (person === undefined && shared === undefined) continue
            const what = person !== undefined ? `principal "${person}"` : `institution "${shared}"`
            violations.push({
              id: 'TK2',
              message: `${what} counts toward both key "${a.key}" (via "${x.by}" for seat "${x.seat}") and key "${b.key}" (via "${y.by}" for seat "${y.seat}") on revision ${context.revision.n}`,
              event,
              details: { keys: [a.key, b.key], decisions: [x, y] },
            })
          }
        }
      }
    }
    return violations
  },
}
