import { checkPhrase } from '../../machines/checkPhrases.js'
import type { StepInvariant } from './Invariant.js'
import { said } from './said.js'

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
        ...said(
          d.by === sponsor
            ? checkPhrase('tk3.sponsorApproved', { sponsor, key: d.key })
            : checkPhrase('tk3.sponsorSeat', { by: d.by, key: d.key, sponsor }),
        ),
        event,
        details: { decision: d },
      }))
  },
}
