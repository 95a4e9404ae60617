import { describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'
import {
  approvedByBoth,
  day,
  exportContent,
  federalContent,
  GA,
  PA,
  regionalContent,
  Scenario,
} from '../support/fixtures.js'
import { reachPolicy } from '../support/policies.js'

// Mutation testing of machines/initiative.ts lines 261–380 (README "Tests that would notice"): the
// chart after the key regions — a substantive amendment in review, the returned state, the rollouts
// — had places no test in Stryker's suite looked at.

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const tick = (at: number) => ({ type: 'TICK', at }) as const

describe('the chart around the review', () => {
  it('a substantive amendment in review starts every key again, a turned one too (TK5)', () => {
    const s = new Scenario(twoKeys).propose('minzifry').submit().approve('oreshkin', PA, day(1))
    expect(s.snapshot.value).toMatchObject({ open: { review: { [PA]: 'turned' } } })
    s.send({ type: 'AMEND', by: 'minzifry', at: day(2), content: { ...federalContent, summary: 'new' } })
    expect(s.snapshot.value).toMatchObject({ open: { review: { [PA]: 'pending', [GA]: 'pending' } } })
  })

  it('returned: only the sponsor amends; a title fix stays returned; time moves on', () => {
    const s = new Scenario(twoKeys).propose('minzifry').submit()
    s.send(s.decision('oreshkin', PA, day(1), 'refuse'))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
    const retitled = { ...federalContent, title: 'GPU cluster, phase 2' }
    expect(s.snapshot.can({ type: 'AMEND', by: 'minek', at: day(2), content: retitled })).toBe(false)
    s.send({ type: 'AMEND', by: 'minzifry', at: day(2), content: retitled })
    expect(s.snapshot.value).toEqual({ open: 'returned' })
    expect(s.snapshot.context.content?.title).toBe('GPU cluster, phase 2')
    s.send(tick(day(5)))
    expect(s.snapshot.context.now).toBe(day(5))
  })

  it('approval with a conditional key turned, not waived: all three keys (president-over-10bn)', () => {
    const policy = loadPolicyFile('machines/policies/president-over-10bn.yaml')
    const s = new Scenario(policy).propose('minzifry', { ...federalContent, budget: 20_000_000_000 }).submit()
    s.approve('oreshkin', PA, day(1)).approve('grigorenko', GA, day(1))
    expect(s.snapshot.value).toMatchObject({ open: { review: { president: 'pending' } } })
    s.approve('president', 'president', day(2))
    expect(s.snapshot.value).toBe('federalRollout')
  })

  it('a substantive amendment across a condition asks a waived key again (the review is entered anew)', () => {
    // Approvals that stop counting return a turned key to pending by themselves; a waived key
    // has no rule of its own that brings it back, only entering the review again does.
    const policy = loadPolicyFile('machines/policies/president-over-10bn.yaml')
    const s = new Scenario(policy).propose('minzifry', { ...federalContent, budget: 1_000_000_000 }).submit()
    expect(s.snapshot.value).toMatchObject({ open: { review: { president: 'waived' } } })
    s.send({
      type: 'AMEND',
      by: 'minzifry',
      at: day(2),
      content: { ...federalContent, budget: 20_000_000_000 },
    })
    expect(s.snapshot.value).toMatchObject({ open: { review: { president: 'pending', [PA]: 'pending' } } })
    s.approve('oreshkin', PA, day(3)).approve('grigorenko', GA, day(3))
    expect(s.snapshot.value).toMatchObject({ open: { review: { president: 'pending' } } })
    s.approve('president', 'president', day(4))
    expect(s.snapshot.value).toBe('federalRollout')
  })
})

describe('the rollouts', () => {
  const approved = (content = federalContent) => approvedByBoth(twoKeys, content)

  it('time moves on in every rollout', () => {
    for (const [content, phase] of [
      [federalContent, 'federalRollout'],
      [regionalContent, 'regionalRollout'],
      [exportContent, 'exportRollout'],
    ] as const) {
      const s = approved(content)
      expect(s.snapshot.value).toBe(phase)
      s.send(tick(day(9)))
      expect(s.snapshot.context.now).toBe(day(9))
    }
  })

  it('a federal rollout answered by ministries: time moves on while it waits, and each named ministry answers', () => {
    const s = approvedByBoth(reachPolicy)
    expect(s.snapshot.value).toBe('federalRollout')
    s.send(tick(day(9)))
    expect(s.snapshot.context.now).toBe(day(9))
    expect(s.snapshot.can({ type: 'COMPLETE', by: 'minzifry', at: day(10) })).toBe(false)
    s.send({ type: 'MINISTRY', by: 'minzifry', at: day(10), ministry: 'minzifry', accept: true })
    expect(s.snapshot.value).toBe('completed')
  })

  it('a federal rollout without ministries is completed by its sponsor alone', () => {
    const s = approved()
    expect(s.snapshot.can({ type: 'COMPLETE', by: 'oreshkin', at: day(2) })).toBe(false)
    s.send({ type: 'COMPLETE', by: 'minzifry', at: day(2) })
    expect(s.snapshot.value).toBe('completed')
  })

  it('export by agencies where no key has a reach: the agency answers each named destination once', () => {
    const noReach = PolicySchema.parse({
      ...reachPolicy,
      id: 'seed-without-reach',
      keys: reachPolicy.keys.map(({ reach: _, ...k }) => k),
    })
    const s = approvedByBoth(noReach, exportContent)
    const agree = (by: string, destination: string) =>
      ({ type: 'DESTINATION', by, at: day(2), destination, agreed: true }) as const
    expect(s.snapshot.can(agree('minzifry', 'belarus'))).toBe(false)
    s.send(agree('mid', 'belarus'))
    expect(s.snapshot.can(agree('mid', 'belarus'))).toBe(false)
    expect(s.snapshot.can(agree('mid', 'kazakhstan'))).toBe(false)
    s.send(agree('mid', 'armenia'))
    expect(s.snapshot.value).toBe('completed')
  })
})
