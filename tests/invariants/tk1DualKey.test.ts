import { describe, expect, it } from 'vitest'
import { tk1DualKey } from '../../src/invariants/tk1DualKey.js'
import { day, GA, PA, reviewValue, Scenario, stepOf } from '../support/fixtures.js'
import { councilPolicy, seedPolicy } from '../support/policies.js'

const ids = (vs: { id: string }[]) => vs.map((v) => v.id)

describe('TK1 dual-key', () => {
  it('holds when both co-chairs approved the current revision', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    expect(s.snapshot.value).toBe('federalRollout')
    expect(s.steps.flatMap((step) => tk1DualKey.check(seedPolicy, step))).toEqual([])
  })

  it('reports an approval with one key not turned', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const after = s.forge({ approvedAt: day(1), track: 'federal' }, 'federalRollout')
    const violations = tk1DualKey.check(
      seedPolicy,
      stepOf(s.snapshot, s.decision('oreshkin', PA, day(1)), after),
    )
    expect(ids(violations)).toEqual(['TK1'])
    expect(violations[0]?.message).toContain('key "government-apparatus" not turned')
  })

  it('reports a rollout with no approval recorded', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const after = s.forge({ track: 'federal' }, 'federalRollout')
    expect(
      ids(tk1DualKey.check(seedPolicy, stepOf(s.snapshot, { type: 'TICK', at: day(1) }, after))),
    ).toEqual(['TK1'])
  })

  it('does not count approvals on an older revision, revoked ones, or ones by non-holders', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const base = { key: PA, institutions: [PA], decision: 'approve' as const, at: day(1) }
    const after = s.forge(
      {
        approvedAt: day(2),
        decisions: [
          { ...base, by: 'oreshkin', seat: 'oreshkin', revision: 'an-old-revision' },
          { ...base, by: 'oreshkin', seat: 'oreshkin', revision: s.revision, revokedAt: day(1) },
          { ...base, by: 'pa-aide', seat: 'pa-aide', revision: s.revision },
          {
            ...base,
            key: GA,
            institutions: [GA],
            by: 'grigorenko',
            seat: 'grigorenko',
            revision: s.revision,
          },
        ],
      },
      'completed',
    )
    const violations = tk1DualKey.check(seedPolicy, stepOf(s.snapshot, { type: 'TICK', at: day(2) }, after))
    expect(violations.map((v) => v.details?.key)).toEqual([PA])
  })

  it('reports a key shown turned in review without its quorum (2 of 3)', () => {
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    expect(s.snapshot.value).toEqual(reviewValue('pending', 'pending'))
    const forged = s.forge({}, reviewValue('turned', 'pending'))
    expect(ids(tk1DualKey.check(councilPolicy, stepOf(s.lastStep.before, s.lastStep.event, forged)))).toEqual(
      ['TK1'],
    )
    expect(tk1DualKey.check(councilPolicy, s.lastStep)).toEqual([])
  })
})
