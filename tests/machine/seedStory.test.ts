import { describe, expect, it } from 'vitest'
import { createActor } from 'xstate'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

const DAY = 86_400_000
const policy = loadPolicyFile('machines/policies/two-keys.yaml')

describe('the seed story on two-keys.yaml', () => {
  it('routes a regional initiative only after both co-chairs turn their keys', () => {
    const actor = createActor(createInitiativeMachine(policy), {
      input: { policyHash: hashPolicy(policy) },
    }).start()
    actor.send({
      type: 'PROPOSE',
      by: 'gov-tatarstan',
      at: 0,
      id: 'i1',
      content: {
        title: 'GPU cluster',
        summary: '',
        objective: 'infrastructure',
        scope: { kind: 'regional', regions: ['tatarstan'] },
      },
    })
    actor.send({ type: 'SUBMIT', by: 'gov-tatarstan', at: DAY })
    const revision = actor.getSnapshot().context.revision.hash
    actor.send({
      type: 'DECIDE',
      by: 'oreshkin',
      at: 2 * DAY,
      key: 'presidential-administration',
      revision,
      decision: 'approve',
    })
    expect(actor.getSnapshot().matches({ open: 'review' })).toBe(true)
    actor.send({
      type: 'DECIDE',
      by: 'grigorenko',
      at: 3 * DAY,
      key: 'government-apparatus',
      revision,
      decision: 'approve',
    })
    expect(actor.getSnapshot().value).toBe('regionalRollout')
    actor.send({ type: 'RESPOND', by: 'gov-tatarstan', at: 4 * DAY, region: 'tatarstan', accept: true })
    expect(actor.getSnapshot().value).toBe('completed')
  })
})
