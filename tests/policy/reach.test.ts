import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { reachFor } from '../../src/policy/reach.js'
import { keyRegionLabels } from '../../src/render/keyRegionLabels.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { refusal } from '../support/refusal.js'

const seed = loadPolicyFile('machines/policies/seed.yaml')
const oneKey = loadPolicyFile('examples/policies/seed-one-key.yaml')
const PA = 'presidential-administration'
const GA = 'government-apparatus'

/** An engine on `policy`, an initiative proposed by minzifry with `scope`, approved by every key. */
async function approved(policy: Policy, scope: object, budget = 1_000_000) {
  const engine = createEngine({ policy, clock: manualClock('2026-03-02T09:00:00Z') })
  const { initiativeId: id } = await engine.propose({
    by: 'minzifry',
    title: 'GPU cloud',
    objective: 'infrastructure',
    scope: scope as never,
    budget,
  })
  await engine.submit(id, { by: 'minzifry' })
  for (const key of policy.keys) {
    if (key.appliesIf === undefined)
      await engine.decide(id, { by: key.holders[0] as string, key: key.id, decision: 'approve' })
  }
  return { engine, id }
}

describe('reach: who carries a decision out', () => {
  it('has each named ministry accept a federal rollout; the sponsor cannot complete it, nor a ministry answer for another', async () => {
    const { engine, id } = await approved(seed, { kind: 'federal', ministries: ['minzifry', 'minpromtorg'] })
    expect((await engine.status(id)).phase).toBe('federalRollout')
    expect((await engine.status(id)).rollout).toEqual([
      { target: 'minzifry', answer: 'pending' },
      { target: 'minpromtorg', answer: 'pending' },
    ])
    const complete = await refusal(engine.complete(id, { by: 'minzifry' }))
    expect(complete.message).toMatch(/COMPLETE is accepted in no phase under policy "seed"/)
    const other = await refusal(
      engine.ministry(id, { by: 'minzifry', ministry: 'minpromtorg', accept: true }),
    )
    expect(other.code).toBe('NOT_AUTHORIZED')
    expect(other.phrases?.map((p) => p.key)).toContain('rule.ministryOfPendingAnswer.notMinistry')
    const unnamed = await refusal(engine.ministry(id, { by: 'minek', ministry: 'minek', accept: true }))
    expect(unnamed.phrases?.map((p) => p.key)).toContain('rule.ministryOfPendingAnswer.notNamed')
    await engine.ministry(id, { by: 'minzifry', ministry: 'minzifry', accept: true })
    expect((await engine.status(id)).phase).toBe('federalRollout')
    await engine.ministry(id, { by: 'minpromtorg', ministry: 'minpromtorg', accept: false })
    const status = await engine.status(id)
    expect(status.phase).toBe('completed')
    expect(status.rollout).toEqual([
      { target: 'minzifry', answer: 'accepted' },
      { target: 'minpromtorg', answer: 'declined' },
    ])
  })

  it.each([
    [[], 'content.noMinistry'],
    [['gov-tatarstan'], 'content.notMinistry'],
    [['minzifry', 'minzifry'], 'content.ministryTwice'],
  ])('refuses a federal proposal naming ministries %j: %s', async (ministries, key) => {
    const engine = createEngine({ policy: seed, clock: manualClock(0) })
    const error = await refusal(
      engine.propose({
        by: 'minzifry',
        title: 't',
        objective: 'infrastructure',
        scope: { kind: 'federal', ministries },
      }),
    )
    expect(error.phrases?.map((p) => p.key)).toContain(key)
  })

  it('has the agency, not the sponsor, record each destination of an export', async () => {
    const { engine, id } = await approved(seed, { kind: 'export', destinations: ['belarus'] })
    expect((await engine.status(id)).phase).toBe('exportRollout')
    const sponsor = await refusal(
      engine.destination(id, { by: 'minzifry', destination: 'belarus', agreed: true }),
    )
    expect(sponsor.phrases?.map((p) => p.key)).toContain('rule.actorIsAgency')
    await engine.destination(id, { by: 'mid', destination: 'belarus', agreed: true })
    expect((await engine.status(id)).phase).toBe('completed')
  })

  it("refuses a governor the approving keys do not bring in: with the Government's key alone, a regional rollout waits for ever", async () => {
    const { engine, id } = await approved(oneKey, { kind: 'regional', regions: ['tatarstan'] })
    expect((await engine.status(id)).phase).toBe('regionalRollout')
    const error = await refusal(
      engine.respond(id, { by: 'gov-tatarstan', region: 'tatarstan', accept: true }),
    )
    expect(error.code).toBe('NOT_AUTHORIZED')
    expect(error.phrases?.map((p) => p.key)).toEqual(['rule.withinReach'])
    expect(error.message).toContain(
      '"gov-tatarstan" answers as a governor, but no key that approved this initiative brings that body in (their reach: ministry) (TK13)',
    )
    expect((await engine.status(id)).phase).toBe('regionalRollout')
    // The same governor answers where both co-chairs approved: the Presidential Administration brings governors in.
    const both = await approved(seed, { kind: 'regional', regions: ['tatarstan'] })
    await both.engine.respond(both.id, { by: 'gov-tatarstan', region: 'tatarstan', accept: true })
    expect((await both.engine.status(both.id)).phase).toBe('completed')
  })

  it("brings in the bodies of the keys that apply: the President's key, waived below its threshold, brings no one", () => {
    const content = (budget: number) => ({
      title: 't',
      summary: '',
      objective: 'infrastructure',
      scope: { kind: 'federal' as const, ministries: ['minzifry'] },
      budget,
    })
    expect(reachFor(seed, content(1))).toEqual(['agency', 'governor', 'ministry'])
    expect(reachFor(oneKey, content(1))).toEqual(['ministry'])
    const withPresidentReach = {
      ...oneKey,
      keys: oneKey.keys.map((k) => (k.id === 'president' ? { ...k, reach: ['governor' as const] } : k)),
    }
    expect(reachFor(withPresidentReach, content(1))).toEqual(['ministry'])
    expect(reachFor(withPresidentReach, content(20e9))).toEqual(['governor', 'ministry'])
    expect(seed.keys.find((k) => k.id === PA)?.reach).toEqual(['governor', 'agency'])
    expect(seed.keys.find((k) => k.id === GA)?.reach).toEqual(['ministry'])
  })

  it('draws the reach rule on the chart where the policy models reach, and only there', () => {
    const chart = toMermaid(createInitiativeMachine(seed))
    expect(chart).toContain("MINISTRY [named ministry, for itself · within the approvers' reach]")
    expect(chart).toContain("RESPOND [governor of pending region · within the approvers' reach]")
    expect(chart).toContain("DESTINATION [agency · destination pending · within the approvers' reach]")
    const labels = keyRegionLabels(seed)
    expect(labels[`initiative.open.review.${PA}`]).toMatch(/ · brings in governors, agencies$/)
    expect(labels[`initiative.open.review.${GA}`]).toMatch(/ · brings in ministries$/)
    expect(labels['initiative.open.review.president']).not.toMatch(/brings in/)
    expect(toMermaid(createInitiativeMachine(loadPolicyFile('machines/policies/two-keys.yaml')))).not.toMatch(
      /within the approvers' reach/,
    )
  })
})
