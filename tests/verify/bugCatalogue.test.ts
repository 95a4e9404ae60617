import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import { MUTANT_CATALOGUE } from '../../src/verify/mutantCatalogue.js'
import { verify } from '../../src/verify/verify.js'

const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

/** The catalogue's entries `verify` must catch, each with what it must break and on which policy. */
const CAUGHT_BY_VERIFY = MUTANT_CATALOGUE.flatMap(({ name, build, caughtBy: { verify } }) =>
  verify === undefined ? [] : [{ name, build, ...verify }],
)

describe('the bug catalogue', () => {
  it('has at least eight realistic bugs with distinct names, a title and what each must break', () => {
    expect(CAUGHT_BY_VERIFY.length).toBeGreaterThanOrEqual(8)
    expect(new Set(MUTANT_CATALOGUE.map((b) => b.name)).size).toBe(MUTANT_CATALOGUE.length)
    for (const bug of MUTANT_CATALOGUE) {
      expect(bug.name).toMatch(/^[a-z][a-z0-9-]*$/)
      expect(bug.title.length).toBeGreaterThan(10)
      expect(bug.explanation.length).toBeGreaterThan(10)
    }
    for (const bug of CAUGHT_BY_VERIFY) expect(bug.breaks.length).toBeGreaterThan(0)
  })

  it('lists under `verify --bug` the entries verify must catch, with the names users know', () => {
    // The names are a user-facing contract (`twokeys verify --bug <name>`, the README): adding is
    // fine, renaming or dropping one is not.
    expect(BUG_CATALOGUE.map((b) => b.name)).toEqual(CAUGHT_BY_VERIFY.map((b) => b.name))
    expect(BUG_CATALOGUE.map((b) => b.name)).toEqual(
      expect.arrayContaining([
        'deputy-ignores-window',
        'distinct-by-principal-only',
        'amendment-keeps-approvals',
        'amendment-keeps-revision',
        'veto-overridden-in-plenary',
        'routing-gap',
        'unroutable-approval',
        'sponsor-is-sole-holder',
        'sponsor-holds-key',
        'delegation-too-long',
        'quorum-off-by-one',
        'stale-approval-counts',
        'approvals-never-expire',
        'unfriendly-export',
        'any-governor-answers',
        'first-key-first',
        'condition-always-waives',
        'plenary-approves',
        'plenary-quorum-approves',
      ]),
    )
  })

  it.each(CAUGHT_BY_VERIFY.map((b) => [b.name, b] as const))(
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
    const policyBugs = MUTANT_CATALOGUE.filter((b) => b.level === 'policy')
    expect(policyBugs.length).toBeGreaterThanOrEqual(2)
    for (const bug of policyBugs) {
      const file = `tests/fixtures/bugs/${bug.name}.yaml`
      expect(existsSync(file), file).toBe(true)
      expect(verify(loadPolicyFile(file)).ok, file).toBe(false)
    }
  })

  it('gives the shortest story: a delegation longer than allowed is two steps from a fresh initiative', () => {
    const bug = CAUGHT_BY_VERIFY.find((b) => b.name === 'delegation-too-long')
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
