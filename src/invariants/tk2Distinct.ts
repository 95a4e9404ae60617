import { checkPhrase } from '../../machines/checkPhrases.js'
import type { StepInvariant, Violation } from './Invariant.js'
import type { RecordedDecision } from './Recorded.js'
import { countingApprovals, institutionsOf, stageOf, standing } from './restated.js'
import { said } from './said.js'

/**
 * TK2 distinct, from the recorded events: among the approvals that count (at approval, or now
 * while undecided), no principal — acting, or whose seat is used — and no institution counts
 * toward two keys. A decision's institutions are, from the policy, those of the actor and of the
 * seat it was given on: a deputy acting for a holder carries the holder's too.
 */
export const tk2Distinct: StepInvariant = {
  id: 'TK2',
  name: 'distinct',
  statement: 'no principal, and no institution, counts toward two keys of one revision',
  scope: 'step',
  check(policy, { event, after, recorded }) {
    const facets = (d: RecordedDecision) => ({
      d,
      people: new Set([d.by, d.seat]),
      institutions: new Set([...institutionsOf(policy, d.by), ...institutionsOf(policy, d.seat)]),
    })
    const r = recorded.after
    if (r.sponsor === null || stageOf(after) === 'idle') return []
    const { revision, asOf, at } = standing(r, stageOf(after))
    const counted = policy.keys
      .map((k) => ({
        key: k.id,
        approvals: countingApprovals(policy, r, k.id, { revision, asOf, freshAt: at }).map(facets),
      }))
      .filter((c) => c.approvals.length > 0)
    const violations: Violation[] = []
    for (let i = 0; i < counted.length; i++) {
      for (let j = i + 1; j < counted.length; j++) {
        const a = counted[i]!
        const b = counted[j]!
        for (const { d: x, people: px, institutions: ix } of a.approvals) {
          for (const { d: y, people: py, institutions: iy } of b.approvals) {
            const person = [...px].find((p) => py.has(p))
            const shared = [...ix].find((inst) => iy.has(inst))
            if (person === undefined && shared === undefined) continue
            violations.push({
              id: 'TK2',
              ...said(
                checkPhrase('tk2.counted', {
                  kind: person !== undefined ? 'principal' : 'institution',
                  id: (person ?? shared) as string,
                  first: { key: a.key, by: x.by, seat: x.seat },
                  second: { key: b.key, by: y.by, seat: y.seat },
                  revision: String(r.revisions[revision]?.n),
                }),
              ),
              event,
              details: { keys: [a.key, b.key], decisions: [x, y] },
            })
          }
        }
      }
    }
    return violations
  },
}
