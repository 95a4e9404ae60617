import { TwoKeysError } from '../../domain/TwoKeysError.js'
import type { ExactChain } from './buildChain.js'
import { applyTick, type ChainDistribution, initialDistribution, uniformize } from './uniformize.js'

/** One stretch between deadlines: where it starts, with what distribution. */
interface Segment {
  from: number
  to: number
  start: ChainDistribution
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
export function solveTimeline(chain: ExactChain, deadlines: readonly number[], epsilon: number): Timeline {
  const segments: Segment[] = []
  let v = initialDistribution(chain)
  let from = 0
  let steps = 0
  let escalated = 0
  const outcomeDays = new Float64Array(chain.outcomes)
  deadlines.forEach((to, j) => {
    segments.push({ from, to, start: v })
    const r = uniformize(chain, v, to - from, epsilon)
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

/** The distribution at day t (after the deadlines before it). */
export function distributionAt(
  timeline: Timeline,
  chain: ExactChain,
  t: number,
  epsilon: number,
): ChainDistribution {
  if (t <= 0) return (timeline.segments[0] as Segment).start
  const segment = timeline.segments.find((s) => t >= s.from && t < s.to)
  if (segment === undefined) return timeline.end
  return uniformize(chain, segment.start, t - segment.from, epsilon).at
}
