import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Distribution, meanOf, samplerOf } from '../../src/simulate/distributions.js'
import { EventQueue } from '../../src/simulate/EventQueue.js'
import { P2Quantile } from '../../src/simulate/P2Quantile.js'
import { hashInts, hashOn, hashPair, Random, StreamSet } from '../../src/simulate/random.js'
import { estimate, studentTQuantile } from '../../src/simulate/studentT.js'

const draws = (r: Random, n: number) => Array.from({ length: n }, () => r.next())

describe('seeded streams', () => {
  it('seeded by a pair without an argument array are the streams seeded by the same pair', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), fc.nat({ max: 64 }), (id, k) => {
        expect(hashPair(id, k)).toBe(hashInts(id, k))
        expect(hashOn(hashInts(7, id), k)).toBe(hashInts(7, id, k))
        const a = new StreamSet(1)
        const b = new StreamSet(1)
        a.seed(0, id, k)
        b.seedPair(0, id, k)
        expect([b.next(0), b.next(0)]).toEqual([a.next(0), a.next(0)])
      }),
    )
  })

  it('are deterministic: the same ids give the same numbers', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (seed, rep, entity) => {
        expect(draws(new Random(seed, rep, entity), 8)).toEqual(draws(new Random(seed, rep, entity), 8))
      }),
    )
  })

  it('split by id: neighbouring streams are different and uncorrelated', () => {
    const n = 20_000
    const a = draws(new Random(7, 0, 1), n)
    const b = draws(new Random(7, 0, 2), n)
    const c = draws(new Random(7, 1, 1), n)
    expect(a).not.toEqual(b)
    const corr = (x: number[], y: number[]) => {
      const mx = x.reduce((s, v) => s + v, 0) / n
      const my = y.reduce((s, v) => s + v, 0) / n
      let sxy = 0
      let sxx = 0
      let syy = 0
      for (let i = 0; i < n; i++) {
        sxy += (x[i]! - mx) * (y[i]! - my)
        sxx += (x[i]! - mx) ** 2
        syy += (y[i]! - my) ** 2
      }
      return sxy / Math.sqrt(sxx * syy)
    }
    // |r| < 4/√n holds for independent streams except with negligible probability.
    expect(Math.abs(corr(a, b))).toBeLessThan(4 / Math.sqrt(n))
    expect(Math.abs(corr(a, c))).toBeLessThan(4 / Math.sqrt(n))
    const mean = a.reduce((s, v) => s + v, 0) / n
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n))
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...a)).toBeLessThan(1)
  })

  it('sample each distribution with the right mean', () => {
    const dists = [
      { kind: 'fixed', value: 3 },
      { kind: 'exponential', mean: 5 },
      { kind: 'uniform', min: 1, max: 9 },
      { kind: 'triangular', min: 1, mode: 2, max: 6 },
      { kind: 'lognormal', mean: 4, sd: 3 },
      { kind: 'empirical', values: [1, 2, 2, 7] },
    ] satisfies Distribution[]
    for (const d of dists) {
      const r = new Random(1, 2, 3)
      const sample = samplerOf(d)
      const xs = Array.from({ length: 40_000 }, () => sample(() => r.next()))
      const e = estimate(xs, 0.999)
      expect(meanOf(d), d.kind).toBeGreaterThanOrEqual(e.low - 1e-12)
      expect(meanOf(d), d.kind).toBeLessThanOrEqual(e.high + 1e-12)
    }
  })
})

describe('the event queue', () => {
  it('pops in time order, ties in insertion order (fast-check against a sort)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.boolean()), { maxLength: 300 }),
        (ops) => {
          const q = new EventQueue()
          const model: { t: number; id: number }[] = []
          const popped: number[] = []
          const expected: number[] = []
          ops.forEach(([t, pop], id) => {
            q.push(t, 0, id, 0, 0)
            model.push({ t, id })
            if (pop) {
              model.sort((a, b) => a.t - b.t || a.id - b.id)
              expected.push(model.shift()!.id)
              q.pop()
              popped.push(q.a)
            }
          })
          model.sort((a, b) => a.t - b.t || a.id - b.id)
          while (q.pop()) popped.push(q.a)
          expect(popped).toEqual([...expected, ...model.map((m) => m.id)])
        },
      ),
    )
  })
})

describe('statistics', () => {
  it('computes Student-t quantiles for any n', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 2)
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262, 3)
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045, 3)
    expect(studentTQuantile(0.995, 199)).toBeCloseTo(2.601, 3)
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3)
  })

  it('P² tracks quantiles of an exponential', () => {
    const r = new Random(3)
    const qs = [0.5, 0.9, 0.99].map((p) => new P2Quantile(p))
    for (let i = 0; i < 100_000; i++) {
      const x = -Math.log(1 - r.next())
      for (const q of qs) q.add(x)
    }
    expect(qs[0]!.value()).toBeCloseTo(Math.log(2), 1)
    expect(qs[1]!.value()).toBeCloseTo(Math.log(10), 1)
    expect(qs[2]!.value()).toBeCloseTo(Math.log(100), 0)
  })
})
