import { describe, expect, it } from 'vitest'
import type { Decision } from '../../machines/InitiativeContext.js'
import { tk2Distinct } from '../../src/invariants/tk2Distinct.js'
import { PolicyShape } from '../../src/policy/PolicySchema.js'
import { day, GA, PA, Scenario, stepOf } from '../support/fixtures.js'
import { crossHolderDocument, dualPolicy, seedPolicy } from '../support/policies.js'

const crossPolicy = PolicyShape.parse(crossHolderDocument())
const approval = (d: Partial<Decision> & Pick<Decision, 'key' | 'by' | 'seat' | 'revision'>): Decision => ({
  institutions: [],
  decision: 'approve',
  at: day(1),
  ...d,
})

describe('TK2 distinct', () => {
  it('holds for two co-chairs of two institutions', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    expect(s.steps.flatMap((step) => tk2Distinct.check(seedPolicy, step))).toEqual([])
  })

  it('reports one principal counting toward both keys', () => {
    const s = new Scenario(dualPolicy).propose('minzifry').submit()
    const after = s.forge({
      now: day(2),
      decisions: [
        approval({
          key: PA,
          by: 'minek',
          seat: 'oreshkin',
          revision: s.revision,
          institutions: ['minek', GA],
        }),
        approval({
          key: GA,
          by: 'minek',
          seat: 'grigorenko',
          revision: s.revision,
          institutions: ['minek', GA],
        }),
      ],
    })
    const [violation] = tk2Distinct.check(dualPolicy, stepOf(s.snapshot, { type: 'TICK', at: day(1) }, after))
    expect(violation?.id).toBe('TK2')
    expect(violation?.message).toContain('principal "minek"')
  })

  it('reports an institution counting toward both keys through an affiliation', () => {
    const s = new Scenario(dualPolicy).propose('minzifry').submit()
    const after = s.forge({
      now: day(2),
      decisions: [
        approval({
          key: PA,
          by: 'minek',
          seat: 'oreshkin',
          revision: s.revision,
          institutions: ['minek', GA],
        }),
        approval({ key: GA, by: 'grigorenko', seat: 'grigorenko', revision: s.revision, institutions: [GA] }),
      ],
    })
    const violations = tk2Distinct.check(dualPolicy, stepOf(s.snapshot, { type: 'TICK', at: day(1) }, after))
    expect(violations.map((v) => v.message)).toEqual([
      expect.stringContaining('institution "government-apparatus"'),
    ])
  })

  it('counts the institutions of the holder whose seat a deputy used', () => {
    const s = new Scenario(crossPolicy).propose().submit()
    const after = s.forge({
      now: day(2),
      decisions: [
        approval({ key: PA, by: 'pa-aide', seat: 'liaison', revision: s.revision, institutions: [PA] }),
        approval({ key: GA, by: 'grigorenko', seat: 'grigorenko', revision: s.revision, institutions: [GA] }),
      ],
    })
    expect(
      tk2Distinct.check(crossPolicy, stepOf(s.snapshot, { type: 'TICK', at: day(1) }, after)),
    ).toHaveLength(1)
  })

  it('ignores approvals that no longer count: stale, revoked or on another revision', () => {
    const s = new Scenario(dualPolicy).propose('minzifry').submit()
    const pa = { key: PA, by: 'minek', seat: 'oreshkin', institutions: ['minek', GA] }
    const ga = approval({ key: GA, by: 'grigorenko', seat: 'grigorenko', revision: s.revision, at: day(100) })
    for (const stale of [
      approval({ ...pa, revision: s.revision, at: day(1) }),
      approval({ ...pa, revision: s.revision, at: day(99), revokedAt: day(99) }),
      approval({ ...pa, revision: 'an-old-revision', at: day(99) }),
    ]) {
      const after = s.forge({ decisions: [stale, ga], now: day(100) })
      expect(
        tk2Distinct.check(dualPolicy, stepOf(s.snapshot, { type: 'TICK', at: day(100) }, after)),
      ).toEqual([])
    }
  })
})
