/** ln Γ(x), Lanczos approximation (g = 7, n = 9). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const y = x - 1
  let a = c[0] as number
  const t = y + 7.5
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (y + i)
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Continued fraction for the regularised incomplete beta (Numerical Recipes' betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-15) break
  }
  return h
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom, computed (bisection on the CDF),
 * not looked up: t(0.975, 9) ≈ 2.262.
 *
 * @example
 * studentTQuantile(0.975, 199) // 1.972
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(df > 0)) return Number.NaN
  if (p === 0.5) return 0
  if (p < 0.5) return -studentTQuantile(1 - p, df)
  let lo = 0
  let hi = 1
  while (studentTCdf(hi, df) < p) hi *= 2
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2
    if (studentTCdf(mid, df) < p) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * An estimate with its two-sided confidence interval across independent replications: a mean
 * with a Student-t interval (`estimate`), or a share of counts with a Wilson score interval
 * (`estimateShare`).
 */
export interface Estimate {
  mean: number
  /**
   * Half the interval's width. A Student-t interval is mean ± halfWidth unless it was clamped to
   * the metric's range; a Wilson interval is not centred on the mean.
   */
  halfWidth: number
  low: number
  high: number
  /** Replications that had a value (a metric can be undefined in a replication, e.g. no completions). */
  n: number
  sd: number
  /** How the interval was made: Student-t across replications, or Wilson on pooled counts. */
  method: 'student-t' | 'wilson'
}

/**
 * The mean of `values` (NaN ones skipped) with a `level` (default 95 %) Student-t interval,
 * intersected with `range` when the quantity cannot leave it (a share lies in [0, 1], a time is
 * never negative): the true value is in the range, so cutting off the rest loses no coverage.
 *
 * @example
 * estimate([2.1, 1.9, 2.0]) // { mean: 2, halfWidth: 0.248, … }
 * estimate([0.6, 1, 1], 0.95, [0, 1]).high // 1, not 1.35
 */
export function estimate(
  values: ArrayLike<number>,
  level = 0.95,
  range: readonly [number, number] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
): Estimate {
  let n = 0
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (Number.isFinite(v)) {
      n++
      sum += v
    }
  }
  const mean = n === 0 ? Number.NaN : sum / n
  let ss = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean)
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN
  const halfWidth = n > 1 ? (studentTQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n) : Number.NaN
  const [min, max] = range
  return {
    mean,
    halfWidth,
    low: Math.min(max, Math.max(min, mean - halfWidth)),
    high: Math.max(min, Math.min(max, mean + halfWidth)),
    n,
    sd,
    method: 'student-t',
  }
}
