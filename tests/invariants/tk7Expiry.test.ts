import { describe, expect, it } from 'vitest'
import { tk7Expiry } from '../../src/invariants/tk7Expiry.js'
import { day, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'
import { councilPolicy, threeKeyPolicy } from '../support/policies.js'

// The council's approvals live 7 days; its Presidential Administration key needs 2 of 3.
describe('TK7 expiry', () => {
  const turned = () =>
    new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1)).approve('pa-2', PA, day(2))

  it('holds: a turned key whose approvals age past the lifetime turns back', () => {
    const s = turned()
    expect(s.snapshot.value).toEqual(reviewValue('turned', 'pending'))
    s.send({ type: 'TICK', at: day(8) + 1 })
    expect(s.snapshot.value).toEqual(reviewValue('pending', 'pending'))
    expect(s.steps.flatMap((step) => tk7Expiry.check(councilPolicy, step))).toEqual([])
  })

  it('reports an approval that counted stale approvals', () => {
    const s = turned()
    const after = s.forge({ approvedAt: day(9), track: 'federal' }, 'federalRollout')
    const [violation] = tk7Expiry.check(councilPolicy, s.stepTo(s.decision('grigorenko', GA, day(9)), after))
    expect(violation?.message).toContain(`key "${PA}" counting approvals older than 7 days`)
  })

  it('reports a key left turned on stale approvals', () => {
    const s = turned()
    const after = s.forge({}, reviewValue('turned', 'pending'))
    expect(tk7Expiry.check(councilPolicy, s.stepTo({ type: 'TICK', at: day(9) }, after))).toHaveLength(1)
  })

  it('never reports when approvals do not expire', () => {
    const s = new Scenario(threeKeyPolicy).propose().submit().approve('oreshkin', PA, day(1))
    expect(tk7Expiry.check(threeKeyPolicy, s.stepTo({ type: 'TICK', at: day(900) }, s.snapshot))).toEqual([])
  })
})
