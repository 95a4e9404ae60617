import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { renderSimulationReport } from '../../src/report/renderSimulationReport.js'
import { describeMetric } from '../../src/simulate/describeMetric.js'
import { estimateShare } from '../../src/simulate/estimateShare.js'
import { formatEstimate, formatSimulation } from '../../src/simulate/formatSimulation.js'
import { loadScenarioFile } from '../../src/simulate/loadScenario.js'
import { simulate } from '../../src/simulate/simulate.js'
import { estimate } from '../../src/simulate/studentT.js'
import { wilsonInterval } from '../../src/simulate/wilsonInterval.js'
import { twokeys } from '../support/runCli.js'

const baseline = loadScenarioFile('examples/scenarios/baseline.yaml')
const short = { ...baseline, horizonDays: 240, warmupDays: 30 }

describe('intervals on shares', () => {
  it('the Wilson score interval: within [0, 1], 0 and 1 included at the ends', () => {
    expect(wilsonInterval(0, 10, 1.96)).toEqual({ low: 0, high: expect.closeTo(3.8416 / 13.8416, 10) })
    expect(wilsonInterval(1, 10, 1.96).high).toBe(1)
    const mid = wilsonInterval(0.5, 100, 1.96)
    expect(mid.low).toBeCloseTo(0.4038, 4)
    expect(mid.high).toBeCloseTo(0.5962, 4)
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        (p, n) => {
          const { low, high } = wilsonInterval(p, n, 1.96)
          expect(low).toBeGreaterThanOrEqual(0)
          expect(high).toBeLessThanOrEqual(1)
          expect(low).toBeLessThanOrEqual(p + 1e-12)
          expect(high).toBeGreaterThanOrEqual(p - 1e-12)
        },
      ),
    )
  })

  it('a share over replications: the pooled count, widened by the design effect, never outside [0, 1]', () => {
    // 98 of 100 in each of five replications: a Student-t interval on the ratios would be [0.98, 0.98].
    const even = estimateShare([98, 98, 98, 98, 98], [100, 100, 100, 100, 100])
    expect(even).toMatchObject({ mean: 0.98, method: 'wilson', n: 5, trials: 500 })
    expect(even.low).toBeGreaterThan(0.95)
    expect(even.high).toBeLessThanOrEqual(1)
    // Replications that disagree more than binomial noise widen the interval (design effect > 1).
    const clustered = estimateShare([60, 100, 100, 100, 100], [100, 100, 100, 100, 100])
    const binomial = estimateShare([92, 92, 92, 92, 92], [100, 100, 100, 100, 100])
    expect(clustered.mean).toBeCloseTo(0.92, 10)
    expect(clustered.high - clustered.low).toBeGreaterThan(2 * (binomial.high - binomial.low))
    expect(clustered.high).toBeLessThanOrEqual(1)
    // The Student-t interval on the same ratios runs past 100%: the "98.2% [94.7%, 101.6%]".
    expect(estimate([0.6, 1, 1, 1, 1]).high).toBeGreaterThan(1)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 50 })), { minLength: 2, maxLength: 20 }),
        (pairs) => {
          const trials = pairs.map(([a, b]) => a + b)
          const e = estimateShare(
            pairs.map(([a]) => a),
            trials,
          )
          if (trials.every((t) => t === 0)) return expect(e.n).toBe(0)
          expect(e.low).toBeGreaterThanOrEqual(0)
          expect(e.high).toBeLessThanOrEqual(1)
          expect(e.low).toBeLessThanOrEqual(e.mean + 1e-12)
          expect(e.high).toBeGreaterThanOrEqual(e.mean - 1e-12)
        },
      ),
    )
  })

  it('never prints "-0.0%" or "-0.00"', () => {
    const zero = {
      mean: -0,
      halfWidth: 1e-17,
      low: -1e-17,
      high: 1e-17,
      n: 3,
      sd: 0,
      method: 'student-t' as const,
    }
    expect(formatEstimate(zero, 'share')).toBe('0.0% [0.0%, 0.0%]')
    expect(formatEstimate(zero, 'rate')).toBe('0.00 [0.00, 0.00]')
  })

  it('simulate: every share is within [0, 1], counted shares use Wilson, the rest a clamped Student-t', async () => {
    const result = await simulate(loadPolicyFile('machines/policies/council.yaml'), short, {
      replications: 3,
      seed: 5,
      workers: 1,
    })
    for (const m of result.metrics) {
      const unit = describeMetric(m.name).unit
      if (unit === 'share' && Number.isFinite(m.low)) {
        expect(m.low, m.name).toBeGreaterThanOrEqual(0)
        expect(m.high, m.name).toBeLessThanOrEqual(1)
      }
      if (unit !== 'share' && Number.isFinite(m.low)) expect(m.low, m.name).toBeGreaterThanOrEqual(0)
    }
    const method = (name: string) => result.metrics.find((m) => m.name === name)?.method
    expect(method('lapseRate')).toBe('wilson')
    expect(method('lastKey.council-of-governors')).toBe('wilson')
    expect(method('slaApprovalBreach')).toBe('wilson')
    expect(method('utilisation.oreshkin')).toBe('student-t')
    expect(method('approvalDays.p50')).toBe('student-t')
    const text = formatSimulation(result, { color: false })
    expect(text).toMatch(/submission → all 3 keys turned & routed \(p50\)/)
    expect(text).not.toMatch(/both keys/)
    expect(text).toMatch(/Wilson 95%/)
    expect(text).not.toMatch(/-0\.0/)
    const html = renderSimulationReport({ simulations: [result] })
    expect(html).toMatch(/all 3 keys turned/)
    expect(html).not.toMatch(/both keys/)
    expect(html).toMatch(/Wilson 95%/)
  })

  it('says how many keys turned: the key, both keys, all n keys', () => {
    expect(describeMetric('approvalDays.mean', 1).label).toBe('submission → the key turned & routed (mean)')
    expect(describeMetric('approvalDays.mean', 2).label).toBe('submission → both keys turned & routed (mean)')
    expect(describeMetric('approvalDays.mean', 4).label).toBe(
      'submission → all 4 keys turned & routed (mean)',
    )
    expect(describeMetric('approvalDays.mean').label).toBe('submission → every key turned & routed (mean)')
  })

  it('diagram --help speaks of one region per key, not of two keys', async () => {
    const { stdout } = await twokeys('diagram', '--help')
    expect(stdout).toMatch(/one parallel region per key/)
    expect(stdout).not.toMatch(/two keys/)
  })
})
