import { describe, expect, it } from 'vitest'
import { analyzePower } from '../../../src/analyze/power/analyzePower.js'
import type { KindPower } from '../../../src/analyze/power/PowerResult.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'

const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)
const ids = (k: KindPower) => k.minimalWinning.map((c) => c.members.map((m) => m.id).sort()).sort()

describe('power on the shipped policies', () => {
  it('single-key.yaml: the one holder is the one veto player, Banzhaf 1; its aide stands in only through its window', () => {
    const policy = shipped('single-key')
    const result = analyzePower(policy)
    expect(result.kinds.map((k) => k.scope)).toEqual(['federal', 'regional', 'export'])
    const [key] = policy.keys
    const holder = key?.holders[0] as string
    const aide = key?.deputies.eligible?.[0] as string
    for (const k of result.kinds) {
      expect(k.indices.holders).toEqual([holder])
      expect(k.indices.veto).toEqual([holder])
      expect(k.indices.banzhaf.map((s) => s?.fraction)).toEqual(['1'])
      expect(k.indices.shapleyShubik.map((s) => s.fraction)).toEqual(['1'])
      expect(ids(k)).toEqual([[aide], [holder]].sort())
      expect(k.fewestAccounts).toBe(1)
      expect(k.blocking).toEqual([[holder, aide]])
    }
  })

  it('two-keys.yaml: both co-chairs are veto players with 1/2 each; the fewest accounts are two, each key by its holder or its aide', () => {
    const policy = shipped('two-keys')
    const [k] = analyzePower(policy, { kinds: ['federal'] }).kinds
    if (k === undefined) throw new Error('no federal kind')
    const [pa, ga] = policy.keys
    const holders = [pa?.holders[0], ga?.holders[0]] as string[]
    expect(k.indices.holders).toEqual(holders)
    expect(k.indices.veto).toEqual(holders)
    expect(k.indices.banzhaf.map((s) => s?.fraction)).toEqual(['1/2', '1/2'])
    expect(k.indices.shapleyShubik.map((s) => s.fraction)).toEqual(['1/2', '1/2'])
    // Either key turned by its holder or by the aide the policy lets it name: four pairs.
    const sides = [pa, ga].map((key) => [key?.holders[0], key?.deputies.eligible?.[0]] as string[])
    const expected = (sides[0] ?? []).flatMap((a) => (sides[1] ?? []).map((b) => [a, b].sort())).sort()
    expect(ids(k)).toEqual(expected)
    expect(k.fewestAccounts).toBe(2)
    expect(k.veto).toEqual([])
    expect(k.blocking).toEqual(sides)
    // Both aides together: each inside the window its own co-chair gave.
    const aides = k.minimalWinning.find((c) => c.members.every((m) => m.role === 'deputy'))
    expect(aides?.members.map((m) => m.window?.holder)).toEqual(holders)
    expect(k.method).toBe('graph')
  })
})
