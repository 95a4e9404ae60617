import { describe, expect, it } from 'vitest'
import { tk7Expiry } from '../../src/invariants/tk7Expiry.js'
import { tk8NoBypass } from '../../src/invariants/tk8NoBypass.js'
import { day, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'
import { councilPolicy, seedPolicy } from '../support/policies.js'

// Sharper tests found by mutation testing (`npm run mutation`): each pins what a violation tells
// a person — which key, which event, which times and counts — where the invariants' own tests
// only checked that the violation is raised.

describe('TK7 expiry says which key, when and how many were fresh', () => {
  // The council's approvals live 7 days; its Presidential Administration key needs 2 of 3.
  const turned = () =>
    new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1)).approve('pa-2', PA, day(2))

  it('at approval', () => {
    const s = turned()
    const after = s.forge({ approvedAt: day(9), track: 'federal' }, 'federalRollout')
    const violations = tk7Expiry.check(councilPolicy, s.stepTo(s.decision('grigorenko', GA, day(9)), after))
    expect(violations.map((v) => [v.id, v.message, v.details?.key, v.details?.approvedAt])).toEqual([
      [
        'TK7',
        `approved at ${new Date(day(9)).toISOString()} with key "${PA}" counting approvals older than 7 days: only 1 of 2 were fresh`,
        PA,
        day(9),
      ],
    ])
  })

  it('in review', () => {
    const s = turned()
    const after = s.forge({}, reviewValue('turned', 'pending'))
    const violations = tk7Expiry.check(councilPolicy, s.stepTo({ type: 'TICK', at: day(9) }, after))
    expect(violations.map((v) => [v.id, v.message, v.details?.key, v.details?.now])).toEqual([
      [
        'TK7',
        `key "${PA}" still shows turned at ${new Date(day(9)).toISOString()} with only 1 of 2 approvals younger than 7 days`,
        PA,
        day(9),
      ],
    ])
  })
})

describe('TK8 no bypass says which event turned which key, and from what', () => {
  it('names the event, the decision and the key state before', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const turned = s.forge({}, reviewValue('turned', 'pending'))
    const messages = (event: Parameters<Scenario['stepTo']>[0]) =>
      tk8NoBypass.check(seedPolicy, s.stepTo(event, turned)).map((v) => v.message)
    expect(messages({ type: 'TICK', at: day(1) })).toEqual([`a TICK turned key "${PA}" (was pending)`])
    expect(messages(s.decision('oreshkin', PA, day(1), 'refuse'))).toEqual([
      `a DECIDE (refuse of "${PA}") turned key "${PA}" (was pending)`,
    ])
  })

  it('names the stage when the key was not in review before', () => {
    const s = new Scenario(seedPolicy).propose()
    const turned = s.forge({}, reviewValue('turned', 'pending'))
    expect(
      tk8NoBypass.check(seedPolicy, s.stepTo({ type: 'TICK', at: day(1) }, turned)).map((v) => v.message),
    ).toEqual([`a TICK turned key "${PA}" (was not in review but "draft")`])
  })
})
