import { describe, expect, it } from 'vitest'
import type { Decision } from '../../machines/InitiativeContext.js'
import type { EventOf } from '../../src/domain/InitiativeEvent.js'
import { tk6Authority } from '../../src/invariants/tk6Authority.js'
import { DAY } from '../support/arbitraries.js'
import { day, PA, Scenario, stepOf } from '../support/fixtures.js'
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

describe('TK6 authority', () => {
  it('holds for a holder, and for a deputy inside its delegation window', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .send(delegate(day(1), day(3)))
      .approve('pa-aide', PA, day(2))
    expect(s.snapshot.context.decisions[0]?.seat).toBe('oreshkin')
    expect(s.steps.flatMap((step) => tk6Authority.check(seedPolicy, step))).toEqual([])
  })

  const forgedDecision = (s: Scenario, d: Partial<Decision>) => {
    const decision: Decision = {
      key: PA,
      by: 'pa-aide',
      seat: 'oreshkin',
      institutions: [PA],
      revision: s.revision,
      decision: 'approve',
      at: day(2),
      ...d,
    }
    return stepOf(s.snapshot, s.decision(decision.by, PA, decision.at), s.forge({ decisions: [decision] }))
  }

  it('reports a decision by someone who holds no key', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const violations = tk6Authority.check(seedPolicy, forgedDecision(s, { by: 'outsider', seat: 'outsider' }))
    expect(violations.map((v) => v.id)).toEqual(['TK6'])
  })

  it('reports a deputy acting outside its window, or without a delegation', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .send(delegate(day(1), day(3)))
    expect(tk6Authority.check(seedPolicy, forgedDecision(s, { at: day(3) }))).toHaveLength(1)
    expect(tk6Authority.check(seedPolicy, forgedDecision(s, { at: day(1) - 1 }))).toHaveLength(1)
    expect(
      tk6Authority.check(seedPolicy, forgedDecision(new Scenario(seedPolicy).propose().submit(), {})),
    ).toHaveLength(1)
  })

  it('reports a decision that relies on a delegation recorded in the same step', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const delegation = {
      key: PA,
      holder: 'oreshkin',
      deputy: 'pa-aide',
      from: day(1),
      until: day(3),
      at: day(1),
    }
    const decision: Decision = {
      key: PA,
      by: 'pa-aide',
      seat: 'oreshkin',
      institutions: [PA],
      revision: s.revision,
      decision: 'approve',
      at: day(2),
    }
    const after = s.forge({ decisions: [decision], delegations: [delegation] })
    expect(
      tk6Authority.check(seedPolicy, stepOf(s.snapshot, s.decision('pa-aide', PA, day(2)), after)),
    ).toHaveLength(1)
  })

  it('reports delegations the policy does not allow', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const check = (event: EventOf<'DELEGATE'>, holder = event.by) =>
      tk6Authority.check(
        seedPolicy,
        stepOf(
          s.snapshot,
          event,
          s.forge({
            delegations: [
              {
                key: event.key,
                holder,
                deputy: event.deputy,
                from: event.from,
                until: event.until,
                at: event.at,
              },
            ],
          }),
        ),
      )
    expect(check(delegate(day(1), day(1) + 14 * DAY))).toEqual([])
    expect(check(delegate(day(1), day(1) + 14 * DAY + 1))[0]?.message).toContain(
      'longer than the 14 days allowed',
    )
    expect(check(delegate(day(1), day(3), 'oreshkin', 'minek'))[0]?.message).toContain('may not be deputy')
    expect(check(delegate(day(1), day(3), 'grigorenko'))[0]?.message).toContain('does not hold key')
    expect(check(delegate(day(1), day(3), 'pa-aide'), 'oreshkin')[0]?.message).toContain('made by "pa-aide"')
  })

  it('reports a delegation on a key that allows no deputies', () => {
    const s = new Scenario(threeKeyPolicy).propose().submit()
    const delegation = {
      key: 'security-council',
      holder: 'sc-secretary',
      deputy: 'sc-aide',
      from: day(1),
      until: day(2),
      at: day(1),
    }
    const event: EventOf<'DELEGATE'> = { type: 'DELEGATE', by: 'sc-secretary', ...delegation }
    const after = s.forge({ delegations: [delegation] })
    expect(s.snapshot.can(event)).toBe(false)
    expect(tk6Authority.check(threeKeyPolicy, stepOf(s.snapshot, event, after))[0]?.message).toContain(
      'allows no deputies',
    )
  })
})
