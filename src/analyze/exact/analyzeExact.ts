import type { CompiledTable } from '../../explore/compile.js'
import { createLazyTable } from '../../explore/lazyTable.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { Scenario } from '../../simulate/ScenarioSchema.js'
import { createSimulationModel, type SimulationModel } from '../../simulate/SimulationModel.js'
import { analyzeError } from '../analyzeMessages.js'
import { buildChain, type ExactChain, outcomeIndex, withRates } from './buildChain.js'
import type { ExactAnalysis, ExactSensitivity } from './ExactAnalysis.js'
import { type ExactRatesOptions, exactRatesOf } from './exactRates.js'
import { ABSORPTION_TOLERANCE, solveAbsorption } from './solveAbsorption.js'
import { approvedBy, solveTimeline, type Timeline } from './solveTimeline.js'
import { DEFAULT_EPSILON } from './uniformize.js'

export interface AnalyzeExactOptions extends ExactRatesOptions {
  /** Days at which to report the approval-time CDF. Default 7, 14, 30. */
  at?: readonly number[]
  /** Poisson truncation per segment. Default 1e-12. */
  epsilon?: number
  /** A table compiled earlier; by default a lazy table (only the states one initiative reaches). */
  table?: CompiledTable
  /** The table's state limit (default 200 000); past it, `LIMIT_REACHED`. */
  maxStates?: number
  /** The chain's state limit (default 200 000); past it, `LIMIT_REACHED`. */
  maxChainStates?: number
  /** Compute each holder's sensitivities (two more solutions per holder). Default true. */
  sensitivities?: boolean
}

/** The relative step of the central finite differences behind the sensitivities. */
export const SENSITIVITY_STEP = 1e-3
const QUANTILE_TOLERANCE = 1e-6

/** The fixed deadlines of one review: the window, and the plenary's end where there is one. */
export function deadlinesOf(policy: Policy): number[] {
  const { windowDays, onClose, plenaryDays } = policy.review
  return onClose === 'plenary' ? [windowDays, windowDays + plenaryDays] : [windowDays]
}

/** An approval outlives the longest review: else an expiry (a clock started at a random approval) would matter. */
function checkLifetime(policy: Policy, deadlines: number[]): void {
  const lifetime = policy.approvals.lifetimeDays
  const longest = deadlines[deadlines.length - 1] as number
  if (lifetime !== null && lifetime < longest) {
    throw analyzeError('POLICY_INVALID', 'exact.lifetime', { policy: policy.id, lifetime, longest })
  }
}

interface Solved {
  chain: ExactChain
  timeline: Timeline
  approved: number
  meanDays: number | null
}

/** P(approved) and the mean days to approval, from one solution. */
function solve(
  model: SimulationModel,
  chain: ExactChain,
  deadlines: number[],
  options: AnalyzeExactOptions,
): Solved {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON
  const timeline = solveTimeline(
    chain,
    deadlines,
    epsilon,
    outcomeIndex(model.table.keyCount).approvedOther + 1,
  )
  const K = model.table.keyCount
  let approved = 0
  let approvedDays = 0
  for (let o = 0; o <= outcomeIndex(K).approvedOther; o++) {
    approved += timeline.end.outcomes[o] as number
    approvedDays += timeline.outcomeDays[o] as number
  }
  // E[τ·1{approved}] = ∫₀^last (P(A) − P(approved by t)) dt: nothing is approved after the last deadline.
  const last = deadlines[deadlines.length - 1] as number
  const meanDays = approved > 0 ? (last * approved - approvedDays) / approved : null
  return { chain, timeline, approved, meanDays }
}

/**
 * Exact answers for one initiative under a policy and a scenario whose reviewers are never busy
 * with another initiative and whose review times are exponential: the initiative is an absorbing
 * continuous-time Markov chain on the policy's compiled table (`buildChain`), solved by
 * uniformization between the fixed deadlines (the review window, the plenary) and moved by the
 * TICK at each. Returns P(approved), P(lapsed), P(refused), P(withdrawn), P(escalated), the
 * approval-time mean, median, p90 and CDF at chosen days, which key turns last, and each
 * holder's sensitivities ∂/∂rate (central finite differences), and the long run without the
 * deadlines (Gauss–Seidel, `solveAbsorption`). The mix's entries are weighted as the simulator
 * draws them. Throws `SCENARIO_INVALID` (naming the field and the fix) for what
 * is not a Markov chain: non-exponential durations (unless `assumeExponential`), a capacity
 * below the seats a reviewer holds, deputies, resubmission after a refusal; `LIMIT_REACHED`
 * past the state or step limits; and never reports numbers whose probabilities do not add up.
 *
 * @example
 * const result = analyzeExact(policy, scenario, { at: [7, 30] })
 * result.approved // 0.8608… (two-keys.yaml, examples/scenarios/exact.yaml)
 * result.approvalDays.mean // 10.855… days
 */
export function analyzeExact(
  policy: Policy,
  scenario: Scenario,
  options: AnalyzeExactOptions = {},
): ExactAnalysis {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON
  if (!(epsilon > 0 && epsilon < 1e-3)) throw analyzeError('CONFIG_INVALID', 'exact.epsilon', { epsilon })
  const at = options.at ?? [7, 14, 30]
  for (const day of at) {
    if (!Number.isFinite(day) || day < 0) throw analyzeError('CONFIG_INVALID', 'exact.cdfDay', { day })
  }
  const deadlines = deadlinesOf(policy)
  checkLifetime(policy, deadlines)
  const table =
    options.table ??
    createLazyTable(policy, options.maxStates === undefined ? {} : { maxStates: options.maxStates })
  const model = createSimulationModel(policy, table, scenario)
  const rates = exactRatesOf(model, options)
  const base = solve(model, buildChain(model, rates, options.maxChainStates), deadlines, options)
  const { chain, timeline, approved, meanDays } = base
  const K = table.keyCount
  const O = outcomeIndex(K)
  const out = timeline.end.outcomes
  const last = deadlines[deadlines.length - 1] as number
  // Nothing is approved after the last deadline.
  const approvedByDay = (t: number) => (t >= last ? approved : approvedBy(timeline, t, epsilon))
  const quantile = (q: number): number | null => {
    if (approved <= 0) return null
    let lo = 0
    let hi = last
    while (hi - lo > QUANTILE_TOLERANCE) {
      const mid = (lo + hi) / 2
      if (approvedByDay(mid) >= q * approved) hi = mid
      else lo = mid
    }
    return hi
  }
  const sensitivities: ExactSensitivity[] =
    options.sensitivities === false
      ? []
      : model.reviewers.map((reviewer, p) => {
          const rate = rates.review[p] as number
          const shifted = (factor: number) =>
            solve(
              model,
              withRates(base.chain, {
                ...rates,
                review: rates.review.map((r, i) => (i === p ? r * factor : r)),
              }),
              deadlines,
              options,
            )
          const up = shifted(1 + SENSITIVITY_STEP)
          const down = shifted(1 - SENSITIVITY_STEP)
          const h = 2 * SENSITIVITY_STEP * rate
          const dMeanDays =
            up.meanDays === null || down.meanDays === null ? null : (up.meanDays - down.meanDays) / h
          return {
            reviewer: reviewer.id,
            ratePerDay: rate,
            meanReviewDays: 1 / rate,
            dApproved: (up.approved - down.approved) / h,
            dMeanDays,
            dMeanDaysPerReviewDay: dMeanDays === null ? null : -rate * rate * dMeanDays,
          }
        })
  const longRun = solveAbsorption(chain, O.approvedOther + 1)
  let longApproved = 0
  for (let o = 0; o <= O.approvedOther; o++) longApproved += longRun.outcomes[o] as number
  const share = (mass: number) => (approved > 0 ? mass / approved : null)
  const other = out[O.approvedOther] as number
  const probabilityError = deadlines.length * epsilon
  return {
    policy: policy.id,
    scenario: scenario.name,
    approved,
    lapsed: out[O.lapsed] as number,
    refused: out[O.refused] as number,
    withdrawn: out[O.withdrawn] as number,
    escalated: timeline.escalated,
    approvalDays: {
      mean: meanDays,
      median: quantile(0.5),
      p90: quantile(0.9),
      cdf: at.map((day) => {
        const by = approvedByDay(day)
        return { day, approvedBy: by, ofApproved: share(by) }
      }),
    },
    lastKey: [
      ...policy.keys.map((key, k) => ({ key: key.id, label: key.label, share: share(out[k] as number) })),
      ...(other > 0
        ? [{ key: null, label: 'no key turned at the approving step', share: share(other) }]
        : []),
    ],
    sensitivities,
    withoutDeadlines: {
      approved: longApproved,
      refused: longRun.outcomes[O.refused] as number,
      withdrawn: longRun.outcomes[O.withdrawn] as number,
      undecided: longRun.stuck,
      meanDays: longApproved > 0 ? longRun.approvedDays / longApproved : null,
      sweeps: longRun.sweeps,
      tolerance: ABSORPTION_TOLERANCE,
    },
    method: {
      transient: 'uniformization',
      deadlines,
      epsilon,
      probabilityError,
      meanError:
        approved > 0 ? (epsilon * last * deadlines.length + last * probabilityError) / approved : null,
      quantileTolerance: QUANTILE_TOLERANCE,
      sensitivities: 'central finite differences',
      sensitivityStep: SENSITIVITY_STEP,
      states: chain.states,
      moves: chain.target.length,
      uniformizationSteps: timeline.steps,
      assumed: rates.assumed,
    },
  }
}
