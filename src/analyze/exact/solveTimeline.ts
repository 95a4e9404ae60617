import { TwoKeysError } from '../../domain/TwoKeysError.js'
import type { ExactChain } from './buildChain.js'
import {
  applyTick,
  type ChainDistribution,
  initialDistribution,
  poissonSeries,
  uniformizationRate,
  uniformize,
} from './uniformize.js'

/** One stretch between deadlines: where it starts, with what distribution. */
interface Segment {
  from: number
  to: number
  start: ChainDistribution
  /** Λ of the uniformized chain. */
  lambda: number
  /** Approved mass after k steps of the uniformized chain, k = 0 … (enough for the whole segment). */
  approvedSteps: Float64Array
}

/**
 * The chain solved piecewise across its fixed deadlines: between two deadlines it is a CTMC
 * (uniformization); at a deadline the TICK moves every open state at once (plenary, or lapse).
 */
export interface Timeline {
  segments: Segment[]
  /** After the last deadline: every initiative has an outcome. */
  end: ChainDistribution
  /** Σ over segments of ∫ (mass in each outcome) dt, state-days. */
  outcomeDays: Float64Array
  /** Mass that the first deadline sent to plenary. */
  escalated: number
  /** Uniformization steps over all segments. */
  steps: number
}

/** Left open after the last deadline or lost in sums: more than this is an error, never a number. */
export const MASS_TOLERANCE = 1e-9

/**
 * Solves the chain from its initial distribution across the deadlines (days from submission, in
 * increasing order; the last one must close every review).
 *
 * @example
 * const timeline = solveTimeline(chain, [30, 44])
 * timeline.end.outcomes // P(each outcome)
 */
export function solveTimeline(
  chain: ExactChain,
  deadlines: readonly number[],
  epsilon: number,
  approvedOutcomes: number,
): Timeline {
  const segments: Segment[] = []
  let v = initialDistribution(chain)
  let from = 0
  let steps = 0
  let escalated = 0
  const outcomeDays = new Float64Array(chain.outcomes)
  deadlines.forEach((to, j) => {
    const approvedSteps: number[] = []
    const r = uniformize(chain, v, to - from, epsilon, (_k, u) => {
      let mass = 0
      for (let o = 0; o < approvedOutcomes; o++) mass += u.outcomes[o] as number
      approvedSteps.push(mass)
    })
    segments.push({
      from,
      to,
      start: v,
      lambda: uniformizationRate(chain),
      approvedSteps: Float64Array.from(approvedSteps),
    })
    steps += r.steps
    r.integral.outcomes.forEach((m, o) => {
      outcomeDays[o] = (outcomeDays[o] as number) + m
    })
    if (j === 0) {
      for (let x = 0; x < chain.states; x++) {
        const to = chain.tick[x] as number
        if (to >= 0 && chain.plenary[to] === 1) escalated += r.at.transient[x] as number
      }
    }
    v = applyTick(chain, r.at)
    from = to
  })
  const open = v.transient.reduce((a, m) => a + m, 0)
  if (open > MASS_TOLERANCE) {
    throw new TwoKeysError(
      'INTERNAL',
      `the exact analysis left ${open} of the initiatives open after the last deadline (day ${from}); the table's TICK did not close the review`,
    )
  }
  const total = v.outcomes.reduce((a, m) => a + m, 0)
  if (Math.abs(total - 1) > MASS_TOLERANCE + deadlines.length * epsilon) {
    throw new TwoKeysError(
      'INTERNAL',
      `the exact analysis lost probability mass (the outcomes add up to ${total}, not 1): refusing to report numbers`,
    )
  }
  return { segments, end: v, outcomeDays, escalated, steps }
}

/**
 * P(approved by day t), from the approved mass each uniformization step reached (recorded once
 * per segment): Σₖ Pois(k; Λ(t − from)) · aₖ, so a quantile's bisection costs no matrix work.
 */
export function approvedBy(timeline: Timeline, t: number, epsilon: number): number {
  const segment = timeline.segments.find((s) => t >= s.from && t < s.to)
  if (segment === undefined) return t <= 0 ? 0 : Number.NaN
  const series = segment.approvedSteps
  const m = segment.lambda * (t - segment.from)
  if (m === 0) return series[0] as number
  const { weights, steps } = poissonSeries(m, m, epsilon)
  if (steps >= series.length) throw new RangeError(`day ${t} needs ${steps} steps, ${series.length} recorded`)
  let sum = 0
  for (let k = 0; k <= steps; k++) sum += (weights[k] as number) * (series[k] as number)
  return sum
}
