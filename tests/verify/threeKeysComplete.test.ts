import { describe, expect, it } from 'vitest'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy, PolicyInput } from '../../src/policy/PolicySchema.js'
import { verify } from '../../src/verify/verify.js'

/**
 * The modeller's three-key variant — two co-chair keys and a Federation Council key of three
 * senators, 2 of 3, a deputy on every key — sized for CI: a 10-day window that lapses, approvals
 * that never expire, deputies for at most 4 days, federal initiatives. The full fixture
 * (tests/fixtures/policies/three-keys-deputies.yaml) takes minutes; see the README.
 */
function ciSized(): Policy {
  const doc = structuredClone(
    loadPolicyFile('tests/fixtures/policies/three-keys-deputies.yaml'),
  ) as PolicyInput
  doc.id = 'three-keys-ci'
  doc.review = { windowDays: 10, onClose: 'lapse' }
  doc.approvals = { lifetimeDays: null }
  for (const key of doc.keys) key.deputies = { ...key.deputies, allowed: true, maxDays: 4 }
  const result = safeParsePolicy(doc)
  if (!result.success) throw new Error(JSON.stringify(result.issues))
  return result.policy
}

describe('a three-key policy with deputies on every key', () => {
  it('is verified completely: every invariant that applies holds, no hole, the senators reduced as interchangeable', () => {
    const policy = ciSized()
    expect(policy.keys.map((k) => [k.holders.length, k.quorum, k.deputies.allowed])).toEqual([
      [1, 1, true],
      [1, 1, true],
      [3, 2, true],
    ])
    const result = verify(policy, { scopes: ['federal'] })
    expect(result.complete).toBe(true)
    expect(result.partial).toBeNull()
    expect(result.ok).toBe(true)
    // TK7 (expiry) has nothing to judge where approvals never expire, TK13 (reach) where no key
    // says what it reaches; every other invariant holds.
    expect(result.invariants.filter((i) => i.status !== 'holds').map((i) => `${i.id} ${i.status}`)).toEqual([
      'TK7 not-applicable',
      'TK13 not-applicable',
    ])
    expect(result.holes).toEqual([])
    expect(result.interchangeableHolders).toEqual(['federation-council'])
    expect(result.states).toBeGreaterThan(10_000)
  })
})
