import { analyzeError } from '../analyzeMessages.js'
import type { ExactChain } from './buildChain.js'

/** The default truncation of the Poisson series: the mass left out of each segment is below this. */
export const DEFAULT_EPSILON = 1e-12

/** The most uniformization steps one segment may take before the analysis stops (`LIMIT_REACHED`). */
export const MAX_UNIFORMIZATION_STEPS = 5_000_000

/**
 * A distribution over the chain: transient mass `transient[x]` and absorbed mass `outcomes[o]`.
 */
export interface ChainDistribution {
  transient: Float64Array
  outcomes: Float64Array
}

export interface UniformizationResult {
  /** The distribution at time t. */
  at: ChainDistribution
  /** ∫₀ᵗ of the distribution (state-days), for means. */
  integral: ChainDistribution
  /** Steps of the series (the Poisson truncation point). */
  steps: number
}

/** One step of the uniformized chain P = I + Q/Λ: from `v` into `w` (outcomes accumulate). */
function step(chain: ExactChain, lambda: number, v: ChainDistribution, w: ChainDistribution): void {
  w.transient.fill(0)
  w.outcomes.set(v.outcomes)
  for (let x = 0; x < chain.states; x++) {
    const mass = v.transient[x] as number
    if (mass === 0) continue
    w.transient[x] = (w.transient[x] as number) + mass * (1 - (chain.exit[x] as number) / lambda)
    for (let i = chain.rowStart[x] as number; i < (chain.rowStart[x + 1] as number); i++) {
      const to = chain.target[i] as number
      const flow = (mass * (chain.rate[i] as number)) / lambda
      if (to >= 0) w.transient[to] = (w.transient[to] as number) + flow
      else w.outcomes[-1 - to] = (w.outcomes[-1 - to] as number) + flow
    }
  }
}

const copy = (v: ChainDistribution): ChainDistribution => ({
  transient: Float64Array.from(v.transient),
  outcomes: Float64Array.from(v.outcomes),
})
const zero = (chain: ExactChain): ChainDistribution => ({
  transient: new Float64Array(chain.states),
  outcomes: new Float64Array(chain.outcomes),
})
const addScaled = (into: ChainDistribution, v: ChainDistribution, c: number) => {
  for (let i = 0; i < v.transient.length; i++)
    into.transient[i] = (into.transient[i] as number) + c * (v.transient[i] as number)
  for (let i = 0; i < v.outcomes.length; i++)
    into.outcomes[i] = (into.outcomes[i] as number) + c * (v.outcomes[i] as number)
}

/**
 * The chain's transient solution by uniformization (Jensen's method): with Λ ≥ every exit rate
 * and P = I + Q/Λ, π(t) = Σₖ Pois(k; Λt) · π₀Pᵏ and ∫₀ᵗ π = (1/Λ) Σₖ P(N > k) · π₀Pᵏ, N ~ Pois(Λt).
 * The series stops at the first k with P(N > k) ≤ ε and E[(N − k)⁺]/Λ ≤ ε·t, so each probability
 * is short by at most ε and each integral by at most ε·t (all terms are non-negative). The
 * Poisson weights are computed in logarithms and normalized, their tails summed from the right,
 * so a long segment (Λt in the thousands) neither underflows nor loses the tail's digits.
 * `onStep` sees π₀Pᵏ at each step (the CDF at other days is read off those, see `approvedBy`).
 *
 * @example
 * const { at } = uniformize(chain, { transient: chain.initial, outcomes: new Float64Array(chain.outcomes) }, 30)
 */
export function uniformize(
  chain: ExactChain,
  start: ChainDistribution,
  t: number,
  epsilon = DEFAULT_EPSILON,
  onStep?: (k: number, v: ChainDistribution) => void,
): UniformizationResult {
  const lambda = uniformizationRate(chain)
  const lt = lambda * t
  if (t <= 0 || lt === 0) return { at: copy(start), integral: zero(chain), steps: 0 }
  const { weights, tails, steps } = poissonSeries(lt, t * lambda, epsilon)
  const at = zero(chain)
  const integral = zero(chain)
  let v = copy(start)
  let w = zero(chain)
  for (let k = 0; k <= steps; k++) {
    const weight = weights[k] as number
    const tail = tails[k] as number // P(N > k)
    onStep?.(k, v)
    if (weight > 0) addScaled(at, v, weight)
    if (tail > 0) addScaled(integral, v, tail / lambda)
    if (k < steps) {
      step(chain, lambda, v, w)
      ;[v, w] = [w, v]
    }
  }
  return { at, integral, steps }
}

/**
 * Poisson(m) weights for k = 0 … steps, normalized, with right tails P(N > k) and
 * E[(N − k)⁺] = Σ_{j ≥ k} P(N > j) summed from the right (so small tails keep their digits);
 * `steps` is the first k past the mean where P(N > k) ≤ ε and E[(N − k)⁺] ≤ ε·`integralScale`.
 *
 * @example
 * poissonSeries(30, 30, 1e-12).steps // about 80
 */
export function poissonSeries(m: number, integralScale: number, epsilon: number) {
  const logs: number[] = []
  const logM = Math.log(m)
  let log = -m
  let peak = Number.NEGATIVE_INFINITY
  // Far enough right that the weights left out are below ε·10⁻⁶ (they fall faster than geometrically).
  const stop = Math.log(epsilon * 1e-6)
  for (let k = 0; ; k++) {
    if (k > 0) log += logM - Math.log(k)
    logs.push(log)
    if (log > peak) peak = log
    if (k > m + 1 && log - peak < stop && log < stop) break
    if (k > MAX_UNIFORMIZATION_STEPS) {
      throw analyzeError('LIMIT_REACHED', 'exact.uniformization', {
        max: MAX_UNIFORMIZATION_STEPS,
        rate: m.toPrecision(4),
      })
    }
  }
  const n = logs.length
  const weights = new Float64Array(n)
  let sum = 0
  for (let k = 0; k < n; k++) sum += weights[k] = Math.exp((logs[k] as number) - peak)
  for (let k = 0; k < n; k++) weights[k] = (weights[k] as number) / sum
  const tails = new Float64Array(n)
  const excess = new Float64Array(n)
  for (let k = n - 2; k >= 0; k--) tails[k] = (tails[k + 1] as number) + (weights[k + 1] as number)
  for (let k = n - 2; k >= 0; k--) excess[k] = (excess[k + 1] as number) + (tails[k] as number)
  let steps = 0
  while (
    steps < n - 1 &&
    (steps < m || (tails[steps] as number) > epsilon || (excess[steps] as number) > epsilon * integralScale)
  )
    steps++
  return { weights, tails, excess, steps }
}

/**
 * Λ: the largest exit rate (every state's own rate fits under it).
 *
 * @example
 * uniformizationRate(chain) // 0.95: the fastest state leaves at 0.95 per day
 */
export function uniformizationRate(chain: ExactChain): number {
  let lambda = 1e-300
  for (const r of chain.exit) if (r > lambda) lambda = r
  return lambda
}

/**
 * The start of a chain: its initial distribution, nothing absorbed.
 *
 * @example
 * uniformize(chain, initialDistribution(chain), 30)
 */
export function initialDistribution(chain: ExactChain): ChainDistribution {
  return { transient: Float64Array.from(chain.initial), outcomes: new Float64Array(chain.outcomes) }
}

/**
 * What a deadline's TICK does to a distribution (the window closes: plenary, or lapse).
 *
 * @example
 * const afterWindow = applyTick(chain, uniformize(chain, initialDistribution(chain), 30).at)
 */
export function applyTick(chain: ExactChain, v: ChainDistribution): ChainDistribution {
  const w: ChainDistribution = {
    transient: new Float64Array(chain.states),
    outcomes: Float64Array.from(v.outcomes),
  }
  for (let x = 0; x < chain.states; x++) {
    const mass = v.transient[x] as number
    if (mass === 0) continue
    const to = chain.tick[x] as number
    if (to >= 0) w.transient[to] = (w.transient[to] as number) + mass
    else w.outcomes[-1 - to] = (w.outcomes[-1 - to] as number) + mass
  }
  return w
}
