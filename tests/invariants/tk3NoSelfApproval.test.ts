import { describe, expect, it } from 'vitest'
import type { Decision } from '../../machines/InitiativeContext.js'
import { tk3NoSelfApproval } from '../../src/invariants/tk3NoSelfApproval.js'
import { day, GA, Scenario, stepOf } from '../support/fixtures.js'
import { councilPolicy } from '../support/policies.js'

describe('TK3 no self-approval', () => {
  // In the council variant "ga-2" both holds the Government Apparatus key and may sponsor.
  const sponsored = () => new Scenario(councilPolicy).propose('ga-2').submit()
  const decision = (s: Scenario, d: Partial<Decision>): Decision => ({
    key: GA,
    by: 'ga-2',
    seat: 'ga-2',
    institutions: [GA],
    revision: s.revision,
    decision: 'approve',
    at: day(1),
    ...d,
  })

  it('holds: the machine refuses the sponsor turning its own key', () => {
    const s = sponsored()
    expect(s.snapshot.can(s.decision('ga-2', GA, day(1)))).toBe(false)
    s.approve('grigorenko', GA, day(1))
    expect(tk3NoSelfApproval.check(councilPolicy, s.lastStep)).toEqual([])
  })

  it('reports an approval by the sponsor', () => {
    const s = sponsored()
    const after = s.forge({ decisions: [decision(s, {})] })
    const violations = tk3NoSelfApproval.check(
      councilPolicy,
      stepOf(s.snapshot, s.decision('ga-2', GA, day(1)), after),
    )
    expect(violations.map((v) => v.id)).toEqual(['TK3'])
  })

  it("reports an approval by a deputy on the sponsor's seat", () => {
    const s = sponsored()
    const after = s.forge({ decisions: [decision(s, { by: 'ga-aide' })] })
    const [violation] = tk3NoSelfApproval.check(
      councilPolicy,
      stepOf(s.snapshot, s.decision('ga-aide', GA, day(1)), after),
    )
    expect(violation?.message).toBe(
      '"ga-aide" approved key "government-apparatus" on the seat of the sponsor "ga-2"',
    )
  })

  it('does not count a refusal by the sponsor as turning a key', () => {
    const s = sponsored()
    const after = s.forge({ decisions: [decision(s, { decision: 'refuse' })] })
    expect(
      tk3NoSelfApproval.check(councilPolicy, stepOf(s.snapshot, s.decision('ga-2', GA, day(1)), after)),
    ).toEqual([])
  })
})
