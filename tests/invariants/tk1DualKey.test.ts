import { describe, expect, it } from 'vitest'
import { tk1DualKey } from '../../src/invariants/tk1DualKey.js'
import { day, federalContent, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'
import { councilPolicy, seedPolicy } from '../support/policies.js'

const ids = (vs: { id: string }[]) => vs.map((v) => v.id)

describe('TK1 dual-key', () => {
  it('holds when both co-chairs approved the current revision', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    expect(s.snapshot.value).toBe('federalRollout')
    expect(s.steps.flatMap((step) => tk1DualKey.check(seedPolicy, step))).toEqual([])
  })

  it('reports an approval with one key not turned', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const after = s.forge({ approvedAt: day(1), track: 'federal' }, 'federalRollout')
    const violations = tk1DualKey.check(seedPolicy, s.stepTo(s.decision('oreshkin', PA, day(1)), after))
    expect(ids(violations)).toEqual(['TK1'])
    expect(violations[0]?.message).toContain('key "government-apparatus" not turned')
  })

  it('reports a rollout that no approval led to', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const after = s.forge({ track: 'federal' }, 'federalRollout')
    expect(ids(tk1DualKey.check(seedPolicy, s.stepTo({ type: 'TICK', at: day(1) }, after)))).toEqual([
      'TK1',
      'TK1',
    ])
  })

  it('does not count approvals on an older revision, revoked ones, or ones by non-holders', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    // Revision 2: Oreshkin's approval above was on revision 1.
    s.send({ type: 'AMEND', by: 'minek', at: day(1), content: { ...federalContent, budget: 7 } })
    s.force({ type: 'REVOKE', by: 'oreshkin', at: day(1), key: PA })
    s.force(s.decision('pa-aide', PA, day(1)))
    s.force(s.decision('oreshkin', PA, day(1))).force({ type: 'REVOKE', by: 'oreshkin', at: day(1), key: PA })
    s.approve('grigorenko', GA, day(2))
    const violations = tk1DualKey.check(
      seedPolicy,
      s.stepTo({ type: 'TICK', at: day(2) }, s.forge({ approvedAt: day(2) }, 'completed')),
    )
    expect(violations.map((v) => v.details?.key)).toEqual([PA])
  })

  it('reports a rollout of content amended substantively after approval', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    const amend = {
      type: 'AMEND' as const,
      by: 'minek',
      at: day(3),
      content: { ...federalContent, budget: 1e9 },
    }
    const [violation] = tk1DualKey.check(seedPolicy, s.stepTo(amend, s.snapshot))
    expect(violation?.message).toMatch(
      /^the initiative is in "federalRollout" on revision 2 \([0-9a-f]{12}\), but was approved on revision 1 and amended substantively since$/,
    )
    const typo = { ...amend, content: { ...federalContent, title: 'Renamed' } }
    expect(tk1DualKey.check(seedPolicy, s.stepTo(typo, s.snapshot))).toEqual([])
  })

  it('reports a key shown turned in review without its quorum (2 of 3)', () => {
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    expect(s.snapshot.value).toEqual(reviewValue('pending', 'pending'))
    const forged = s.forge({}, reviewValue('turned', 'pending'))
    const before = new Scenario(councilPolicy).propose().submit()
    expect(ids(tk1DualKey.check(councilPolicy, before.stepTo(s.lastStep.event, forged)))).toEqual(['TK1'])
    expect(tk1DualKey.check(councilPolicy, s.lastStep)).toEqual([])
  })
})
