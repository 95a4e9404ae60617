import { describe, expect, it } from 'vitest'
import { day, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'
import { councilPolicy } from '../support/policies.js'

// Mutation testing of machines/rules.ts (README "Tests that would notice") found the arithmetic of
// a refusal without veto untested: every key the tests refused was a veto or a lone holder's.
describe('a refusal on a key without veto', () => {
  it('refuses the key only once its holders can no longer reach the quorum (3 holders, 2 of 3)', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    expect(councilPolicy.keys.find((k) => k.id === PA)).toMatchObject({ quorum: 2, veto: false })
    // One refusal: two holders are left, enough for a quorum of two — the key still waits.
    s.send(s.decision('oreshkin', PA, day(1), 'refuse'))
    expect(s.snapshot.value).toEqual(reviewValue('pending', 'pending'))
    // A second: one holder left, below the quorum — the key is refused and the initiative returned.
    s.send(s.decision('pa-2', PA, day(2), 'refuse'))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
  })

  it('a refusal on the veto key refuses it at once', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.send(s.decision('grigorenko', GA, day(1), 'refuse'))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
  })
})
