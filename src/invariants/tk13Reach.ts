import { checkPhrase } from '../../machines/checkPhrases.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { StepInvariant, Violation } from './Invariant.js'
import type { Recorded, RecordedAnswer } from './Recorded.js'
import { said } from './said.js'

/** The role a body answers as, by the answer's type; null for a destination the sponsor records. */
function roleOf(policy: Policy, answer: RecordedAnswer): 'governor' | 'ministry' | 'agency' | null {
  if (answer.type === 'RESPOND') return 'governor'
  if (answer.type === 'MINISTRY') return 'ministry'
  return policy.rollout?.export === 'agencies' ? 'agency' : null
}

/**
 * The bodies the keys that approved the initiative bring in: the reach of every key with a
 * recorded approval on the approved revision (a waived key took none). Read from the recorded
 * decisions and the policy's own words; the machine's `reachFor` is not consulted.
 */
function reachOfApprovers(policy: Policy, r: Recorded): Set<string> {
  const revision = r.approval?.revision ?? r.revisions.length - 1
  const approving = new Set(
    r.decisions
      .filter((d) => d.decision === 'approve' && d.revision === revision && d.revokedSeq === undefined)
      .map((d) => d.key),
  )
  const reach = new Set<string>()
  for (const key of policy.keys) {
    if (approving.has(key.id)) for (const role of key.reach ?? []) reach.add(role)
  }
  return reach
}

/**
 * TK13 reach: where a policy says which bodies each key's institution brings in, a rollout is
 * answered only by a body of a role within the reach of the keys that approved the initiative —
 * the seed's reason for two keys: the Presidential Administration brings in governors and the
 * "presidential" agencies, the Government the federal ministries. Without `reach` on any key the
 * invariant does not apply.
 */
export const tk13Reach: StepInvariant = {
  id: 'TK13',
  name: 'reach',
  statement:
    'a rollout is answered only by bodies within the reach of the keys that approved it (where the policy gives keys a reach)',
  scope: 'step',
  check(policy, { event, recorded }): Violation[] {
    if (event.type !== 'RESPOND' && event.type !== 'MINISTRY' && event.type !== 'DESTINATION') return []
    if (!policy.keys.some((k) => k.reach !== undefined)) return []
    const answer = recorded.after.answers.at(-1)
    if (answer === undefined || answer.seq !== recorded.before.count) return []
    const role = roleOf(policy, answer)
    if (role === null) return []
    const principal = policy.principals.find((p) => p.id === answer.by)
    const reach = reachOfApprovers(policy, recorded.before)
    if (principal?.roles.includes(role) === true && reach.has(role)) return []
    return [
      {
        id: 'TK13',
        ...said(
          principal?.roles.includes(role) === true
            ? checkPhrase('tk13.outOfReach', { by: answer.by, role, reach: [...reach].sort() })
            : checkPhrase('tk13.notRole', { by: answer.by, role }),
        ),
        event,
      },
    ]
  },
}
