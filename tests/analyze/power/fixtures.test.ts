import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzePower } from '../../../src/analyze/power/analyzePower.js'
import type { KindPower } from '../../../src/analyze/power/PowerResult.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { banzhafBySubsets, shapleyShubikByOrders } from './oracle.js'

const fixture = (name: string) =>
  loadPolicyFile(join('tests', 'fixtures', 'policies', `analyze-power-${name}.yaml`))
const only = (name: string): KindPower => {
  const [kind] = analyzePower(fixture(name)).kinds
  if (kind === undefined) throw new Error('no kind')
  return kind
}
const coalitions = (k: KindPower) => k.minimalWinning.map((c) => c.members.map((m) => m.id).sort()).sort()
const pairs = (xs: string[]) => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b].sort()))

describe('power on small fixtures, against games written out by hand', () => {
  it('2 of 3 symmetric: the three pairs win, no veto, 1/3 each by both indices', () => {
    const k = only('2of3')
    const govs = ['gov-a', 'gov-b', 'gov-c']
    expect(coalitions(k)).toEqual(pairs(govs))
    expect(k.veto).toEqual([])
    expect(k.indices.veto).toEqual([])
    expect(k.indices.banzhaf.map((s) => s?.fraction)).toEqual(['1/3', '1/3', '1/3'])
    expect(k.indices.shapleyShubik.map((s) => s.fraction)).toEqual(['1/3', '1/3', '1/3'])
    expect(k.fewestAccounts).toBe(2)
  })

  it('two chairs and two of three governors: the indices equal those of the game written as a rule', () => {
    const k = only('council')
    const govs = ['gov-a', 'gov-b', 'gov-c']
    // The policy, read by a person: both chairs' keys (quorum 1) and the council's (2 of 3).
    const rule = (s: ReadonlySet<string>) =>
      s.has('chair-a') && s.has('chair-b') && govs.filter((g) => s.has(g)).length >= 2
    const holders = ['chair-a', 'chair-b', ...govs]
    expect(k.indices.holders).toEqual(holders)
    const banzhaf = banzhafBySubsets(holders, rule)
    expect(k.indices.swings).toEqual(banzhaf.swings)
    expect(k.indices.banzhaf.map((s) => s?.fraction)).toEqual(banzhaf.shares)
    expect(banzhaf.shares).toEqual(['2/7', '2/7', '1/7', '1/7', '1/7'])
    expect(k.indices.shapleyShubik.map((s) => s.fraction)).toEqual(shapleyShubikByOrders(holders, rule))
    expect(coalitions(k)).toEqual(
      pairs(govs)
        .map((p) => ['chair-a', 'chair-b', ...p].sort())
        .sort(),
    )
    expect(k.veto).toEqual(['chair-a', 'chair-b'])
    expect(k.indices.veto).toEqual(['chair-a', 'chair-b'])
  })

  it('deputies: an aide wins for its chair only inside the window the chair gave; an aide whose key allows none never matters', () => {
    const policy = fixture('deputies')
    const [k] = analyzePower(policy).kinds
    if (k === undefined) throw new Error('no kind')
    expect(coalitions(k)).toEqual([
      ['aide-a', 'chair-b'],
      ['chair-a', 'chair-b'],
    ])
    expect(k.powerless).toContain('aide-b')
    expect(k.veto).toEqual(['chair-b'])
    const withAide = k.minimalWinning.find((c) => c.members.some((m) => m.id === 'aide-a'))
    const aide = withAide?.members.find((m) => m.id === 'aide-a')
    expect(aide?.role).toBe('deputy')
    const window = aide?.window
    if (window === null || window === undefined) throw new Error('the aide has no window')
    // The window the policy allows (7 days, named by chair A), and the aide acting inside it.
    const maxDays = policy.keys[0]?.deputies.maxDays ?? 0
    expect(window.holder).toBe('chair-a')
    expect(window.untilDay - window.fromDay).toBeLessThanOrEqual(maxDays)
    expect(window.actedDay).toBeGreaterThanOrEqual(window.fromDay)
    expect(window.actedDay).toBeLessThan(window.untilDay)
    // The witness says the same: the delegation comes before the aide's approval, within 7 days.
    const lines = withAide?.witness ?? []
    const named = lines.findIndex((l) => l.includes('chair-a names aide-a deputy for office-a'))
    const acted = lines.findIndex((l) => l.includes('aide-a approves office-a'))
    expect(named).toBeGreaterThanOrEqual(0)
    expect(acted).toBeGreaterThan(named)
  })
})
