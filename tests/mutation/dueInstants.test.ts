import { describe, expect, it } from 'vitest'
import { approvalExpiry, dueInstants } from '../../machines/dueInstants.js'
import { DAY_MS } from '../../machines/facts.js'
import type { Decision, InitiativeContext } from '../../machines/InitiativeContext.js'
import { GA, PA, Scenario } from '../support/fixtures.js'
import { seedPolicy } from '../support/policies.js'

// Sharper tests found by mutation testing (`npm run mutation -- machines --mutate
// machines/dueInstants.ts`): which approvals have an expiry a tick must fire at.

const base = new Scenario(seedPolicy).propose().submit().snapshot.context
const CURRENT = base.revision.hash

const decision = (patch: Partial<Decision>): Decision => ({
  key: PA,
  by: 'oreshkin',
  seat: 'oreshkin',
  institutions: [PA],
  revision: CURRENT,
  decision: 'approve',
  at: 2 * DAY_MS,
  ...patch,
})

const due = (decisions: Decision[], patch: Partial<InitiativeContext> = {}, policy = seedPolicy) =>
  dueInstants(policy, { ...base, deadline: 30 * DAY_MS, decisions, ...patch })

describe('the instants a tick may change the state', () => {
  it('the deadline and the expiry of each standing approval of the current revision, in time order', () => {
    const early = decision({ key: GA, by: 'grigorenko', seat: 'grigorenko', at: 1 * DAY_MS })
    expect(due([decision({}), early])).toEqual(
      [approvalExpiry(seedPolicy, 1 * DAY_MS), approvalExpiry(seedPolicy, 2 * DAY_MS), 30 * DAY_MS].sort(
        (a, b) => a - b,
      ),
    )
  })

  it('no expiry for a refusal, a revoked approval or an approval of an earlier revision', () => {
    expect(due([decision({ decision: 'refuse' })])).toEqual([30 * DAY_MS])
    expect(due([decision({ revokedAt: 3 * DAY_MS })])).toEqual([30 * DAY_MS])
    expect(due([decision({ revision: `${CURRENT}-earlier` })])).toEqual([30 * DAY_MS])
  })

  it('no expiry at all when approvals never expire, and none without a deadline', () => {
    const forever = { ...seedPolicy, approvals: { ...seedPolicy.approvals, lifetimeDays: null } }
    expect(due([decision({})], {}, forever)).toEqual([30 * DAY_MS])
    expect(due([], { deadline: null })).toEqual([])
  })
})
