import { describe, expect, it } from 'vitest'
import {
  DAY_MS,
  decisionInstitutions,
  institutionsOf,
  isFresh,
  matchingRoute,
  refusingSeats,
  rolloutTargets,
  seatFor,
} from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { exportContent, federalContent, PA, regionalContent, Scenario } from '../support/fixtures.js'
import { councilPolicy, seedPolicy } from '../support/policies.js'

// Sharper tests found by mutation testing (`npm run mutation -- machines --mutate
// machines/facts.ts`): the machine's own facts, each read against the policy's data.

const context = (patch: Partial<InitiativeContext>): InitiativeContext => ({
  ...new Scenario(seedPolicy).propose().snapshot.context,
  ...patch,
})

describe('the facts the guards read', () => {
  it('an approval counts to the end of its lifetime, to the millisecond', () => {
    const lifetime = (seedPolicy.approvals.lifetimeDays ?? 0) * DAY_MS
    expect(isFresh(seedPolicy, 0, lifetime)).toBe(true)
    expect(isFresh(seedPolicy, 0, lifetime + 1)).toBe(false)
  })

  it('refusing seats are the seats that refused, not those that approved', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.send(s.decision('pa-2', PA, 1, 'approve')).send(s.decision('oreshkin', PA, 2, 'refuse'))
    expect([...refusingSeats(s.snapshot.context, PA)]).toEqual(['oreshkin'])
  })

  it('a rollout waits only on the targets its own track and scope name', () => {
    const targets = (track: InitiativeContext['track'], content: InitiativeContext['content']) =>
      rolloutTargets(seedPolicy, context({ track, content }))
    expect(targets('regional', regionalContent)).toEqual(
      regionalContent.scope.kind === 'regional' ? regionalContent.scope.regions : null,
    )
    expect(targets('export', exportContent)).toEqual(
      exportContent.scope.kind === 'export' ? exportContent.scope.destinations : null,
    )
    expect(targets('export', regionalContent)).toEqual([])
    expect(targets('regional', federalContent)).toEqual([])
    expect(targets('federal', exportContent)).toEqual([])
    expect(targets(null, regionalContent)).toEqual([])
  })

  it('a federal rollout waits on ministries only where the policy says ministries answer it', () => {
    const federal = context({ track: 'federal', content: federalContent })
    const byMinistries = {
      ...seedPolicy,
      rollout: { federal: 'ministries' as const, export: 'sponsor' as const },
    }
    expect(rolloutTargets(byMinistries, federal)).toEqual(['minzifry'])
    const bySponsor = { ...seedPolicy, rollout: { federal: 'sponsor' as const, export: 'sponsor' as const } }
    expect(rolloutTargets(bySponsor, federal)).toEqual([])
    // Before routing there is no track, also where ministries answer federal rollouts.
    expect(rolloutTargets(byMinistries, context({ track: null, content: federalContent }))).toEqual([])
  })

  it('a deputy has no seat on a key whose deputies the policy does not allow, whatever was recorded', () => {
    const key = seedPolicy.keys.find((k) => k.id === PA)
    if (key === undefined) throw new Error(`the seed policy has no key ${PA}`)
    const holder = key.holders[0] as string
    // A delegation in the context (as a history recorded under a policy that allowed deputies).
    const delegated = context({
      delegations: [{ key: PA, holder, deputy: 'aide-x', from: 0, until: 10 * DAY_MS, at: 0 }],
    })
    expect(
      seatFor(delegated, { ...key, deputies: { ...key.deputies, allowed: true } }, 'aide-x', DAY_MS),
    ).toBe(holder)
    expect(
      seatFor(delegated, { ...key, deputies: { ...key.deputies, allowed: false } }, 'aide-x', DAY_MS),
    ).toBe(null)
  })

  it('a decision on another’s seat speaks for the actor’s institutions and the holder’s', () => {
    const of = (id: string) => {
      const p = councilPolicy.principals.find((x) => x.id === id)
      return p === undefined ? [] : [p.institution, ...p.affiliations]
    }
    // Minek (a ministry) on Oreshkin's seat (the Presidential Administration): two institutions.
    expect(of('minek')).not.toEqual(of('oreshkin'))
    expect(new Set(decisionInstitutions(councilPolicy, 'minek', 'oreshkin'))).toEqual(
      new Set([...of('minek'), ...of('oreshkin')]),
    )
    expect(institutionsOf(undefined)).toEqual([])
  })

  it('no content, no route', () => {
    expect(matchingRoute(seedPolicy, context({ content: null }))).toBe(-1)
  })
})
