import { describe, expect, it } from 'vitest'
import { checkInvariants, INVARIANTS } from '../../src/invariants/invariants.js'
import { day, GA, PA, Scenario } from '../support/fixtures.js'
import { seedPolicy } from '../support/policies.js'

describe('the invariants registry', () => {
  it("lists DESIGN.md's table in order", () => {
    expect(INVARIANTS.map((i) => `${i.id} ${i.name}`)).toEqual([
      'TK1 dual-key',
      'TK2 distinct',
      'TK3 no self-approval',
      'TK4 veto',
      'TK5 fresh',
      'TK6 authority',
      'TK7 expiry',
      'TK8 no bypass',
      'TK9 routing',
      'TK10 no dead ends',
      'TK11 order-free',
      'TK12 replay',
      'TK13 reach',
    ])
    expect(INVARIANTS.every((i) => i.statement.length > 20)).toBe(true)
  })

  it('returns every violation of a step as data', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    expect(s.steps.flatMap((step) => checkInvariants(seedPolicy, step))).toEqual([])
    const after = s.forge({ approvedAt: day(2), track: 'export' }, 'exportRollout')
    const ids = checkInvariants(seedPolicy, s.stepTo({ type: 'TICK', at: day(2) }, after)).map((v) => v.id)
    expect(new Set(ids)).toEqual(new Set(['TK1', 'TK8', 'TK9']))
  })

  it("judges by the recorded events, not by what the machine's context claims", () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const [oreshkin] = s.snapshot.context.decisions
    if (oreshkin === undefined) throw new Error('no decision')
    // A context that lists Grigorenko's approval too, with an approval time: no event records it.
    const grigorenko = { ...oreshkin, key: GA, by: 'grigorenko', seat: 'grigorenko', institutions: [GA] }
    const lying = s.forge(
      { decisions: [oreshkin, grigorenko], approvedAt: day(2), track: 'federal' },
      'federalRollout',
    )
    const violations = checkInvariants(seedPolicy, s.stepTo(s.decision('oreshkin', PA, day(2)), lying))
    expect(violations.map((v) => v.message)).toContain(
      'approved on revision 1 with key "government-apparatus" not turned: 0 of 1 required holder seats approved it',
    )
  })
})
