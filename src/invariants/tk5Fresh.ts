import type { StepInvariant, Violation } from './Invariant.js'
import { keyRegions, newDecisions, short, stageOf } from './restated.js'

/**
 * TK5 fresh: a decision is recorded only on the revision current when it is taken, and a
 * substantive amendment in review (a new revision) leaves every key pending. (That a turned
 * key has its quorum on the current revision is TK1.)
 */
export const tk5Fresh: StepInvariant = {
  id: 'TK5',
  name: 'fresh',
  statement:
    'an approval counts only for the revision it was given on; a substantive amendment resets every key',
  scope: 'step',
  check(policy, step) {
    const { before, event, after } = step
    const violations: Violation[] = []
    const current = before.context.revision
    for (const d of newDecisions(step)) {
      if (d.revision === current.hash) continue
      violations.push({
        id: 'TK5',
        message: `${d.decision === 'approve' ? 'an approval' : 'a refusal'} of key "${d.key}" by "${d.by}" was recorded on revision ${short(d.revision)} while the current revision was ${current.n} (${short(current.hash)})`,
        event,
        details: { decision: d, current },
      })
    }
    const amended =
      stageOf(before) === 'review' &&
      stageOf(after) === 'review' &&
      before.context.revision.hash !== after.context.revision.hash
    if (!amended) return violations
    for (const [key, state] of keyRegions(policy, after)) {
      if (state === 'pending') continue
      violations.push({
        id: 'TK5',
        message: `the amendment made revision ${after.context.revision.n}, but key "${key}" is "${state}" instead of starting again as pending`,
        event,
      })
    }
    return violations
  },
}
