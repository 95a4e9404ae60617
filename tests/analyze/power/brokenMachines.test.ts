import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzePower } from '../../../src/analyze/power/analyzePower.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { findBug } from '../../../src/verify/bugCatalogue.js'

describe('power on deliberately broken machines', () => {
  it('plenary-approves: time alone gets a two-keys initiative approved, so the co-chairs are no longer veto players', () => {
    const base = loadPolicyFile('machines/policies/two-keys.yaml')
    const [correct] = analyzePower(base, { kinds: ['export'] }).kinds
    const { policy, machine } = findBug('plenary-approves').build(base)
    const [broken] = analyzePower(policy, { machine, kinds: ['export'] }).kinds
    expect(correct?.indices.veto).toEqual(['oreshkin', 'grigorenko'])
    expect(broken?.indices.veto).toEqual([])
    expect(broken?.fewestAccounts).toBe(0)
    expect(broken?.minimalWinning.map((c) => c.members)).toEqual([[]])
    expect(broken?.minimalWinning[0]?.witness.at(-1)).toMatch(/plenary|window|closes/)
  })

  it('quorum-off-by-one: one governor of a 2-of-3 council turns its key alone', () => {
    const base = loadPolicyFile(join('tests', 'fixtures', 'policies', 'analyze-power-2of3.yaml'))
    const { policy, machine } = findBug('quorum-off-by-one').build(base)
    const [broken] = analyzePower(policy, { machine }).kinds
    expect(broken?.minimalWinning.map((c) => c.members.map((m) => m.id))).toEqual([
      ['gov-a'],
      ['gov-b'],
      ['gov-c'],
    ])
    expect(broken?.fewestAccounts).toBe(1)
  })

  it("distinct-by-principal-only: an office of one institution, named deputy for the other key, wins with that institution's aide", () => {
    const base = loadPolicyFile('machines/policies/two-keys.yaml')
    const { policy, machine } = findBug('distinct-by-principal-only').build(base)
    const [broken] = analyzePower(policy, { machine, kinds: ['federal'] }).kinds
    const [first, second] = policy.keys
    // The office the bug adds: of the first key's institution, affiliated with the second's.
    const office = policy.principals.find(
      (p) => p.institution === first?.institution && p.affiliations.includes(second?.institution ?? ''),
    )
    const coalition = broken?.minimalWinning.find(
      (c) => c.members.some((m) => m.id === office?.id) && c.members.some((m) => m.id === 'ga-aide'),
    )
    expect(coalition?.members.map((m) => m.id).sort()).toEqual(['ga-aide', office?.id].sort())
    expect(coalition?.members.find((m) => m.id === office?.id)?.window?.holder).toBe(first?.holders[0])
  })
})
