import { describe, expect, it } from 'vitest'
import { simulate } from '../../src/simulate/simulate.js'
import { theoryCases } from './theoryCases.js'

// Fixed seeds: each simulated mean must fall inside its 95 % interval of the exact value.
describe('simulated means agree with queueing theory', () => {
  for (const c of theoryCases()) {
    it(c.name, async () => {
      const result = await simulate(c.policy, c.scenario, {
        replications: c.replications,
        seed: 11,
        workers: 1,
      })
      for (const check of c.checks) {
        const m = result.metrics.find((x) => x.name === check.metric)
        expect(m, check.metric).toBeDefined()
        expect(m?.n).toBe(c.replications)
        expect(
          check.exact,
          `${check.metric}: ${m?.mean} [${m?.low}, ${m?.high}] vs ${check.formula}`,
        ).toBeGreaterThanOrEqual(m?.low as number)
        expect(
          check.exact,
          `${check.metric}: ${m?.mean} [${m?.low}, ${m?.high}] vs ${check.formula}`,
        ).toBeLessThanOrEqual(m?.high as number)
      }
    })
  }
})
