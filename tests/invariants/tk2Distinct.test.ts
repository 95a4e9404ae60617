import { describe, expect, it } from 'vitest'
import type { EventOf } from '../../src/domain/InitiativeEvent.js'
import { tk2Distinct } from '../../src/invariants/tk2Distinct.js'
import { PolicyShape } from '../../src/policy/PolicySchema.js'
import { day, federalContent, GA, PA, Scenario } from '../support/fixtures.js'
import { crossHolderDocument, dualPolicy, seedPolicy } from '../support/policies.js'

const crossPolicy = PolicyShape.parse(crossHolderDocument())
const delegate = (by: string, key: string, deputy: string, from = day(0)): EventOf<'DELEGATE'> => ({
  type: 'DELEGATE',
  by,
  at: from,
  key,
  deputy,
  from,
  until: from + 5 * 86_400_000,
})
const violations = (s: Scenario) => tk2Distinct.check(s.policy, s.lastStep)

describe('TK2 distinct', () => {
  it('holds for two co-chairs of two institutions', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    expect(s.steps.flatMap((step) => tk2Distinct.check(seedPolicy, step))).toEqual([])
  })

  it('reports one principal counting toward both keys', () => {
    // "minek" is named deputy by both co-chairs (the first delegation is not allowed) and uses both seats.
    const s = new Scenario(dualPolicy).propose('minzifry').submit()
    s.force(delegate('oreshkin', PA, 'minek')).send(delegate('grigorenko', GA, 'minek'))
    s.force(s.decision('minek', PA, day(1))).force(s.decision('minek', GA, day(2)))
    const [violation] = violations(s)
    expect(violation?.id).toBe('TK2')
    expect(violation?.message).toContain('principal "minek"')
  })

  it('reports an institution counting toward both keys through an affiliation', () => {
    const s = new Scenario(dualPolicy).propose('minzifry').submit()
    s.force(delegate('oreshkin', PA, 'minek')).force(s.decision('minek', PA, day(1)))
    s.force(s.decision('grigorenko', GA, day(2)))
    expect(violations(s).map((v) => v.message)).toEqual([
      expect.stringContaining('institution "government-apparatus"'),
    ])
  })

  it('counts the institutions of the holder whose seat a deputy used', () => {
    // "liaison" holds the Presidential Administration key and is of the Government Apparatus too.
    const s = new Scenario(crossPolicy).propose().submit()
    s.force(delegate('liaison', PA, 'pa-aide')).force(s.decision('pa-aide', PA, day(1)))
    s.force(s.decision('grigorenko', GA, day(2)))
    expect(s.recorded.decisions[0]?.seat).toBe('liaison')
    expect(violations(s)).toHaveLength(1)
  })

  it('ignores approvals that no longer count: stale, revoked or on another revision', () => {
    const minekForPa = (s: Scenario, at: number) =>
      s.force(delegate('oreshkin', PA, 'minek', at)).force(s.decision('minek', PA, at))
    const expired = minekForPa(new Scenario(dualPolicy).propose('minzifry').submit(), day(1))
    const revoked = minekForPa(new Scenario(dualPolicy).propose('minzifry').submit(), day(99)).force({
      type: 'REVOKE',
      by: 'minek',
      at: day(99),
      key: PA,
    })
    const amended = minekForPa(new Scenario(dualPolicy).propose('minzifry').submit(), day(99)).send({
      type: 'AMEND',
      by: 'minzifry',
      at: day(99),
      content: { ...federalContent, budget: 7 },
    })
    for (const s of [expired, revoked, amended]) {
      s.force(s.decision('grigorenko', GA, day(100)))
      expect(violations(s)).toEqual([])
    }
  })
})
