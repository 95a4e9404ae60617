import { describe, expect, it } from 'vitest'
import { firstDifference, replay, tk12Replay } from '../../src/invariants/tk12Replay.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { day, GA, PA, Scenario } from '../support/fixtures.js'
import { buildMutants } from '../support/mutants.js'
import { seedPolicy } from '../support/policies.js'

const input = { policyHash: hashPolicy(seedPolicy) }

describe('TK12 replay', () => {
  it('holds: folding the accepted events reproduces the snapshot', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    expect(tk12Replay.check(s.machine, input, s.events, s.snapshot)).toEqual([])
    expect(s.machine.getPersistedSnapshot(replay(s.machine, input, s.events))).toEqual(
      s.machine.getPersistedSnapshot(s.snapshot),
    )
  })

  it('reports a log with an event missing', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const [violation] = tk12Replay.check(s.machine, input, s.events.slice(0, -1), s.snapshot)
    expect(violation?.id).toBe('TK12')
    expect(violation?.details?.at).toBe('$.value.open.review.presidential-administration')
  })

  it('reports a machine whose action is not a function of its inputs', () => {
    const mutant = buildMutants().find((m) => m.breaks === 'TK12')!
    const s = new Scenario(seedPolicy, mutant.machine).propose().submit().approve('oreshkin', PA, day(1))
    expect(tk12Replay.check(s.machine, input, s.events, s.snapshot).map((v) => v.details?.at)).toEqual([
      '$.context.decisions[0].reason',
    ])
  })

  it('compares like toEqual: properties set to undefined count as absent', () => {
    expect(firstDifference({ a: 1, b: undefined }, { a: 1 })).toBeNull()
    expect(firstDifference({ a: [1, 2] }, { a: [1] })).toBe('$.a.length')
    expect(firstDifference({ a: { b: 'x' } }, { a: { b: 'y' } })).toBe('$.a.b')
  })
})
