import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { localizedPolicy } from '../../web/src/localizedPolicy.js'
import { objectiveName } from '../../web/src/objectiveName.js'

const SHIPPED = readdirSync('machines/policies')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `machines/policies/${f}`)
// Why two keys? part 2 runs this one: its keys and principals are on the Russian page too.
const TRANSLATED = [...SHIPPED, 'examples/policies/seed-one-key.yaml']

describe("a policy's names in another language", () => {
  it.each(TRANSLATED)('%s names every principal, key and region in Russian', (file) => {
    const policy = loadPolicyFile(file)
    const ru = localizedPolicy(policy, 'ru')
    const cyrillic = /[А-Яа-яЁё]/
    for (const [i, p] of ru.principals.entries()) {
      expect(p.name, p.id).toMatch(cyrillic)
      expect(p.id).toBe(policy.principals[i]?.id)
    }
    for (const k of ru.keys) expect(k.label, k.id).toMatch(cyrillic)
    for (const r of ru.regions) expect(r.name, r.id).toMatch(cyrillic)
    expect(ru.title).toMatch(cyrillic)
    for (const objective of policy.objectives) {
      expect(objectiveName(policy, objective, 'ru'), objective).toMatch(cyrillic)
      expect(objectiveName(policy, objective, 'en')).toBe(objective)
    }
    // English is the policy as written; only the words change, never a rule.
    expect(localizedPolicy(policy, 'en')).toBe(policy)
    expect({ ...ru, translations: undefined, title: '', principals: [], keys: [], regions: [] }).toEqual({
      ...policy,
      translations: undefined,
      title: '',
      principals: [],
      keys: [],
      regions: [],
    })
    expect(ru.keys.map(({ label: _l, ...k }) => k)).toEqual(policy.keys.map(({ label: _l, ...k }) => k))
  })

  it('examples/policies/seed-one-key.yaml names its objectives in Russian too', () => {
    const policy = loadPolicyFile('examples/policies/seed-one-key.yaml')
    for (const objective of policy.objectives)
      expect(objectiveName(policy, objective, 'ru'), objective).toMatch(/[А-Яа-яЁё]/)
  })

  it('refuses a translation of an id the policy does not have, at its path', () => {
    const doc = parse(readFileSync('machines/policies/two-keys.yaml', 'utf8')) as Record<string, unknown>
    const result = safeParsePolicy({ ...doc, translations: { ru: { keys: { 'presidential-admin': 'АП' } } } })
    expect(result.success).toBe(false)
    const issue = !result.success ? result.issues[0] : undefined
    expect(issue?.path).toEqual(['translations', 'ru', 'keys', 'presidential-admin'])
    expect(issue?.message).toContain('"presidential-admin" is not a key of the policy')
    const objective = safeParsePolicy({
      ...doc,
      translations: { ru: { objectives: { exports: 'экспорт' } } },
    })
    const objectiveIssue = !objective.success ? objective.issues[0] : undefined
    expect(objectiveIssue?.path).toEqual(['translations', 'ru', 'objectives', 'exports'])
    expect(objectiveIssue?.message).toBe(
      '"exports" is not an objective of the policy; translate only its objectives (infrastructure, export)',
    )
  })

  it('is part of the policy document, so its hash covers it', () => {
    const doc = parse(readFileSync('machines/policies/two-keys.yaml', 'utf8')) as Record<string, unknown>
    const plain = safeParsePolicy({ ...doc, translations: undefined })
    const translated = safeParsePolicy(doc)
    if (!plain.success || !translated.success) throw new Error('the shipped policy does not parse')
    expect(hashPolicy(plain.policy)).not.toBe(hashPolicy(translated.policy))
  })
})
