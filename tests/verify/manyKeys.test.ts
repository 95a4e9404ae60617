import { describe, expect, it } from 'vitest'
import { manyKeysPolicy } from '../../src/verify/manyKeysPolicy.js'
import { verify } from '../../src/verify/verify.js'

describe('policies with more keys', () => {
  it('verifies a 4-key policy (one holder and one aide each) completely, with the four keys alike', () => {
    const result = verify(manyKeysPolicy(4))
    expect(result.complete).toBe(true)
    expect(result.ok).toBe(true)
    expect(result.symmetry).toEqual([['key-1', 'key-2', 'key-3', 'key-4']])
  })

  it('verifies a 6-key policy without deputies', () => {
    const result = verify(manyKeysPolicy(6, { deputies: false }))
    expect(result.complete).toBe(true)
    expect(result.ok).toBe(true)
  })

  it('explores fewer states with symmetry, and reaches the same verdicts', () => {
    const policy = manyKeysPolicy(3)
    const reduced = verify(policy)
    const full = verify(policy, { symmetry: false })
    expect(reduced.states * 2).toBeLessThan(full.states)
    expect(reduced.invariants.map((i) => i.status)).toEqual(full.invariants.map((i) => i.status))
    expect(reduced.warnings).toEqual(full.warnings)
  })
})
