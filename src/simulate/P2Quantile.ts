/**
 * The P² streaming quantile estimator (Jain & Chlamtac, 1985): five markers, O(1) memory per
 * quantile however many observations arrive. Exact below five observations.
 *
 * @example
 * const median = new P2Quantile(0.5)
 * for (const x of xs) median.add(x)
 * median.value()
 */
export class P2Quantile {
  private readonly q = new Float64Array(5)
  private readonly n = new Float64Array(5)
  private readonly np = new Float64Array(5)
  private readonly dn: Float64Array
  count = 0

  constructor(readonly p: number) {
    this.dn = Float64Array.of(0, p / 2, p, (1 + p) / 2, 1)
  }

  add(x: number): void {
    const q = this.q
    const n = this.n
    if (this.count < 5) {
      q[this.count++] = x
      if (this.count === 5) {
        q.sort()
        for (let i = 0; i < 5; i++) {
          n[i] = i
          this.np[i] = 4 * (this.dn[i] as number)
        }
      }
      return
    }
    this.count++
    let k: number
    if (x < (q[0] as number)) {
      q[0] = x
      k = 0
    } else if (x >= (q[4] as number)) {
      q[4] = Math.max(q[4] as number, x)
      k = 3
    } else {
      k = 0
      while (k < 3 && x >= (q[k + 1] as number)) k++
    }
    for (let i = k + 1; i < 5; i++) n[i] = (n[i] as number) + 1
    for (let i = 0; i < 5; i++) this.np[i] = (this.np[i] as number) + (this.dn[i] as number)
    for (let i = 1; i < 4; i++) {
      const d = (this.np[i] as number) - (n[i] as number)
      const ni = n[i] as number
      if ((d >= 1 && (n[i + 1] as number) - ni > 1) || (d <= -1 && (n[i - 1] as number) - ni < -1)) {
        const s = Math.sign(d)
        const qi = q[i] as number
        const qp = q[i + 1] as number
        const qm = q[i - 1] as number
        const np1 = n[i + 1] as number
        const nm1 = n[i - 1] as number
        const parabolic =
          qi +
          (s / (np1 - nm1)) *
            ((ni - nm1 + s) * ((qp - qi) / (np1 - ni)) + (np1 - ni - s) * ((qi - qm) / (ni - nm1)))
        if (qm < parabolic && parabolic < qp) q[i] = parabolic
        else q[i] = qi + (s * ((q[i + s] as number) - qi)) / ((n[i + s] as number) - ni)
        n[i] = ni + s
      }
    }
  }

  /** The current estimate; NaN before any observation. */
  value(): number {
    if (this.count === 0) return Number.NaN
    if (this.count < 5) {
      const sorted = Array.from(this.q.subarray(0, this.count)).sort((a, b) => a - b)
      const h = (sorted.length - 1) * this.p
      const lo = Math.floor(h)
      const hi = Math.ceil(h)
      return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number))
    }
    return this.q[2] as number
  }
}
