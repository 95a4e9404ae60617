import type { Policy } from '../policy/PolicySchema.js'
import type { InvariantStep, StepInvariant, Violation } from './Invariant.js'
import { countingApprovals, isApproved, keyRegions, stageOf } from './restated.js'

/**
 * TK1 dual-key: past approval, every key has at least its quorum of distinct holder seats
 * approving the current revision, unrevoked, given no later than the approval; and in review a
 * key shows turned only with that quorum. (Whether those approvals were still fresh is TK7;
 * who gave them is TK6.)
 */
export const tk1DualKey: StepInvariant = {
  id: 'TK1',
  name: 'dual-key',
  statement:
    'an initiative is approved, routed or rolled out only if every key is turned for its current revision',
  scope: 'step',
  check(policy, step) {
    const { event, after } = step
    if (!isApproved(after)) return turnedWithoutQuorum(policy, step)
    const { context } = after
    const approvedAt = context.approvedAt
    if (approvedAt === null) {
      return [
        {
          id: 'TK1',
          message: `the initiative is in "${stageOf(after)}" but no approval was ever recorded (approvedAt is null)`,
          event,
        },
      ]
    }
    const violations: Violation[] = []
    for (const key of policy.keys) {
      const seats = countingApprovals(policy, context, key.id)
        .filter((d) => d.at <= approvedAt)
        .map((d) => d.seat)
      if (seats.length < key.quorum) {
        violations.push({
          id: 'TK1',
          message: `approved on revision ${context.revision.n} with key "${key.id}" not turned: ${seats.length} of ${key.quorum} required holder seats approved it`,
          event,
          details: { key: key.id, seats, quorum: key.quorum, revision: context.revision.hash },
        })
      }
    }
    return violations
  },
}

/** In review, a key shown turned without its quorum on the current revision. */
function turnedWithoutQuorum(policy: Policy, { event, after }: InvariantStep): Violation[] {
  const violations: Violation[] = []
  for (const [keyId, state] of keyRegions(policy, after)) {
    const key = policy.keys.find((k) => k.id === keyId)
    if (state !== 'turned' || key === undefined) continue
    const seats = countingApprovals(policy, after.context, keyId).length
    if (seats < key.quorum) {
      violations.push({
        id: 'TK1',
        message: `key "${keyId}" shows turned with ${seats} of ${key.quorum} required approvals on the current revision ${after.context.revision.n}`,
        event,
      })
    }
  }
  return violations
}
