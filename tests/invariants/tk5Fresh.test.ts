import { describe, expect, it } from 'vitest'
import { tk5Fresh } from '../../src/invariants/tk5Fresh.js'
import { day, federalContent, PA, reviewValue, Scenario, stepOf } from '../support/fixtures.js'
import { seedPolicy } from '../support/policies.js'

describe('TK5 fresh', () => {
  it('holds: a substantive amendment resets the turned key, a title fix keeps it', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.send({ type: 'AMEND', by: 'minek', at: day(2), content: { ...federalContent, title: 'Renamed' } })
    expect(s.snapshot.value).toEqual(reviewValue('turned', 'pending'))
    s.send({ type: 'AMEND', by: 'minek', at: day(3), content: { ...federalContent, budget: 7 } })
    expect(s.snapshot.value).toEqual(reviewValue('pending', 'pending'))
    expect(s.steps.flatMap((step) => tk5Fresh.check(seedPolicy, step))).toEqual([])
  })

  it('reports a decision recorded on another revision than the current one', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const stale = { ...s.decision('oreshkin', PA, day(1)), revision: 'an-old-revision' }
    const after = s.forge({
      decisions: [
        {
          key: PA,
          by: 'oreshkin',
          seat: 'oreshkin',
          institutions: [PA],
          revision: 'an-old-revision',
          decision: 'approve',
          at: day(1),
        },
      ],
    })
    const violations = tk5Fresh.check(seedPolicy, stepOf(s.snapshot, stale, after))
    expect(violations.map((v) => v.id)).toEqual(['TK5'])
  })

  it('reports a key still turned after a substantive amendment', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const amend = {
      type: 'AMEND' as const,
      by: 'minek',
      at: day(2),
      content: { ...federalContent, budget: 7 },
    }
    const after = s.forge({ revision: { n: 2, hash: 'revision-2' } }, reviewValue('turned', 'pending'))
    const [violation] = tk5Fresh.check(seedPolicy, stepOf(s.snapshot, amend, after))
    expect(violation?.message).toContain(`key "${PA}" is "turned"`)
    expect(
      tk5Fresh.check(
        seedPolicy,
        stepOf(
          s.snapshot,
          amend,
          s.forge({ revision: { n: 2, hash: 'r2' } }, reviewValue('pending', 'pending')),
        ),
      ),
    ).toEqual([])
  })
})
