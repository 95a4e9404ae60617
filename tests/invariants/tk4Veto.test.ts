import { describe, expect, it } from 'vitest'
import { tk4Veto } from '../../src/invariants/tk4Veto.js'
import { day, federalContent, GA, PA, Scenario, stepOf } from '../support/fixtures.js'
import { councilPolicy, seedPolicy } from '../support/policies.js'

describe('TK4 veto', () => {
  it('holds: a vetoed revision returns, and only a new revision is approved', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    s.send(s.decision('grigorenko', GA, day(1), 'refuse'))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
    s.send({ type: 'AMEND', by: 'minek', at: day(2), content: { ...federalContent, summary: 'revised' } })
    s.approve('oreshkin', PA, day(3)).approve('grigorenko', GA, day(4))
    expect(s.snapshot.value).toBe('federalRollout')
    expect(s.steps.flatMap((step) => tk4Veto.check(seedPolicy, step))).toEqual([])
  })

  it('reports approval of a revision a veto key refused', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    s.send(s.decision('grigorenko', GA, day(1), 'refuse'))
    const after = s.forge({ approvedAt: day(2), track: 'federal' }, 'federalRollout')
    const violations = tk4Veto.check(
      seedPolicy,
      stepOf(s.snapshot, s.decision('oreshkin', PA, day(2)), after),
    )
    expect(violations.map((v) => v.id)).toEqual(['TK4'])
  })

  it('does not treat a refusal on a key without veto as a veto', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.send(s.decision('pa-3', PA, day(1), 'refuse'))
    const after = s.forge({ approvedAt: day(2), track: 'federal' }, 'federalRollout')
    expect(
      tk4Veto.check(councilPolicy, stepOf(s.snapshot, s.decision('oreshkin', PA, day(2)), after)),
    ).toEqual([])
  })

  it('reports a refusal that disappears', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.send(s.decision('pa-3', PA, day(1), 'refuse'))
    const after = s.forge({ decisions: [] })
    const [violation] = tk4Veto.check(councilPolicy, stepOf(s.snapshot, { type: 'TICK', at: day(2) }, after))
    expect(violation?.message).toContain('was removed or changed')
  })
})
