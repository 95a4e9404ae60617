import { checkPhrase } from '../../machines/checkPhrases.js'
import { keyApplies } from '../policy/condition.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { InvariantStep, StepInvariant, Violation } from './Invariant.js'
import { countingApprovals, isApproved, keyRegions, short, stageOf } from './restated.js'
import { said } from './said.js'

/**
 * TK1 dual-key, from the recorded events: when the state steps into approval, every key has at
 * least its quorum of distinct holder seats approving the current revision — recorded on it,
 * naming it, unrevoked; past approval, no substantive amendment has been recorded since; and in
 * review a key shows turned only with that quorum now. (Whether those approvals were still fresh
 * is TK7; who gave them is TK6.)
 */
export const tk1DualKey: StepInvariant = {
  id: 'TK1',
  name: 'dual-key',
  statement:
    "an initiative is approved, routed or rolled out only if every applicable key is turned for its current revision (a key that applies by condition, by the condition on that revision's content)",
  scope: 'step',
  check(policy, step) {
    const { event, after, recorded } = step
    if (!isApproved(after)) return turnedWithoutQuorum(policy, step)
    const r = recorded.after
    const approval = r.approval
    if (approval === null) {
      return [
        {
          id: 'TK1',
          ...said(checkPhrase('tk1.noApprovalStep', { stage: stageOf(after) })),
          event,
        },
      ]
    }
    const violations: Violation[] = []
    const approvedOn = r.revisions[approval.revision]
    const current = r.revisions.at(-1)
    if (current !== undefined && current !== approvedOn) {
      violations.push({
        id: 'TK1',
        ...said(
          checkPhrase('tk1.amendedSince', {
            stage: stageOf(after),
            current: current.n,
            hash: short(current.hash),
            approved: String(approvedOn?.n),
          }),
        ),
        event,
        details: { approved: approvedOn, current },
      })
    }
    for (const key of policy.keys) {
      // A key applies by its condition on the content approved (read from the recorded events).
      if (approvedOn !== undefined && !keyApplies(key, approvedOn.content)) continue
      const seats = countingApprovals(policy, r, key.id, {
        revision: approval.revision,
        asOf: approval.seq,
      }).map((d) => d.seat)
      if (seats.length < key.quorum) {
        violations.push({
          id: 'TK1',
          ...said(
            checkPhrase('tk1.notTurned', {
              revision: String(approvedOn?.n ?? '?'),
              key: key.id,
              seats: seats.length,
              quorum: key.quorum,
            }),
          ),
          event,
          details: { key: key.id, seats, quorum: key.quorum, revision: approvedOn?.hash },
        })
      }
    }
    return violations
  },
}

/** In review, a key shown turned without its quorum on the current revision. */
function turnedWithoutQuorum(policy: Policy, { event, after, recorded }: InvariantStep): Violation[] {
  const r = recorded.after
  const violations: Violation[] = []
  for (const [keyId, state] of keyRegions(policy, after)) {
    const key = policy.keys.find((k) => k.id === keyId)
    const content = r.revisions.at(-1)?.content ?? null
    if (state === 'waived' && key !== undefined && keyApplies(key, content)) {
      violations.push({
        id: 'TK1',
        ...said(
          checkPhrase('tk1.shownWaived', {
            key: keyId,
            revision: String(r.revisions.at(-1)?.n),
            condition: key.appliesIf ?? 'always',
          }),
        ),
        event,
      })
    }
    if (state !== 'turned' || key === undefined) continue
    const seats = countingApprovals(policy, r, keyId, {
      revision: r.revisions.length - 1,
      asOf: r.count - 1,
    }).length
    if (seats < key.quorum) {
      violations.push({
        id: 'TK1',
        ...said(
          checkPhrase('tk1.shownTurned', {
            key: keyId,
            seats,
            quorum: key.quorum,
            revision: String(r.revisions.at(-1)?.n),
          }),
        ),
        event,
      })
    }
  }
  return violations
}
