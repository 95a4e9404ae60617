import type { StepInvariant } from './Invariant.js'

/**
 * TK3 no self-approval, from the recorded events: no accepted approval is by the sponsor (who
 * sent the proposal), or on the sponsor's seat (as the recorded delegations give it).
 */
export const tk3NoSelfApproval: StepInvariant = {
  id: 'TK3',
  name: 'no self-approval',
  statement: 'a sponsor, or anyone acting for the sponsor, never turns a key on its own initiative',
  scope: 'step',
  check(_policy, { event, recorded }) {
    const { sponsor, decisions } = recorded.after
    if (sponsor === null) return []
    return decisions
      .filter((d) => d.decision === 'approve' && (d.by === sponsor || d.seat === sponsor))
      .map((d) => ({
        id: 'TK3' as const,
        message:
          d.by === sponsor
            ? `the sponsor "${sponsor}" approved key "${d.key}" of its own initiative`
            : `"${d.by}" approved key "${d.key}" on the seat of the sponsor "${sponsor}"`,
        event,
        details: { decision: d },
      }))
  },
}
