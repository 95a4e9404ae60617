import { analyzeError } from '../analyzeMessages.js'
import type { ExactChain } from './buildChain.js'

/** Gauss–Seidel stops when no unknown moved by more than this in a sweep. */
export const ABSORPTION_TOLERANCE = 1e-13
/** Sweeps before Gauss–Seidel gives up (`LIMIT_REACHED`, never a number that did not converge). */
export const MAX_SWEEPS = 10_000

/** The long-run answer: where the chain ends if no deadline ever fires. */
export interface Absorption {
  /** P(each outcome) from the initial distribution. */
  outcomes: Float64Array
  /** P(no outcome ever): a state with no clock left running (it would wait for the deadline). */
  stuck: number
  /** E[τ · 1{outcome ∈ approved}] in days, τ the time to absorption. */
  approvedDays: number
  sweeps: number
}

/**
 * Absorption probabilities and the mean time to approval of the chain without its deadlines,
 * by Gauss–Seidel on the sparse generator: for each transient x with exit rate qₓ,
 * h(x) = Σ_y q(x,y)/qₓ · h(y) + q(x, approved)/qₓ (likewise for each outcome), and
 * g(x) = h(x)/qₓ + Σ_y q(x,y)/qₓ · g(y) for E[τ·1{approved} | x]. The sweeps run in reverse
 * order of discovery (the search finds a state before the states it leads to, so most of the
 * chain is solved in one sweep) until no unknown moves by more than 1e-13; past 10,000 sweeps
 * it throws `LIMIT_REACHED`.
 *
 * @example
 * const longRun = solveAbsorption(chain, 3) // outcomes 0, 1, 2 are approvals
 */
export function solveAbsorption(chain: ExactChain, approvedOutcomes: number): Absorption {
  const n = chain.states
  const O = chain.outcomes
  const h = new Float64Array(n * O)
  const g = new Float64Array(n)
  let sweeps = 0
  for (;;) {
    let change = 0
    for (let x = n - 1; x >= 0; x--) {
      const q = chain.exit[x] as number
      if (q === 0) continue
      const row = new Float64Array(O)
      let gx = 0
      for (let i = chain.rowStart[x] as number; i < (chain.rowStart[x + 1] as number); i++) {
        const p = (chain.rate[i] as number) / q
        const to = chain.target[i] as number
        if (to < 0) row[-1 - to] = (row[-1 - to] as number) + p
        else {
          for (let o = 0; o < O; o++) row[o] = (row[o] as number) + p * (h[to * O + o] as number)
          gx += p * (g[to] as number)
        }
      }
      let approved = 0
      for (let o = 0; o < O; o++) {
        const v = row[o] as number
        if (o < approvedOutcomes) approved += v
        change = Math.max(change, Math.abs(v - (h[x * O + o] as number)))
        h[x * O + o] = v
      }
      gx += approved / q
      change = Math.max(change, Math.abs(gx - (g[x] as number)))
      g[x] = gx
    }
    sweeps++
    if (change <= ABSORPTION_TOLERANCE) break
    if (sweeps >= MAX_SWEEPS) {
      throw analyzeError('LIMIT_REACHED', 'exact.notConverged', { max: MAX_SWEEPS, change })
    }
  }
  const outcomes = new Float64Array(O)
  let approvedDays = 0
  for (let x = 0; x < n; x++) {
    const w = chain.initial[x] as number
    if (w === 0) continue
    for (let o = 0; o < O; o++) outcomes[o] = (outcomes[o] as number) + w * (h[x * O + o] as number)
    approvedDays += w * (g[x] as number)
  }
  const stuck = Math.max(0, 1 - outcomes.reduce((a, b) => a + b, 0))
  return { outcomes, stuck, approvedDays, sweeps }
}
