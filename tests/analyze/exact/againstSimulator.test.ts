import { describe, expect, it } from 'vitest'
import { analyzeExact } from '../../../src/analyze/exact/analyzeExact.js'
import type { ExactAnalysis } from '../../../src/analyze/exact/ExactAnalysis.js'
import { createLazyTable } from '../../../src/explore/lazyTable.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { loadScenarioFile } from '../../../src/simulate/loadScenario.js'
import { type ReplicationResult, runReplication } from '../../../src/simulate/runReplication.js'
import type { Scenario } from '../../../src/simulate/ScenarioSchema.js'
import { createSimulationModel } from '../../../src/simulate/SimulationModel.js'
import { studentTQuantile } from '../../../src/simulate/studentT.js'

// Two independent methods on the same scenario: the exact chain and the discrete-event simulator
// (fixed seed). Each quantity must fall in the simulator's interval; the intervals are
// Bonferroni-corrected so that the whole file fails by chance with probability at most 1 %.
const FAMILY_ALPHA = 0.01
const REPLICATIONS = 10
const CDF_DAYS = [7, 14]
const POLICIES = ['two-keys', 'council']
const base = loadScenarioFile('examples/scenarios/exact.yaml')

/**
 * The scenario as the simulator runs it: arrivals every 0.1 days for 300 days, a horizon 60 days
 * past the last, so that every initiative is decided (none cut off by the horizon, which would
 * bias the shares towards quick outcomes); capacities far above the load, so none waits.
 */
const simulated: Scenario = {
  ...base,
  arrivals: { kind: 'schedule', days: Array.from({ length: 3000 }, (_, i) => i * 0.1) },
  horizonDays: 360,
  warmupDays: 0,
}

interface Comparison {
  name: string
  exact: number
  /** Within the simulator's interval at a level of 1 − α: `ok(z or t quantile)`. */
  within(level: number): boolean
}

/** The standard normal quantile: Student's t with a degree of freedom per ten million. */
const normalQuantile = (p: number) => studentTQuantile(p, 1e7)

/** Replications of the simulator, once per policy. */
function simulate(policyName: string) {
  const policy = loadPolicyFile(`machines/policies/${policyName}.yaml`)
  const model = createSimulationModel(policy, createLazyTable(policy), simulated)
  return Array.from({ length: REPLICATIONS }, (_, r) => runReplication(model, 20261203, r))
}

function comparisons(runs: ReplicationResult[], exact: ExactAnalysis): Comparison[] {
  const pooled = (name: string) => {
    let hits = 0
    let trials = 0
    for (const run of runs) {
      hits += run.counts[name]?.hits ?? 0
      trials += run.counts[name]?.trials ?? 0
    }
    return { hits, trials }
  }
  // A share of n initiatives: the exact p against the observed one, |p̂ − p| ≤ z·√(p(1 − p)/n).
  const share = (name: string, p: number, counts = pooled(name)): Comparison => ({
    name,
    exact: p,
    within: (level) =>
      Math.abs(counts.hits / counts.trials - p) <=
      normalQuantile(1 - (1 - level) / 2) * Math.sqrt((p * (1 - p)) / counts.trials),
  })
  const resolved = pooled('approvalRate').trials
  const cdf = CDF_DAYS.map((day, i) => {
    // Lead times are binned by whole days: bins below `day` hold the approvals within `day` days.
    const hits = runs.reduce(
      (a, run) => a + run.approvalHistogram.slice(0, day).reduce((x, y) => x + y, 0),
      0,
    )
    return share(`approvedBy.${day}`, exact.approvalDays.cdf[i]?.approvedBy as number, {
      hits,
      trials: resolved,
    })
  })
  const means = runs.map((run) => run.scalars['approvalDays.mean'] as number)
  const average = means.reduce((a, b) => a + b, 0) / means.length
  const sd = Math.sqrt(means.reduce((a, m) => a + (m - average) ** 2, 0) / (means.length - 1))
  return [
    share('approvalRate', exact.approved),
    share('lapseRate', exact.lapsed),
    share('refusalRate', exact.refused),
    share('withdrawalRate', exact.refused + exact.withdrawn),
    share('escalationRate', exact.escalated),
    ...exact.lastKey.map((k) => share(`lastKey.${k.key}`, k.share as number)),
    ...cdf,
    {
      name: 'approvalDays.mean',
      exact: exact.approvalDays.mean as number,
      within: (level) =>
        Math.abs(average - (exact.approvalDays.mean as number)) <=
        studentTQuantile(1 - (1 - level) / 2, REPLICATIONS - 1) * (sd / Math.sqrt(REPLICATIONS)),
    },
  ]
}

const results = POLICIES.map((name) => {
  const exact = analyzeExact(loadPolicyFile(`machines/policies/${name}.yaml`), base, {
    at: CDF_DAYS,
    sensitivities: false,
  })
  return { name, exact }
})
// Bonferroni over every comparison of the file: 5 shares, the keys, the CDF days and the mean per policy.
const COMPARISONS = results.reduce((a, r) => a + 5 + r.exact.lastKey.length + CDF_DAYS.length + 1, 0)
const LEVEL = 1 - FAMILY_ALPHA / COMPARISONS

describe('exact answers agree with the simulator (fixed seed, Bonferroni-corrected)', () => {
  for (const { name, exact } of results) {
    it(`${name}: every probability, share, CDF point and the mean`, () => {
      const runs = simulate(name)
      const checks = comparisons(runs, exact)
      for (const c of checks) expect(c.within(LEVEL), `${name} ${c.name}: exact ${c.exact}`).toBe(true)
      // The comparison has power: an answer 5 % off (or 0.05 off a share) is told apart.
      const mean = checks.find((c) => c.name === 'approvalDays.mean')
      const approval = checks.find((c) => c.name === 'approvalRate')
      expect(mean?.within(LEVEL)).toBe(true)
      expect(
        comparisons(runs, {
          ...exact,
          approvalDays: { ...exact.approvalDays, mean: (exact.approvalDays.mean as number) * 1.05 },
        })
          .find((c) => c.name === 'approvalDays.mean')
          ?.within(LEVEL),
      ).toBe(false)
      expect(approval?.exact).toBeGreaterThan(0.5)
      expect(
        comparisons(runs, { ...exact, approved: exact.approved - 0.05 })
          .find((c) => c.name === 'approvalRate')
          ?.within(LEVEL),
      ).toBe(false)
    })
  }
})
