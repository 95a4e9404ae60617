import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { loadPolicy, safeLoadPolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

const BAD = 'tests/fixtures/policies/bad/quorum-above-holders.yaml'

describe('loadPolicy', () => {
  it('loads each shipped policy', () => {
    for (const name of ['two-keys', 'single-key', 'council']) {
      expect(loadPolicyFile(`machines/policies/${name}.yaml`).id).toBe(name)
    }
  })

  it('gives the council a 2-of-3 key without veto, held by governors of its institution', () => {
    const council = loadPolicyFile('machines/policies/council.yaml')
    const key = council.keys.find((k) => k.id === 'council-of-governors')
    expect(key).toMatchObject({ quorum: 2, veto: false, institution: 'council-of-governors' })
    expect(key?.holders).toHaveLength(3)
    for (const holder of key?.holders ?? []) {
      expect(council.principals.find((p) => p.id === holder)?.affiliations).toContain('council-of-governors')
    }
  })

  it('throws POLICY_INVALID with every located issue', () => {
    const text = readFileSync(BAD, 'utf8')
    let error: unknown
    try {
      loadPolicy(text, BAD)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TwoKeysError)
    const e = error as TwoKeysError
    expect(e.code).toBe('POLICY_INVALID')
    const located = safeLoadPolicy(text, BAD)
    expect(located.success).toBe(false)
    if (!located.success) expect(e.issues).toEqual(located.issues)
    expect(e.message).toContain('keys[1].quorum: 3 is more than the 2 holders of "government-apparatus"')
    expect(e.message).toContain(`→ at ${BAD}:39:13`)
  })

  it.each([
    ['a duplicated field', 'version: 1\nversion: 1\n', 'keep one', 2],
    ['two documents', 'version: 1\n---\nid: x\n', 'a policy is one document', 2],
    ['a tab indent', 'review:\n\twindowDays: 30\n', 'indent with spaces', 2],
  ])('reports %s as a located YAML error', (_name, text, advice, line) => {
    const result = safeLoadPolicy(text, 'p.yaml')
    expect(result).toMatchObject({
      success: false,
      issues: [{ code: 'syntax', path: [], message: expect.stringContaining(advice), file: 'p.yaml', line }],
    })
  })

  it('names a file it cannot read', () => {
    expect(() => loadPolicyFile('no/such/policy.yaml')).toThrow(
      /cannot read policy file "no\/such\/policy.yaml"/,
    )
  })

  it('defaults the file name when there is none', () => {
    const result = safeLoadPolicy('version: 1\n')
    expect(result.success).toBe(false)
    if (!result.success) expect(result.issues[0]?.file).toBe('<policy>')
  })
})
