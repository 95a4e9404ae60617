import type { StepInvariant, Violation } from './Invariant.js'
import { short } from './restated.js'

/**
 * TK4 veto: a refusal on revision r by a key with veto means r is never approved. A recorded
 * refusal is a fact: it is never removed, rewritten or revoked.
 */
export const tk4Veto: StepInvariant = {
  id: 'TK4',
  name: 'veto',
  statement: 'a refusal by a key with veto power on revision r means r is never approved',
  scope: 'step',
  check(policy, { before, event, after }) {
    const violations: Violation[] = []
    const { context } = after
    const vetoKeys = new Set(policy.keys.filter((k) => k.veto).map((k) => k.id))
    if (context.approvedAt !== null) {
      for (const d of context.decisions) {
        if (d.decision !== 'refuse' || !vetoKeys.has(d.key) || d.revision !== context.revision.hash) continue
        violations.push({
          id: 'TK4',
          message: `revision ${context.revision.n} (${short(d.revision)}) was approved although "${d.by}" refused it for key "${d.key}", which has veto`,
          event,
          details: { refusal: d },
        })
      }
    }
    const now = new Map(after.context.decisions.map((d, i) => [i, d]))
    before.context.decisions.forEach((d, i) => {
      if (d.decision !== 'refuse') return
      const later = now.get(i)
      const same =
        later !== undefined &&
        later.decision === 'refuse' &&
        later.key === d.key &&
        later.by === d.by &&
        later.revision === d.revision &&
        later.revokedAt === undefined
      if (!same) {
        violations.push({
          id: 'TK4',
          message: `the refusal by "${d.by}" of key "${d.key}" on revision ${short(d.revision)} was removed or changed`,
          event,
          details: { refusal: d, now: later },
        })
      }
    })
    return violations
  },
}
