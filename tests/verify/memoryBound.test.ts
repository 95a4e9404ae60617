import { describe, expect, it } from 'vitest'
import { compile } from '../../src/explore/compile.js'
import { defaultHeapBudget, heapUsed } from '../../src/explore/heapBudget.js'
import { createLazyTable } from '../../src/explore/lazyTable.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { verify } from '../../src/verify/verify.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const ONE_MB = 2 ** 20

describe('a memory bound on the search', () => {
  it('is 85% of the heap limit by default, and the heap in use is measured', () => {
    const budget = defaultHeapBudget() as number
    expect(budget).toBeGreaterThan(100 * ONE_MB)
    expect(heapUsed()).toBeGreaterThan(ONE_MB)
    expect(heapUsed()).toBeLessThan(budget)
  })

  it('stops verify with a partial result, never a ✓ and never an out-of-memory crash', () => {
    const result = verify(twoKeys, { maxHeapBytes: ONE_MB })
    expect(result).toMatchObject({ ok: false, complete: false })
    expect(result.partial).toMatch(
      /^the exploration stopped at the memory bound of 1 MB after expanding 0 of 1 states seen/,
    )
    expect(result.invariants.every((i) => i.status !== 'holds')).toBe(true)
    // With room, the same search is complete.
    expect(verify(twoKeys, { maxHeapBytes: defaultHeapBudget() as number }).complete).toBe(true)
  })

  it('makes compile and a lazy table throw LIMIT_REACHED, saying how to give more', () => {
    const error = expect.objectContaining({
      code: 'LIMIT_REACHED',
      message: expect.stringContaining(
        'filled the memory bound of 1 MB before its search ended: give the search more memory',
      ),
    })
    expect(() => compile(twoKeys, { maxHeapBytes: ONE_MB })).toThrow(error)
    expect(() => createLazyTable(twoKeys, { maxHeapBytes: ONE_MB })).toThrow(error)
  })
})
