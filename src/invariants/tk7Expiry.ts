import type { StepInvariant, Violation } from './Invariant.js'
import { countingApprovals, isApproved, keyRegions } from './restated.js'

/**
 * TK7 expiry: at approval every key has its quorum of approvals no older than the policy's
 * lifetime at the approval time; in review, a key shows turned only while its quorum is fresh.
 */
export const tk7Expiry: StepInvariant = {
  id: 'TK7',
  name: 'expiry',
  statement: "an approval older than the policy's lifetime when the key would turn does not count",
  scope: 'step',
  check(policy, { event, after }) {
    const { context } = after
    const lifetime = policy.approvals.lifetimeDays
    if (lifetime === null) return []
    const violations: Violation[] = []
    if (isApproved(after) && context.approvedAt !== null) {
      const approvedAt = context.approvedAt
      for (const key of policy.keys) {
        const all = countingApprovals(policy, context, key.id)
        const fresh = countingApprovals(policy, context, key.id, approvedAt)
        if (all.length >= key.quorum && fresh.length < key.quorum) {
          violations.push({
            id: 'TK7',
            message: `approved at ${new Date(approvedAt).toISOString()} with key "${key.id}" counting approvals older than ${lifetime} days: only ${fresh.length} of ${key.quorum} were fresh`,
            event,
            details: { key: key.id, approvals: all, approvedAt },
          })
        }
      }
    }
    for (const [keyId, state] of keyRegions(policy, after)) {
      const key = policy.keys.find((k) => k.id === keyId)
      if (state !== 'turned' || key === undefined) continue
      const all = countingApprovals(policy, context, keyId)
      const fresh = countingApprovals(policy, context, keyId, context.now)
      if (all.length >= key.quorum && fresh.length < key.quorum) {
        violations.push({
          id: 'TK7',
          message: `key "${keyId}" still shows turned at ${new Date(context.now).toISOString()} with only ${fresh.length} of ${key.quorum} approvals younger than ${lifetime} days`,
          event,
          details: { key: keyId, approvals: all, now: context.now },
        })
      }
    }
    return violations
  },
}
