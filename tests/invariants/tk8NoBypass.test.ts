import { describe, expect, it } from 'vitest'
import { tk8NoBypass } from '../../src/invariants/tk8NoBypass.js'
import { day, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'
import { seedPolicy } from '../support/policies.js'

describe('TK8 no bypass', () => {
  it('holds: approvals turn keys; ticks through plenary and lapse turn nothing', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.send({ type: 'TICK', at: day(31) }).send({ type: 'TICK', at: day(45) })
    expect(s.snapshot.value).toBe('lapsed')
    const t = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    expect([...s.steps, ...t.steps].flatMap((step) => tk8NoBypass.check(seedPolicy, step))).toEqual([])
  })

  it('reports a TICK that approves', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const after = s.forge({ approvedAt: day(45), track: 'federal' }, 'federalRollout')
    const violations = tk8NoBypass.check(seedPolicy, s.stepTo({ type: 'TICK', at: day(45) }, after))
    expect(violations.map((v) => v.message)).toEqual([
      'a TICK moved the initiative from "review" to "federalRollout"; only an approval may',
    ])
  })

  it('reports a key turned by anything but its own approval', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const turned = s.forge({}, reviewValue('turned', 'pending'))
    const events = [
      { type: 'TICK' as const, at: day(1) },
      s.decision('grigorenko', GA, day(1)),
      s.decision('oreshkin', PA, day(1), 'refuse'),
    ]
    for (const event of events) {
      expect(tk8NoBypass.check(seedPolicy, s.stepTo(event, turned)).map((v) => v.id)).toEqual(['TK8'])
    }
    expect(tk8NoBypass.check(seedPolicy, s.stepTo(s.decision('oreshkin', PA, day(1)), turned))).toEqual([])
  })
})
