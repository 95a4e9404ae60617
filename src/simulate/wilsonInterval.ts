/**
 * The Wilson score interval for a proportion `p` observed over `n` trials, with critical value
 * `z` (1.96 for 95 %): the set of proportions the score test does not reject. Unlike p ± z·se it
 * never leaves [0, 1] and does not collapse to a point at 0 or 1. `n` may be an effective number
 * of trials (not a whole number).
 *
 * @example
 * wilsonInterval(0, 10, 1.96) // { low: 0, high: 0.2775 }
 */
export function wilsonInterval(p: number, n: number, z: number): { low: number; high: number } {
  const z2 = z * z
  const denominator = 1 + z2 / n
  const center = (p + z2 / (2 * n)) / denominator
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  // Exact at the ends (0 and 1 are in the interval when observed), clamped against rounding.
  return {
    low: p <= 0 ? 0 : Math.max(0, center - half),
    high: p >= 1 ? 1 : Math.min(1, center + half),
  }
}
