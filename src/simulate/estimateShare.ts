import { type Estimate, studentTQuantile } from './studentT.js'
import { wilsonInterval } from './wilsonInterval.js'

/**
 * A share estimated from counts — `hits[i]` of `trials[i]` in replication i (lapsed of resolved
 * initiatives, say) — as the pooled proportion Σhits / Σtrials with a Wilson score interval.
 *
 * Initiatives of one replication share its queues, so they are not independent trials: the
 * replications are. The interval therefore uses an effective number of trials, Σtrials divided
 * by the design effect — the ratio estimator's variance across replications over the binomial
 * variance, never below 1 — and a Student-t critical value with (replications − 1) degrees of
 * freedom (the Wilson interval with a design effect, after Korn & Graubard 1998). With every
 * count at 0 or at the trials, there is no spread to measure and the design effect is 1.
 *
 * @example
 * estimateShare([3, 5, 4], [40, 42, 38]) // { mean: 0.1, low: 0.05, high: 0.19, method: 'wilson', … }
 */
export function estimateShare(
  hits: ArrayLike<number>,
  trials: ArrayLike<number>,
  level = 0.95,
): Estimate & { trials: number } {
  let n = 0
  let y = 0
  let m = 0
  for (let i = 0; i < trials.length; i++) {
    const t = trials[i] as number
    if (!(t > 0)) continue
    n++
    y += hits[i] as number
    m += t
  }
  const none = { mean: Number.NaN, halfWidth: Number.NaN, low: Number.NaN, high: Number.NaN, sd: Number.NaN }
  if (n === 0) return { ...none, n: 0, trials: 0, method: 'wilson' }
  const p = y / m
  // Variance of the ratio estimator across replications (clusters).
  let ss = 0
  for (let i = 0; i < trials.length; i++) {
    const t = trials[i] as number
    if (t > 0) ss += ((hits[i] as number) - p * t) ** 2
  }
  const mean = m / n
  const clusterVariance = n > 1 ? ss / (n * (n - 1) * mean * mean) : 0
  const binomialVariance = (p * (1 - p)) / m
  const designEffect = binomialVariance > 0 ? Math.max(1, clusterVariance / binomialVariance) : 1
  // One replication says nothing about the spread between replications: t with 1 degree of freedom.
  const z = studentTQuantile(1 - (1 - level) / 2, Math.max(1, n - 1))
  const { low, high } = wilsonInterval(p, m / designEffect, z)
  return {
    mean: p,
    halfWidth: (high - low) / 2,
    low,
    high,
    n,
    sd: Math.sqrt(clusterVariance * n),
    method: 'wilson',
    trials: m,
  }
}
