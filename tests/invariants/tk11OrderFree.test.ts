import { describe, expect, it } from 'vitest'
import { keyOrders, outcomeOf, tk11OrderFree } from '../../src/invariants/tk11OrderFree.js'
import { GA, PA, Scenario } from '../support/fixtures.js'
import { buildMutants } from '../support/mutants.js'
import { councilPolicy, seedPolicy, threeKeyPolicy } from '../support/policies.js'

describe('TK11 order-free', () => {
  it('lists every order of the groups, each group kept together', () => {
    const orders = keyOrders([['a1', 'a2'], ['b'], ['c']])
    expect(orders).toHaveLength(6)
    expect(orders.map((o) => o.join(''))).toContain('ca1a2b')
    expect(orders.every((o) => o.indexOf('a2') === o.indexOf('a1') + 1)).toBe(true)
  })

  it('holds for every order of three keys, one of them 2 of 3', () => {
    const s = new Scenario(threeKeyPolicy).propose().submit()
    const groups = threeKeyPolicy.keys.map((k) =>
      k.holders.slice(0, k.quorum).map((by) => s.decision(by, k.id, 0)),
    )
    const orders = keyOrders(groups)
    expect(tk11OrderFree.check(s.machine, s.snapshot, orders)).toEqual([])
    expect(outcomeOf(s.machine, s.snapshot, orders[0] ?? []).value).toBe('"federalRollout"')
  })

  it('holds for interleaved approvals of a 2-of-3 key', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    const [o, p2, p3, g] = [
      s.decision('oreshkin', PA, 0),
      s.decision('pa-2', PA, 0),
      s.decision('pa-3', PA, 0),
      s.decision('grigorenko', GA, 0),
    ]
    expect(
      tk11OrderFree.check(s.machine, s.snapshot, [
        [o, p2, p3, g],
        [g, p3, o, p2],
        [p3, g, o, p2],
      ]),
    ).toEqual([])
    // Not an order of the same approvals (one is missing), so the outcome differs: the check compares.
    expect(
      tk11OrderFree
        .check(s.machine, s.snapshot, [
          [o, p2, g],
          [g, p3],
        ])
        .map((v) => v.id),
    ).toEqual(['TK11'])
  })

  it('reports a machine where the order matters', () => {
    const mutant = buildMutants().find((m) => m.breaks === 'TK11')!
    const s = new Scenario(seedPolicy, mutant.machine).propose().submit()
    const violations = tk11OrderFree.check(
      s.machine,
      s.snapshot,
      keyOrders([[s.decision('oreshkin', PA, 0)], [s.decision('grigorenko', GA, 0)]]),
    )
    expect(violations.map((v) => v.id)).toEqual(['TK11'])
    expect(violations[0]?.message).toContain('ends in "federalRollout"')
  })
})
