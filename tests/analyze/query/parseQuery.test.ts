import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../src/analyze/query/parseQuery.js'
import { TwoKeysError } from '../../../src/domain/TwoKeysError.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'

const policy = loadPolicyFile('machines/policies/two-keys.yaml')

/** The error a query throws: its message and the column its issue points at (1-based). */
function failure(text: string): { message: string; column: number | undefined } {
  try {
    parseQuery(policy, text)
  } catch (error) {
    expect(error).toBeInstanceOf(TwoKeysError)
    const e = error as TwoKeysError
    expect(e.code).toBe('COMMAND_INVALID')
    return { message: e.message, column: e.issues[0]?.column }
  }
  throw new Error(`"${text}" parsed`)
}

describe('parseQuery', () => {
  it('reads the policy grammar (and, or, not, parentheses, in) over state, key and content facts', () => {
    const q = parseQuery(
      policy,
      'approved = yes and (key.government-apparatus.as = deputy or not key.presidential-administration.by in [oreshkin]) and budget >= 10e9',
    )
    expect(q.fields).toEqual([
      'approved',
      'key.government-apparatus.as',
      'key.presidential-administration.by',
      'budget',
    ])
    expect(q.readsKeys).toBe(true)
    expect(q.text).toBe(
      'approved = yes and (key.government-apparatus.as = deputy or not key.presidential-administration.by in [oreshkin]) and budget >= 10_000_000_000',
    )
  })

  it('keeps the largest revision and number of days named, for the search to tell apart', () => {
    const q = parseQuery(policy, 'revision in [2, 4] and days <= 3 or revision > 1')
    expect(q.revisionBound).toBe(4)
    expect(q.daysBound).toBe(3)
    expect(q.readsKeys).toBe(false)
    expect(parseQuery(policy, 'phase = review').revisionBound).toBeNull()
  })

  it('locates an unknown field, key, key fact, phase and principal, with a did-you-mean and the valid words', () => {
    const field = failure('phase = review and deputys = 2')
    expect(field.column).toBe(20)
    expect(field.message).toContain('unknown field "deputys" (did you mean "deputies"?)')
    expect(field.message).toContain(
      'a query reads phase, approved, track, revision, keys_turned, deputies, days',
    )
    expect(field.message).toContain('\n  phase = review and deputys = 2\n                     ^')

    const key = failure('key.government-aparatus = turned')
    expect(key.column).toBe(5)
    expect(key.message).toContain('unknown key "government-aparatus" (did you mean "government-apparatus"?)')
    expect(key.message).toContain("the policy's keys are presidential-administration, government-apparatus")

    const part = failure('key.government-apparatus.who = ga-aide')
    expect(part.column).toBe(26)
    expect(part.message).toContain('unknown fact "who" of key "government-apparatus"')

    const phase = failure('phase = aproved')
    expect(phase.column).toBe(9)
    expect(phase.message).toContain('unknown phase "aproved" (did you mean "approved"?)')
    expect(phase.message).toContain('none, draft, review, plenary, returned, approved, federalRollout')

    const principal = failure('key.presidential-administration.by = pa-aid')
    expect(principal.column).toBe(38)
    expect(principal.message).toContain('unknown principal "pa-aid" (did you mean "pa-aide"?)')

    const status = failure('key.presidential-administration = trned')
    expect(status.message).toContain('unknown key status "trned" (did you mean "turned"?)')
    expect(failure('key.presidential-administration.as = boss').message).toContain('one of deputy, holder')
  })

  it('locates syntax errors as the policy grammar does', () => {
    expect(failure('phase = review and').column).toBe(19)
    expect(failure('deputies = two').message).toContain('"deputies" is a number; found "two"')
    expect(failure('phase > review').message).toContain('"phase" is compared only with = or != (or "in")')
  })

  it('refuses the comparisons of days it cannot answer: how late, rather than how soon', () => {
    for (const [text, column] of [
      ['days > 3', 6],
      ['days >= 3', 6],
      ['days = 3', 6],
      ['days in [3]', 6],
    ] as const) {
      const f = failure(text)
      expect(f.column).toBe(column)
      expect(f.message).toContain('"days" is compared only with < or <=')
    }
    const negated = failure('phase = review and not (days <= 3)')
    expect(negated.column).toBe(25)
    expect(negated.message).toContain('"days" may not stand under "not"')
    // Under two "not"s it asks how soon again.
    expect(parseQuery(policy, 'not not days <= 3').fields).toEqual(['days'])
  })
})
