import { describe, expect, it } from 'vitest'
import type { EventOf } from '../../src/domain/InitiativeEvent.js'
import { tk6Authority } from '../../src/invariants/tk6Authority.js'
import { DAY } from '../support/arbitraries.js'
import { day, PA, Scenario } from '../support/fixtures.js'
import { seedPolicy, threeKeyPolicy } from '../support/policies.js'

const delegate = (from: number, until: number, by = 'oreshkin', deputy = 'pa-aide'): EventOf<'DELEGATE'> => ({
  type: 'DELEGATE',
  by,
  at: from,
  key: PA,
  deputy,
  from,
  until,
})
const submitted = () => new Scenario(seedPolicy).propose().submit()
const check = (s: Scenario) => tk6Authority.check(s.policy, s.lastStep)

describe('TK6 authority', () => {
  it('holds for a holder, and for a deputy inside its delegation window', () => {
    const s = submitted()
      .send(delegate(day(1), day(3)))
      .approve('pa-aide', PA, day(2))
    expect(s.recorded.decisions[0]?.seat).toBe('oreshkin')
    expect(s.steps.flatMap((step) => tk6Authority.check(seedPolicy, step))).toEqual([])
  })

  it('reports a decision by someone who holds no key', () => {
    const s = submitted()
    s.force(s.decision('outsider', PA, day(2)))
    expect(check(s).map((v) => v.id)).toEqual(['TK6'])
  })

  it('reports a deputy acting outside its window, or without a delegation', () => {
    // Named on day 1 for days 2 to 4: the deputy acts once before and once at the window's end.
    const windowed = () => submitted().send({ ...delegate(day(2), day(4)), at: day(1) })
    for (const at of [day(1), day(4)]) {
      const s = windowed()
      s.force(s.decision('pa-aide', PA, at))
      expect(check(s)).toHaveLength(1)
    }
    const s = submitted()
    s.force(s.decision('pa-aide', PA, day(2)))
    expect(check(s)[0]?.message).toBe(
      'an approval of key "presidential-administration" was recorded without authority: "pa-aide" does not hold key "presidential-administration" (holders: "oreshkin") and no allowed delegation recorded before it covers 2025-01-03T00:00:00.000Z',
    )
  })

  it('judges a decision at the clock’s time when it is dated earlier', () => {
    // Dated inside the window, but the clock is already past its end.
    const s = submitted()
      .send(delegate(day(1), day(3)))
      .send({ type: 'TICK', at: day(4) })
    s.force(s.decision('pa-aide', PA, day(2)))
    expect(s.recorded.decisions[0]?.at).toBe(day(4))
    expect(check(s)).toHaveLength(1)
  })

  it('reports delegations the policy does not allow', () => {
    const problem = (event: EventOf<'DELEGATE'>) => check(submitted().force(event))[0]?.message
    expect(problem(delegate(day(1), day(1) + 14 * DAY))).toBeUndefined()
    expect(problem(delegate(day(1), day(1) + 14 * DAY + 1))).toContain('longer than the 14 days allowed')
    expect(problem(delegate(day(1), day(3), 'oreshkin', 'minek'))).toContain('may not be deputy')
    expect(problem(delegate(day(1), day(3), 'grigorenko'))).toContain('"grigorenko" does not hold key')
    expect(problem(delegate(day(1), day(3), 'pa-aide', 'pa-aide'))).toContain('"pa-aide" does not hold key')
  })

  it('reports a delegation on a key that allows no deputies', () => {
    const s = new Scenario(threeKeyPolicy).propose().submit()
    const event: EventOf<'DELEGATE'> = {
      type: 'DELEGATE',
      by: 'sc-secretary',
      at: day(1),
      key: 'security-council',
      deputy: 'sc-aide',
      from: day(1),
      until: day(2),
    }
    expect(s.snapshot.can(event)).toBe(false)
    expect(check(s.force(event))[0]?.message).toContain('allows no deputies')
  })
})
