import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { type Scenario, type ScenarioInput, ScenarioSchema } from '../../src/simulate/ScenarioSchema.js'

/** A scenario with a closed-form answer from queueing theory, and the metrics to check. */
export interface TheoryCase {
  name: string
  policy: Policy
  scenario: Scenario
  replications: number
  checks: { metric: string; exact: number; formula: string }[]
}

const base = (over: Partial<ScenarioInput>): Scenario =>
  ScenarioSchema.parse({
    version: 1,
    name: 'theory',
    horizonDays: 2000,
    warmupDays: 200,
    arrivals: { kind: 'poisson', ratePerDay: 0.5 },
    mix: [{ objective: 'infrastructure', scope: 'federal' }],
    reviewers: {},
    ...over,
  })

export function theoryCases(): TheoryCase[] {
  const single = loadPolicyFile('machines/policies/single-key.yaml')
  const two = loadPolicyFile('machines/policies/two-keys.yaml')
  const lambda = 0.5
  const mu = 1
  const mu1 = 1
  const mu2 = 0.5
  return [
    {
      name: 'one key holder as an M/M/1 queue (λ = 0.5/day, μ = 1/day)',
      policy: single,
      replications: 30,
      scenario: base({
        reviewers: { principals: { oreshkin: { reviewDays: { kind: 'exponential', mean: 1 / mu } } } },
      }),
      checks: [
        { metric: 'approvalDays.mean', exact: 1 / (mu - lambda), formula: 'W = 1/(μ−λ)' },
        { metric: 'approvalDays.p90', exact: Math.log(10) / (mu - lambda), formula: 'ln 10/(μ−λ)' },
        { metric: 'utilisation.oreshkin', exact: lambda / mu, formula: 'ρ = λ/μ' },
        {
          metric: 'queue.oreshkin',
          exact: (lambda / mu) ** 2 / (1 - lambda / mu),
          formula: 'Lq = ρ²/(1−ρ)',
        },
      ],
    },
    {
      name: 'two key holders in parallel, no queueing (μ₁ = 1, μ₂ = 0.5 per day)',
      policy: two,
      replications: 30,
      scenario: base({
        horizonDays: 1000,
        reviewers: {
          principals: {
            oreshkin: { capacity: 10_000, reviewDays: { kind: 'exponential', mean: 1 / mu1 } },
            grigorenko: { capacity: 10_000, reviewDays: { kind: 'exponential', mean: 1 / mu2 } },
          },
        },
      }),
      checks: [
        {
          metric: 'approvalDays.mean',
          exact: 1 / mu1 + 1 / mu2 - 1 / (mu1 + mu2),
          formula: 'E[max] = 1/μ₁ + 1/μ₂ − 1/(μ₁+μ₂)',
        },
        {
          metric: 'lastKey.government-apparatus',
          exact: mu1 / (mu1 + mu2),
          formula: 'P(slower key last) = μ₁/(μ₁+μ₂)',
        },
      ],
    },
    {
      name: 'one exponential review, no queueing (mean 4 days)',
      policy: single,
      replications: 30,
      scenario: base({
        horizonDays: 1000,
        reviewers: {
          principals: { oreshkin: { capacity: 10_000, reviewDays: { kind: 'exponential', mean: 4 } } },
        },
      }),
      checks: [
        { metric: 'approvalDays.mean', exact: 4, formula: 'E[X] = 1/μ' },
        { metric: 'approvalDays.p50', exact: 4 * Math.log(2), formula: 'ln 2/μ' },
      ],
    },
  ]
}
