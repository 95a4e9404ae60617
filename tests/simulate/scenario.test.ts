import { describe, expect, it } from 'vitest'
import { compile } from '../../src/explore/compile.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScenarioFile, parseArrivalDates, safeLoadScenario } from '../../src/simulate/loadScenario.js'
import { createSimulationModel } from '../../src/simulate/SimulationModel.js'

const GOOD = `version: 1
name: t
horizonDays: 100
arrivals: { kind: poisson, ratePerDay: 1 }
mix:
  - { objective: infrastructure, scope: federal }
reviewers:
  default:
    reviewDays: { kind: exponential, mean: 2 }
`

describe('scenario files', () => {
  it('loads the shipped example scenarios', () => {
    for (const name of ['baseline', 'slow-co-chair', 'seed', 'exact', 'exact-lognormal']) {
      expect(loadScenarioFile(`examples/scenarios/${name}.yaml`).name).toBe(name)
    }
  })

  it('fills defaults', () => {
    const r = safeLoadScenario(GOOD, 'good.yaml')
    expect(r.success).toBe(true)
    if (r.success) {
      expect(r.scenario.warmupDays).toBe(0)
      expect(r.scenario.reviewers.default?.capacity).toBe(1)
      expect(r.scenario.reviewers.default?.decisions).toEqual({ approve: 1, refuse: 0, amend: 0 })
    }
  })

  it('locates a decision split that does not add up to 1', () => {
    const text = GOOD.replace(
      'reviewDays: { kind: exponential, mean: 2 }',
      'reviewDays: { kind: exponential, mean: 2 }\n    decisions: { approve: 0.8, refuse: 0.1 }',
    )
    const r = safeLoadScenario(text, 'bad.yaml')
    expect(r.success).toBe(false)
    if (!r.success) {
      expect(r.issues[0]).toMatchObject({
        file: 'bad.yaml',
        line: 10,
        path: ['reviewers', 'default', 'decisions'],
      })
      expect(r.issues[0]?.message).toMatch(/add up to 1/)
    }
  })

  it('locates a bad distribution and an unknown field', () => {
    const r = safeLoadScenario(
      GOOD.replace('mean: 2', 'mean: -2').replace('horizonDays: 100', 'horizonDays: 100\nhorizon: 5'),
      'bad.yaml',
    )
    expect(r.success).toBe(false)
    if (!r.success) {
      const paths = r.issues.map((i) => `${i.path.join('.')}@${i.line}`)
      expect(paths).toContain('reviewers.default.reviewDays.mean@10')
      expect(r.issues.some((i) => i.line === 4)).toBe(true)
    }
  })

  it('reports a YAML syntax error with its line', () => {
    const r = safeLoadScenario('version: 1\nname: [oops\n', 'syntax.yaml')
    expect(r.success).toBe(false)
    if (!r.success) expect(r.issues[0]?.line).toBeGreaterThan(0)
  })

  it('refuses a principal the policy does not have, naming the known ones', () => {
    const policy = loadPolicyFile('machines/policies/single-key.yaml')
    const r = safeLoadScenario(
      `${GOOD}  principals:\n    oreshkn: { reviewDays: { kind: fixed, value: 1 } }\n`,
      's.yaml',
    )
    expect(r.success).toBe(true)
    if (r.success) {
      expect(() => createSimulationModel(policy, compile(policy), r.scenario)).toThrow(
        /"oreshkn".*known: oreshkin/,
      )
    }
  })

  it('reads arrival dates from CSV as days since the first', () => {
    expect(parseArrivalDates('date\n2026-03-02\n2026-03-05\n2026-03-03\n', 'a.csv')).toEqual([0, 1, 3])
    expect(() => parseArrivalDates('2026-03-02\nnot a date\n', 'a.csv')).toThrow(/a\.csv:2/)
  })

  it('bounds the horizon and the warm-up to 100 years, and the warm-up to less than the horizon', () => {
    const long = safeLoadScenario(GOOD.replace('horizonDays: 100', 'horizonDays: 1e308'), 'long.yaml')
    expect(long.success).toBe(false)
    if (!long.success) expect(long.issues[0]?.message).toMatch(/1e\+308 is more than the maximum 36500/)
    const warm = safeLoadScenario(
      GOOD.replace('horizonDays: 100', 'horizonDays: 100\nwarmupDays: 100'),
      'w.yaml',
    )
    expect(warm.success).toBe(false)
    if (!warm.success)
      expect(warm.issues[0]?.message).toMatch(/warm-up \(100 days\) must end before the horizon \(100 days\)/)
  })
})
