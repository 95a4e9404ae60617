import { describe, expect, it } from 'vitest'
import { bottleneckOf, keyWaits } from '../../src/classroom/waits.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const HOUR = 3_600_000
const PA = 'presidential-administration'
const GA = 'government-apparatus'

/** A recorded event with only what the waits read: initiative, revision, and the event itself. */
const recorded = (revision: string, event: Record<string, unknown>) =>
  ({ initiativeId: 'kazan', revision, event }) as unknown as RecordedEvent

describe('how long each key waited, from the recorded events', () => {
  it('opens a wait per key at submission, closes it at the quorum, a veto, a new revision, or the end', () => {
    const events = [
      recorded('r1', { type: 'PROPOSE', by: 'minzifry', at: 0 }),
      recorded('r1', { type: 'SUBMIT', by: 'minzifry', at: 1 * HOUR }),
      recorded('r1', {
        type: 'DECIDE',
        by: 'oreshkin',
        key: PA,
        decision: 'approve',
        revision: 'r1',
        at: 5 * HOUR,
      }),
      // A decision on another revision does not close the wait.
      recorded('r1', {
        type: 'DECIDE',
        by: 'grigorenko',
        key: GA,
        decision: 'approve',
        revision: 'r0',
        at: 6 * HOUR,
      }),
      recorded('r2', { type: 'AMEND', by: 'minzifry', at: 10 * HOUR }),
      recorded('r2', {
        type: 'DECIDE',
        by: 'grigorenko',
        key: GA,
        decision: 'refuse',
        revision: 'r2',
        at: 12 * HOUR,
      }),
    ]
    const waits = keyWaits(policy, events, { kazan: 40 * HOUR })
    const brief = waits.map((w) => [w.key, w.revision, w.from / HOUR, w.to / HOUR, w.outcome])
    expect(brief).toEqual([
      [PA, 'r1', 1, 5, 'turned'],
      [GA, 'r1', 1, 10, 'superseded'],
      [GA, 'r2', 10, 12, 'refused'],
      [PA, 'r2', 10, 40, 'waiting'],
    ])
    expect(bottleneckOf(waits)).toMatchObject({ key: PA, revision: 'r2', outcome: 'waiting' })
  })

  it('has no bottleneck before anything is submitted', () => {
    expect(
      bottleneckOf(keyWaits(policy, [recorded('r1', { type: 'PROPOSE', by: 'minzifry', at: 0 })], {})),
    ).toBeNull()
  })
})
