import { describe, expect, it } from 'vitest'
import { TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { assertVerified } from '../../src/verify/assertVerified.js'
import { findBug } from '../../src/verify/bugCatalogue.js'
import { verify } from '../../src/verify/verify.js'

const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

describe('verify on the shipped policies', () => {
  it.each(['two-keys', 'single-key', 'council', 'president-over-10bn', 'seed'])(
    '%s: every invariant that applies holds, no hole',
    (name) => {
      const result = verify(shipped(name))
      expect(result.complete).toBe(true)
      expect(result.holes).toEqual([])
      const statuses = Object.fromEntries(result.invariants.map((i) => [i.id, i.status]))
      expect(Object.keys(statuses)).toEqual([
        'TK1',
        'TK2',
        'TK3',
        'TK4',
        'TK5',
        'TK6',
        'TK7',
        'TK8',
        'TK9',
        'TK10',
        'TK11',
        'TK12',
        'TK13',
      ])
      expect(Object.values(statuses)).not.toContain('violated')
      // Only the seed says which bodies each key brings in (TK13); there every body is brought in
      // by a key that always applies, which verify reports as vacuous rather than as a plain ✓.
      expect(statuses.TK13).toBe(name === 'seed' ? 'holds' : 'not-applicable')
      expect(result.invariants.find((i) => i.id === 'TK13')?.vacuous).toBe(name === 'seed')
      expect(result.ok).toBe(true)
      expect(result.states).toBeGreaterThan(20)
      // Only one key: TK11 (order of keys) says nothing.
      expect(statuses.TK11).toBe(name === 'single-key' ? 'not-applicable' : 'holds')
      // A key that applies by condition binds: it applies to some initiatives and not to others.
      expect(result.vacuity.filter((v) => v.rule.endsWith('.appliesIf'))).toEqual([])
    },
  )

  it('canonicalises the two alike co-chair keys of two-keys.yaml, and finds the same verdicts without', () => {
    const policy = shipped('two-keys')
    const reduced = verify(policy)
    const full = verify(policy, { symmetry: false })
    expect(reduced.symmetry).toEqual([['presidential-administration', 'government-apparatus']])
    expect(full.symmetry).toEqual([])
    expect(reduced.states).toBeLessThan(full.states)
    expect(full.invariants.map((i) => i.status)).toEqual(reduced.invariants.map((i) => i.status))
  })

  it('gives no warning on two-keys.yaml: revoking is not expected where one approval turns a key at once', () => {
    const { warnings } = verify(shipped('two-keys'))
    expect(warnings).toEqual([])
  })

  it('assertVerified returns the result when everything holds, and throws a TwoKeysError naming each violation', () => {
    expect(assertVerified(shipped('single-key')).ok).toBe(true)
    const bug = findBug('stale-approval-counts')
    const { policy, machine } = bug.build(shipped('two-keys'))
    let error: unknown
    try {
      assertVerified(policy, { machine, bug: bug.name, stopAtFirstViolation: true })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TwoKeysError)
    expect((error as TwoKeysError).code).toBe('INVARIANT_VIOLATED')
    expect((error as TwoKeysError).message).toMatch(
      /with bug "stale-approval-counts" breaks 1 invariant: TK5/,
    )
    expect((error as TwoKeysError).reasons[0]).toMatch(/^TK5 fresh: .*\(after: 1\. day 0 — minzifry proposes/)
  })

  it('a search stopped at maxStates is a failure: ok false with the reason, and no invariant holds', () => {
    const result = verify(shipped('two-keys'), { maxStates: 30 })
    expect(result.complete).toBe(false)
    expect(result.ok).toBe(false)
    expect(result.partial).toMatch(
      /^the exploration stopped at the limit of 30 states \(--max-states\) after expanding \d+ of \d+ states seen; raise --max-states \(maxStates/,
    )
    const statuses = new Set(result.invariants.map((i) => i.status))
    expect(statuses.has('holds')).toBe(false)
    // "Never taken" cannot be said of a space only partly seen.
    expect(result.warnings).toEqual([])
    expect(result.vacuity.filter((v) => v.from === 'graph')).toEqual([])
    expect(result.invariants.find((i) => i.id === 'TK1')).toMatchObject({
      status: 'unproven',
      note: expect.stringMatching(
        /^held on the \d+ transitions explored; the rest of the space was not explored$/,
      ),
    })
    let error: unknown
    try {
      assertVerified(shipped('two-keys'), { maxStates: 30 })
    } catch (e) {
      error = e
    }
    expect((error as TwoKeysError).code).toBe('LIMIT_REACHED')
    expect((error as TwoKeysError).message).toMatch(/stopped at the limit of 30 states/)
  })

  it('reports the progress of the exploration through onProgress', () => {
    const seen: { states: number; done: boolean }[] = []
    const result = verify(shipped('two-keys'), { onProgress: (p) => seen.push(p), progressEvery: 20 })
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.at(-1)).toMatchObject({ states: result.states, done: true })
  })
})
