import { describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { verify } from '../../src/verify/verify.js'

/**
 * The modeller's three-key variant as the fixture writes it — two co-chair keys and a Federation
 * Council key of three senators, 2 of 3, a deputy on every key, a 30-day window with a 14-day
 * plenary, approvals that expire after 90 days — for federal, regional and export initiatives,
 * whose review the search shares (15,744 states, some 35 s of one core on the slowest machine seen;
 * see the README).
 */
function fixture(): Policy {
  return loadPolicyFile('tests/fixtures/policies/three-keys-deputies.yaml')
}

describe('a three-key policy with deputies on every key', () => {
  it('is verified completely: every invariant that applies holds, no hole, the senators reduced as interchangeable', () => {
    const policy = fixture()
    expect(policy.keys.map((k) => [k.holders.length, k.quorum, k.deputies.allowed])).toEqual([
      [1, 1, true],
      [1, 1, true],
      [3, 2, true],
    ])
    const result = verify(policy)
    expect(result.complete).toBe(true)
    expect(result.partial).toBeNull()
    expect(result.ok).toBe(true)
    // TK13 (reach) has nothing to judge where no key says what it reaches; every other invariant holds.
    expect(result.invariants.filter((i) => i.status !== 'holds').map((i) => `${i.id} ${i.status}`)).toEqual([
      'TK13 not-applicable',
    ])
    expect(result.holes).toEqual([])
    expect(result.interchangeableHolders).toEqual(['federation-council'])
    expect(result.sharedReview).toEqual(['federal', 'regional', 'export'])
    expect(result.states).toBeGreaterThan(10_000)
  }, 120_000)
})
