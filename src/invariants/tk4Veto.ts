import { checkPhrase } from '../../machines/checkPhrases.js'
import type { StepInvariant, Violation } from './Invariant.js'
import { isApproved, keyById, namesItsRevision, short } from './restated.js'
import { said } from './said.js'

/**
 * TK4 veto, from the recorded events: when the state is past approval, no refusal recorded
 * before the approval, on the approved revision and naming it, came from a seat of a key with
 * veto. (The recorded events are append-only, so a refusal cannot be lost.)
 */
export const tk4Veto: StepInvariant = {
  id: 'TK4',
  name: 'veto',
  statement: 'a refusal by a key with veto power on revision r means r is never approved',
  scope: 'step',
  check(policy, { event, after, recorded }) {
    const r = recorded.after
    const approval = r.approval
    if (!isApproved(after) || approval === null) return []
    const revision = r.revisions[approval.revision]
    const violations: Violation[] = []
    for (const d of r.decisions) {
      const key = keyById(policy, d.key)
      if (d.decision !== 'refuse' || key?.veto !== true || d.seq > approval.seq) continue
      if (d.revision !== approval.revision || !namesItsRevision(r, d)) continue
      if (d.seat === null || !key.holders.includes(d.seat)) continue
      violations.push({
        id: 'TK4',
        ...said(
          checkPhrase('tk4.vetoed', {
            revision: String(revision?.n),
            hash: short(d.named),
            by: d.by,
            key: d.key,
          }),
        ),
        event,
        details: { refusal: d },
      })
    }
    return violations
  },
}
