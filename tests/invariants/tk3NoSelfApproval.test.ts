import { describe, expect, it } from 'vitest'
import { tk3NoSelfApproval } from '../../src/invariants/tk3NoSelfApproval.js'
import { day, GA, Scenario } from '../support/fixtures.js'
import { councilPolicy } from '../support/policies.js'

describe('TK3 no self-approval', () => {
  // In the council variant "ga-2" both holds the Government Apparatus key and may sponsor.
  const sponsored = () => new Scenario(councilPolicy).propose('ga-2').submit()
  const check = (s: Scenario) => tk3NoSelfApproval.check(councilPolicy, s.lastStep)

  it('holds: the machine refuses the sponsor turning its own key', () => {
    const s = sponsored()
    expect(s.snapshot.can(s.decision('ga-2', GA, day(1)))).toBe(false)
    s.approve('grigorenko', GA, day(1))
    expect(check(s)).toEqual([])
  })

  it('reports an approval by the sponsor', () => {
    const s = sponsored()
    s.force(s.decision('ga-2', GA, day(1)))
    expect(check(s).map((v) => v.id)).toEqual(['TK3'])
  })

  it("reports an approval by a deputy on the sponsor's seat", () => {
    const s = sponsored()
    s.send({
      type: 'DELEGATE',
      by: 'ga-2',
      at: day(1),
      key: GA,
      deputy: 'ga-aide',
      from: day(1),
      until: day(2),
    })
    s.force(s.decision('ga-aide', GA, day(1)))
    const [violation] = check(s)
    expect(violation?.message).toBe(
      '"ga-aide" approved key "government-apparatus" on the seat of the sponsor "ga-2"',
    )
  })

  it('does not count a refusal by the sponsor as turning a key', () => {
    const s = sponsored()
    s.force(s.decision('ga-2', GA, day(1), 'refuse'))
    expect(check(s)).toEqual([])
  })
})
