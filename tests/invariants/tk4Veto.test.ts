import { describe, expect, it } from 'vitest'
import { tk4Veto } from '../../src/invariants/tk4Veto.js'
import { day, federalContent, GA, PA, Scenario } from '../support/fixtures.js'
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
    const violations = tk4Veto.check(seedPolicy, s.stepTo(s.decision('oreshkin', PA, day(2)), after))
    expect(violations.map((v) => v.message)).toEqual([
      expect.stringMatching(
        /^revision 1 \([0-9a-f]{12}\) was approved although "grigorenko" refused it for key "government-apparatus", which has veto$/,
      ),
    ])
  })

  it('does not treat a refusal on a key without veto, or on an earlier revision, as a veto', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.send(s.decision('pa-3', PA, day(1), 'refuse'))
    const after = s.forge({ approvedAt: day(2), track: 'federal' }, 'federalRollout')
    expect(tk4Veto.check(councilPolicy, s.stepTo(s.decision('oreshkin', PA, day(2)), after))).toEqual([])
    const t = new Scenario(seedPolicy).propose().submit()
    t.send(t.decision('grigorenko', GA, day(1), 'refuse'))
    t.send({ type: 'AMEND', by: 'minek', at: day(2), content: { ...federalContent, summary: 'revised' } })
    const approved = t.forge({}, 'federalRollout')
    expect(tk4Veto.check(seedPolicy, t.stepTo(t.decision('oreshkin', PA, day(2)), approved))).toEqual([])
  })

  it('reports a refusal the machine forgot: the recorded event still counts', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.send(s.decision('grigorenko', GA, day(1), 'refuse'))
    const forgot = s.forge({ decisions: [] }, 'federalRollout')
    const [violation] = tk4Veto.check(councilPolicy, s.stepTo({ type: 'TICK', at: day(2) }, forgot))
    expect(violation?.message).toContain('although "grigorenko" refused it')
  })
})
