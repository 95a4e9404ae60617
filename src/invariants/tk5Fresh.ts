import { checkPhrase } from '../../machines/checkPhrases.js'
import { keyApplies } from '../policy/condition.js'
import type { StepInvariant, Violation } from './Invariant.js'
import { keyRegions, newDecision, short, stageOf } from './restated.js'
import { said } from './said.js'

/**
 * TK5 fresh, from the recorded contents: a revision is what the proposal and each amendment that
 * changes a field the policy calls substantive make (compared on the contents the events carry,
 * never on the machine's revision); a decision is accepted only naming the revision current when
 * it is taken; and a step that records a new revision and ends in review leaves every key
 * pending. (That a turned key, or an approval, counts only approvals recorded since the last
 * substantive change is checked by TK1.)
 */
export const tk5Fresh: StepInvariant = {
  id: 'TK5',
  name: 'fresh',
  statement:
    'an approval counts only for the revision it was given on; a substantive amendment resets every key (a key that applies by condition starts again only if it applies to the new content)',
  scope: 'step',
  check(policy, step) {
    const { event, after, recorded } = step
    const violations: Violation[] = []
    const current = recorded.after.revisions.at(-1)
    const d = newDecision(step)
    if (d !== undefined && d.named !== current?.hash) {
      const named = recorded.after.revisions.findLast((rev) => rev.hash === d.named)
      violations.push({
        id: 'TK5',
        ...said(
          checkPhrase('tk5.namedOther', {
            decision: d.decision,
            key: d.key,
            by: d.by,
            named: named?.n ?? null,
            namedHash: short(d.named),
            current: current?.n ?? null,
            currentHash: short(current?.hash ?? ''),
          }),
        ),
        event,
        details: { decision: d, current },
      })
    }
    const amended = recorded.after.revisions.length > recorded.before.revisions.length
    if (!amended || recorded.before.revisions.length === 0 || stageOf(after) !== 'review') return violations
    for (const [key, state] of keyRegions(policy, after)) {
      if (state === 'pending') continue
      // A key that applies by condition and does not apply to the new revision's content is waived (TK1 checks it does not apply).
      const conditional = policy.keys.find((k) => k.id === key)
      if (
        state === 'waived' &&
        conditional !== undefined &&
        !keyApplies(conditional, current?.content ?? null)
      )
        continue
      violations.push({
        id: 'TK5',
        ...said(
          checkPhrase('tk5.amendedNotPending', { revision: String(current?.n), key, state: String(state) }),
        ),
        event,
      })
    }
    return violations
  },
}
