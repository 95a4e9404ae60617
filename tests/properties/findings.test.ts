import { describe, expect, it } from 'vitest'
import { tk10NoDeadEnds } from '../../src/invariants/tk10NoDeadEnds.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'
import { day, exportContent, GA, PA, Scenario } from '../support/fixtures.js'
import { crossHolderDocument, routingGapDocument } from '../support/policies.js'

// Gaps the property suite once found, each closed where the rule belongs; these pin the fixes.

describe('closed gaps', () => {
  it('TK2/TK11: a holder affiliated with another key’s institution is refused by the policy checks', () => {
    // With "liaison" (Presidential Administration, affiliated with the Government Apparatus) as a
    // holder, a deputy could launder the affiliation (TK2) and the key order decided the outcome (TK11).
    const parsed = PolicySchema.safeParse(crossHolderDocument())
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.message).join('\n')).toMatch(
      /"liaison" acts for key "presidential-administration" but also belongs to "government-apparatus"/,
    )
  })

  it('TK10: content that no routing rule takes is refused at proposal, so nothing is stuck in approved', () => {
    const parsed = PolicySchema.safeParse(routingGapDocument())
    expect(parsed.success).toBe(true)
    if (!parsed.success) return
    const s = new Scenario(parsed.data)
    expect(s.offer({ type: 'PROPOSE', by: 'minek', at: day(0), id: 'i1', content: exportContent })).toBe(
      false,
    )
    expect(tk10NoDeadEnds.check(parsed.data, s.machine, s.snapshot)).toEqual([])
    // The same policy still routes what it covers.
    const federal = new Scenario(parsed.data).propose().submit()
    federal.offer(federal.decision('oreshkin', PA, day(1)))
    federal.offer(federal.decision('grigorenko', GA, day(2)))
    expect(federal.snapshot.value).toBe('federalRollout')
  })
})
