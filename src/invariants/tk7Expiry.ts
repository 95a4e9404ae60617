import { checkPhrase } from '../../machines/checkPhrases.js'
import type { StepInvariant, Violation } from './Invariant.js'
import { countingApprovals, isApproved, keyRegions } from './restated.js'
import { said } from './said.js'

/**
 * TK7 expiry, from the recorded events and their times: when the state steps into approval,
 * every key has its quorum of approvals no older than the policy's lifetime at that moment; in
 * review, a key shows turned only while its quorum is fresh.
 */
export const tk7Expiry: StepInvariant = {
  id: 'TK7',
  name: 'expiry',
  statement: "an approval older than the policy's lifetime when the key would turn does not count",
  scope: 'step',
  check(policy, { event, after, recorded }) {
    const r = recorded.after
    const lifetime = policy.approvals.lifetimeDays
    if (lifetime === null) return []
    const violations: Violation[] = []
    const approval = r.approval
    const approved = isApproved(after) && approval !== null
    const turned = [...keyRegions(policy, after)].filter(([, state]) => state === 'turned')
    if (!approved && turned.length === 0) return []
    if (approved) {
      const on = { revision: approval.revision, asOf: approval.seq }
      for (const key of policy.keys) {
        const all = countingApprovals(policy, r, key.id, on)
        const fresh = countingApprovals(policy, r, key.id, { ...on, freshAt: approval.at })
        if (all.length >= key.quorum && fresh.length < key.quorum) {
          violations.push({
            id: 'TK7',
            ...said(
              checkPhrase('tk7.approvedStale', {
                at: new Date(approval.at).toISOString(),
                key: key.id,
                lifetime,
                fresh: fresh.length,
                quorum: key.quorum,
              }),
            ),
            event,
            details: { key: key.id, approvals: all, approvedAt: approval.at },
          })
        }
      }
    }
    const now = { revision: r.revisions.length - 1, asOf: r.count - 1 }
    for (const [keyId] of turned) {
      const key = policy.keys.find((k) => k.id === keyId)
      if (key === undefined) continue
      const all = countingApprovals(policy, r, keyId, now)
      const fresh = countingApprovals(policy, r, keyId, { ...now, freshAt: r.now })
      if (all.length >= key.quorum && fresh.length < key.quorum) {
        violations.push({
          id: 'TK7',
          ...said(
            checkPhrase('tk7.stillTurned', {
              key: keyId,
              at: new Date(r.now).toISOString(),
              fresh: fresh.length,
              quorum: key.quorum,
              lifetime,
            }),
          ),
          event,
          details: { key: keyId, approvals: all, now: r.now },
        })
      }
    }
    return violations
  },
}
