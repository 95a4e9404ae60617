import { describe, expect, it } from 'vitest'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import { checkInvariants } from '../../src/invariants/invariants.js'
import { tk5Fresh } from '../../src/invariants/tk5Fresh.js'
import { day, federalContent, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'
import { buildMutants } from '../support/mutants.js'
import { seedPolicy } from '../support/policies.js'

describe('TK5 fresh', () => {
  it('holds: a substantive amendment resets the turned key, a title fix keeps it', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.send({ type: 'AMEND', by: 'minek', at: day(2), content: { ...federalContent, title: 'Renamed' } })
    expect(s.snapshot.value).toEqual(reviewValue('turned', 'pending'))
    s.send({ type: 'AMEND', by: 'minek', at: day(3), content: { ...federalContent, budget: 7 } })
    expect(s.snapshot.value).toEqual(reviewValue('pending', 'pending'))
    expect(s.recorded.revisions.map((r) => r.n)).toEqual([1, 2])
    expect(s.steps.flatMap((step) => tk5Fresh.check(seedPolicy, step))).toEqual([])
  })

  it('reports a decision accepted naming another revision than the current one', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    s.force({ ...s.decision('oreshkin', PA, day(1)), revision: 'an-old-revision' })
    const violations = tk5Fresh.check(seedPolicy, s.lastStep)
    expect(violations.map((v) => v.message)).toEqual([
      expect.stringMatching(
        /^an approval of key "presidential-administration" by "oreshkin" was accepted naming "an-old-revis", no revision of this initiative, while the current revision was 1 \([0-9a-f]{12}\)$/,
      ),
    ])
  })

  it('reports a key still turned after a substantive amendment', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const amend = {
      type: 'AMEND' as const,
      by: 'minek',
      at: day(2),
      content: { ...federalContent, budget: 7 },
    }
    const [violation] = tk5Fresh.check(
      seedPolicy,
      s.stepTo(amend, s.forge({}, reviewValue('turned', 'pending'))),
    )
    expect(violation?.message).toBe(
      `the amendment made revision 2, but key "${PA}" is "turned" instead of starting again as pending`,
    )
    expect(
      tk5Fresh.check(seedPolicy, s.stepTo(amend, s.forge({}, reviewValue('pending', 'pending')))),
    ).toEqual([])
  })

  it("tells revisions apart by the recorded contents, not by the machine's revision", () => {
    // The broken machine stores amended content but keeps revision 1 and its hash.
    const mutant = buildMutants().find((m) => m.name === 'amendment-keeps-revision')
    if (mutant === undefined) throw new Error('missing mutant')
    const small: InitiativeContent = { ...federalContent, budget: 100 }
    const belarus: InitiativeContent = {
      ...federalContent,
      objective: 'export',
      scope: { kind: 'export', destinations: ['belarus'] },
      budget: 1e9,
    }
    const s = new Scenario(seedPolicy, mutant.machine).propose('minek', small).submit()
    s.send({ type: 'AMEND', by: 'minek', at: day(1), content: belarus })
    // Both co-chairs approve the hash of the ₽100 federal revision; the machine exports ₽1e9 to Belarus.
    s.approve('oreshkin', PA, day(2)).approve('grigorenko', GA, day(3))
    expect(s.snapshot.value).toBe('exportRollout')
    expect(s.snapshot.context.revision.n).toBe(1)
    expect(s.recorded.revisions.map((r) => r.n)).toEqual([1, 2])
    const violations = s.steps.flatMap((step) => checkInvariants(seedPolicy, step))
    expect(violations.filter((v) => v.id === 'TK5').map((v) => v.message)).toEqual([
      expect.stringContaining('by "oreshkin" was accepted naming revision 1'),
      expect.stringContaining('by "grigorenko" was accepted naming revision 1'),
    ])
    expect(violations.map((v) => v.id)).toContain('TK1')
  })
})
