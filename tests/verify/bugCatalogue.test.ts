import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import { verify } from '../../src/verify/verify.js'

const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

describe('the bug catalogue', () => {
  it('has at least eight realistic bugs with distinct names, a title and what each must break', () => {
    expect(BUG_CATALOGUE.length).toBeGreaterThanOrEqual(8)
    expect(new Set(BUG_CATALOGUE.map((b) => b.name)).size).toBe(BUG_CATALOGUE.length)
    for (const bug of BUG_CATALOGUE) {
      expect(bug.name).toMatch(/^[a-z][a-z0-9-]*$/)
      expect(bug.breaks.length).toBeGreaterThan(0)
      expect(bug.title.length).toBeGreaterThan(10)
    }
  })

  it.each(BUG_CATALOGUE.map((b) => [b.name, b] as const))(
    '%s is reported with a counterexample',
    (_name, bug) => {
      const { policy, machine } = bug.build(shipped(bug.basePolicy))
      // A step invariant (TK1–TK9) is caught on the way; the others need the whole graph.
      const stepOnly = bug.breaks.every((id) => /^TK[1-9]$/.test(id))
      const result = verify(policy, {
        machine,
        bug: bug.name,
        stopAtFirstViolation: stepOnly && bug.breaks.length === 1,
      })
      expect(result.ok).toBe(false)
      for (const id of bug.breaks) {
        if (id === 'hole') {
          expect(result.holes.length).toBeGreaterThan(0)
          expect(result.holes[0]?.counterexample.steps.length).toBeGreaterThan(0)
          continue
        }
        const found = result.invariants.find((i) => i.id === id)
        expect(found?.status, `${bug.name} should break ${id}`).toBe('violated')
        const example = found?.counterexample
        expect(example?.steps.length).toBeGreaterThan(0)
        expect(example?.violation.length).toBeGreaterThan(0)
        // Numbered from 1, in time order, starting with a proposal.
        expect(example?.steps.map((s) => s.n)).toEqual(example?.steps.map((_, i) => i + 1))
        expect(example?.steps[0]?.command).toBe('PROPOSE')
        const times = example?.steps.map((s) => s.at) ?? []
        expect(times).toEqual([...times].sort((a, b) => a - b))
      }
    },
  )

  it('ships every policy-level bug as a YAML file that verify reports on the real machine', () => {
    const policyBugs = BUG_CATALOGUE.filter((b) => b.level === 'policy')
    expect(policyBugs.length).toBeGreaterThanOrEqual(2)
    for (const bug of policyBugs) {
      const file = `tests/fixtures/bugs/${bug.name}.yaml`
      expect(existsSync(file), file).toBe(true)
      expect(verify(loadPolicyFile(file)).ok, file).toBe(false)
    }
  })

  it('gives the shortest story: a delegation longer than allowed is two steps from a fresh initiative', () => {
    const bug = BUG_CATALOGUE.find((b) => b.name === 'delegation-too-long')
    if (bug === undefined) throw new Error('missing bug')
    const { policy, machine } = bug.build(shipped('two-keys'))
    const result = verify(policy, { machine, stopAtFirstViolation: true })
    const steps = result.invariants.find((i) => i.id === 'TK6')?.counterexample?.steps ?? []
    expect(steps.map((s) => `${s.n}. ${s.day} — ${s.text}`)).toEqual([
      '1. day 0 — minzifry proposes a federal infrastructure initiative',
      '2. day 0 — oreshkin names pa-aide deputy for presidential-administration from day 0 to day 28 (28 days; the policy allows 14)',
    ])
  })
})
