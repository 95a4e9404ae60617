import { describe, expect, it } from 'vitest'
import { analyzeExact } from '../../../src/analyze/exact/analyzeExact.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { type ScenarioInput, ScenarioSchema } from '../../../src/simulate/ScenarioSchema.js'

// Oracles: formulas worked by hand for exponential clocks, never numbers the code computed.
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const singleKey = loadPolicyFile('machines/policies/single-key.yaml')

/** A shipped policy with a window of T days that lapses (no plenary) and approvals that never expire. */
const windowed = (policy: Policy, windowDays: number): Policy => ({
  ...policy,
  review: { ...policy.review, windowDays, onClose: 'lapse' },
  approvals: { lifetimeDays: null },
})

const scenario = (
  means: Record<string, number>,
  decisions: { approve: number; refuse?: number; amend?: number } = { approve: 1 },
  sponsor: ScenarioInput['sponsor'] = {},
) =>
  ScenarioSchema.parse({
    version: 1,
    name: 'closed-form',
    horizonDays: 100,
    arrivals: { kind: 'poisson', ratePerDay: 1 },
    mix: [{ objective: 'infrastructure', scope: 'federal' }],
    reviewers: {
      principals: Object.fromEntries(
        Object.entries(means).map(([id, mean]) => [
          id,
          { reviewDays: { kind: 'exponential', mean }, decisions: { refuse: 0, amend: 0, ...decisions } },
        ]),
      ),
    },
    sponsor: { withdrawAfterRefusal: 1, amendmentDays: { kind: 'exponential', mean: 5 }, ...sponsor },
  })

const close = (actual: number | null, expected: number, digits = 9) =>
  expect(actual).toBeCloseTo(expected, digits)

describe('exact answers on cases worked by hand', () => {
  it('one key, rate λ, a window too long to matter: mean 1/λ, approved surely', () => {
    const lambda = 0.5
    const r = analyzeExact(windowed(singleKey, 3650), scenario({ oreshkin: 1 / lambda }), { at: [1, 2] })
    close(r.approved, 1)
    close(r.lapsed, 0)
    close(r.approvalDays.mean, 1 / lambda, 7)
    close(r.approvalDays.median, Math.log(2) / lambda, 5)
    close(r.approvalDays.p90, Math.log(10) / lambda, 5)
    close(r.approvalDays.cdf[0]?.approvedBy ?? Number.NaN, 1 - Math.exp(-lambda * 1))
    close(r.approvalDays.cdf[1]?.approvedBy ?? Number.NaN, 1 - Math.exp(-lambda * 2))
    // E[X] = 1/λ: ∂E/∂λ = −1/λ².
    close(r.sensitivities[0]?.dMeanDays ?? Number.NaN, -1 / lambda ** 2, 4)
  })

  it('one key with a window T: approved 1 − e^(−λT), the mean of X given X < T', () => {
    const lambda = 0.2
    const T = 10
    const r = analyzeExact(windowed(singleKey, T), scenario({ oreshkin: 1 / lambda }))
    const p = 1 - Math.exp(-lambda * T)
    close(r.approved, p)
    close(r.lapsed, 1 - p)
    close(r.approvalDays.mean, 1 / lambda - (T * Math.exp(-lambda * T)) / p, 8)
    // ∂P/∂λ = T e^(−λT).
    close(r.sensitivities[0]?.dApproved ?? Number.NaN, T * Math.exp(-lambda * T), 5)
  })

  it('two keys in parallel, rates a and b: E[max] = 1/a + 1/b − 1/(a+b); B last with share a/(a+b)', () => {
    const [a, b] = [0.5, 0.25]
    const r = analyzeExact(windowed(twoKeys, 3650), scenario({ oreshkin: 1 / a, grigorenko: 1 / b }))
    close(r.approved, 1)
    close(r.approvalDays.mean, 1 / a + 1 / b - 1 / (a + b), 7)
    close(r.lastKey[1]?.share ?? Number.NaN, a / (a + b))
    close(r.lastKey[0]?.share ?? Number.NaN, b / (a + b))
  })

  it('two keys with a window T: lapse 1 − (1 − e^(−aT))(1 − e^(−bT)); the CDF is the product', () => {
    const [a, b, T] = [0.3, 0.1, 12]
    const r = analyzeExact(windowed(twoKeys, T), scenario({ oreshkin: 1 / a, grigorenko: 1 / b }), {
      at: [5],
    })
    const F = (rate: number, t: number) => 1 - Math.exp(-rate * t)
    close(r.lapsed, 1 - F(a, T) * F(b, T))
    close(r.approvalDays.cdf[0]?.approvedBy ?? Number.NaN, F(a, 5) * F(b, 5))
    // E[max·1{max < T}] = T·F_a(T)F_b(T) − ∫₀ᵀ F_a F_b dt.
    const integral = T - F(a, T) / a - F(b, T) / b + F(a + b, T) / (a + b)
    close(r.approvalDays.mean, (T * F(a, T) * F(b, T) - integral) / (F(a, T) * F(b, T)), 8)
    // B last: ∫₀ᵀ b e^(−bt) F_a(t) dt = F_b(T) − b/(a+b) · F_(a+b)(T).
    close(r.lastKey[1]?.share ?? Number.NaN, (F(b, T) - (b / (a + b)) * F(a + b, T)) / (F(a, T) * F(b, T)))
  })

  it('a plenary extends the review: the deadline is window + plenary, escalation is P(open at the window)', () => {
    const lambda = 0.1
    const policy: Policy = { ...singleKey, review: { windowDays: 10, onClose: 'plenary', plenaryDays: 5 } }
    const r = analyzeExact(policy, scenario({ oreshkin: 1 / lambda }))
    close(r.approved, 1 - Math.exp(-lambda * 15))
    close(r.escalated, Math.exp(-lambda * 10))
    expect(r.method.deadlines).toEqual([10, 15])
  })

  it('refusals: a refused initiative is withdrawn; P(refused) = r · (1 − e^(−λT))', () => {
    const [lambda, T] = [0.25, 8]
    const r = analyzeExact(
      windowed(singleKey, T),
      scenario({ oreshkin: 1 / lambda }, { approve: 0.7, refuse: 0.3 }),
    )
    close(r.refused, 0.3 * (1 - Math.exp(-lambda * T)))
    close(r.approved, 0.7 * (1 - Math.exp(-lambda * T)))
  })

  it('one amendment allowed: approved p(1 + q); the mean adds a second review and the amendment', () => {
    const [lambda, alpha, p, q] = [0.5, 0.2, 0.6, 0.4]
    const r = analyzeExact(
      windowed(singleKey, 3650),
      scenario(
        { oreshkin: 1 / lambda },
        { approve: p, amend: q },
        {
          maxAmendments: 1,
          amendmentDays: { kind: 'exponential', mean: 1 / alpha },
        },
      ),
    )
    close(r.approved, p * (1 + q))
    close(r.withdrawn, q * q)
    close(r.approvalDays.mean, (p / lambda + q * p * (2 / lambda + 1 / alpha)) / (p * (1 + q)), 7)
  })

  it('without deadlines (Gauss–Seidel): two keys are always approved, in 1/a + 1/b − 1/(a+b) days', () => {
    const [a, b] = [0.3, 0.1]
    const r = analyzeExact(windowed(twoKeys, 5), scenario({ oreshkin: 1 / a, grigorenko: 1 / b }))
    close(r.withoutDeadlines.approved, 1, 12)
    close(r.withoutDeadlines.meanDays, 1 / a + 1 / b - 1 / (a + b), 10)
    expect(r.approved).toBeLessThan(0.5) // the 5-day window costs most approvals
  })

  it('a window too long to matter: the transient answer and the long run agree (two methods)', () => {
    const r = analyzeExact(
      { ...windowed(twoKeys, 3650), approvals: { lifetimeDays: null } },
      scenario(
        { oreshkin: 3, grigorenko: 2 },
        { approve: 0.7, refuse: 0.1, amend: 0.2 },
        { maxAmendments: 2 },
      ),
      { sensitivities: false },
    )
    close(r.approved, r.withoutDeadlines.approved, 9)
    close(r.refused, r.withoutDeadlines.refused, 9)
    close(r.withdrawn, r.withoutDeadlines.withdrawn, 9)
    close(r.approvalDays.mean, r.withoutDeadlines.meanDays ?? Number.NaN, 6)
  })
})
