import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { canReachFinal, finalAlphabet, tk10NoDeadEnds } from '../../src/invariants/tk10NoDeadEnds.js'
import { day, exportContent, GA, PA, regionalContent, Scenario } from '../support/fixtures.js'
import { routingGapPolicy, seedPolicy } from '../support/policies.js'

const types = (events: { type: string }[]) => events.map((e) => e.type)

describe('TK10 no dead ends', () => {
  it('finds the way out of idle, review and a regional rollout', () => {
    const alphabet = finalAlphabet(seedPolicy)
    const idle = new Scenario(seedPolicy)
    expect(types(canReachFinal(idle.machine, idle.snapshot, alphabet).path)).toEqual(['PROPOSE', 'WITHDRAW'])
    const review = new Scenario(seedPolicy).propose().submit()
    expect(types(canReachFinal(review.machine, review.snapshot, alphabet).path)).toEqual(['WITHDRAW'])
    const rollout = new Scenario(seedPolicy, undefined)
      .propose('minek', regionalContent)
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    expect(rollout.snapshot.value).toBe('regionalRollout')
    const found = canReachFinal(rollout.machine, rollout.snapshot, alphabet)
    expect(found.path.map((e) => (e.type === 'RESPOND' ? e.region : e.type))).toEqual([
      'tatarstan',
      'novosibirsk',
    ])
    expect(tk10NoDeadEnds.check(seedPolicy, rollout.machine, rollout.snapshot)).toEqual([])
  })

  it('reports an export initiative stuck in approved when no routing rule takes it', () => {
    // The machine refuses unroutable content at proposal; without that rule the gap is a dead end.
    const unguarded = createInitiativeMachine(routingGapPolicy).provide({
      guards: { contentIsRoutable: () => true },
    })
    const s = new Scenario(routingGapPolicy, unguarded).propose('minek', exportContent).submit()
    s.approve('oreshkin', PA, day(1)).approve('grigorenko', GA, day(2))
    expect(s.snapshot.value).toBe('approved')
    expect(canReachFinal(s.machine, s.snapshot, finalAlphabet(routingGapPolicy)).reachable).toBe(false)
    expect(tk10NoDeadEnds.check(routingGapPolicy, s.machine, s.snapshot).map((v) => v.id)).toEqual(['TK10'])
  })

  it('is bounded by the depth it is given', () => {
    const s = new Scenario(seedPolicy).propose('minek', exportContent).submit()
    s.approve('oreshkin', PA, day(1)).approve('grigorenko', GA, day(2))
    expect(s.snapshot.value).toBe('exportRollout')
    expect(canReachFinal(s.machine, s.snapshot, finalAlphabet(seedPolicy), 1).reachable).toBe(false)
    expect(canReachFinal(s.machine, s.snapshot, finalAlphabet(seedPolicy), 2).reachable).toBe(true)
  })
})
