import type { AssumedExponential } from './exactRates.js'

/** The approval-time distribution at one day: P(approved by then), and that share of the approved. */
export interface ExactCdfPoint {
  day: number
  /** P(approved within `day` days of submission). */
  approvedBy: number
  /** Of the initiatives that are approved, the share approved by then. */
  ofApproved: number | null
}

/** How fast one holder reviews, and what a faster review would change. */
export interface ExactSensitivity {
  reviewer: string
  /** 1 / mean review days. */
  ratePerDay: number
  meanReviewDays: number
  /** ∂ P(approved) / ∂ rate (per unit of rate, i.e. per review per day). */
  dApproved: number
  /** ∂ E[days to approval | approved] / ∂ rate; null when nothing is approved. */
  dMeanDays: number | null
  /** The same per day of mean review: ∂ E[days to approval | approved] / ∂ mean review days (= −rate² · dMeanDays). */
  dMeanDaysPerReviewDay: number | null
}

/**
 * What `analyzeExact` computes for one initiative of the scenario's mix under the policy: exact
 * probabilities of each outcome, the approval-time distribution, which key turns last, and each
 * holder's sensitivity — with the method and its error bound.
 */
export interface ExactAnalysis {
  policy: string
  scenario: string
  /** P(approved): every key turned (the rollout starts). */
  approved: number
  /** P(lapsed): the window (and plenary) closed first. */
  lapsed: number
  /** P(refused): a key refused, and the sponsor withdrew. */
  refused: number
  /** P(withdrawn) other than after a refusal: a reviewer asked for an amendment past the sponsor's last. */
  withdrawn: number
  /** P(escalated): the review window closed with the review still open (it went to plenary). */
  escalated: number
  approvalDays: {
    /** E[days from submission to approval | approved]; null when nothing is approved. */
    mean: number | null
    median: number | null
    p90: number | null
    cdf: ExactCdfPoint[]
  }
  /** Of the approved, the share whose last key to turn was each key (`key: null`: none turned at that step, listed only when it happens). */
  lastKey: { key: string | null; label: string; share: number | null }[]
  sensitivities: ExactSensitivity[]
  /**
   * The long-run answer, as if the window never closed (Gauss–Seidel on the chain without its
   * deadlines): what the deadlines cost, beside the transient answer above.
   */
  withoutDeadlines: {
    approved: number
    refused: number
    withdrawn: number
    /** P(never decided): no review left running, so only a deadline would end it. */
    undecided: number
    meanDays: number | null
    /** Gauss–Seidel sweeps until no unknown moved by more than `tolerance`. */
    sweeps: number
    tolerance: number
  }
  method: {
    /** "uniformization": the transient solution between the fixed deadlines. */
    transient: 'uniformization'
    /** The days (from submission) at which a deadline's TICK fires. */
    deadlines: number[]
    /** Poisson truncation per segment. */
    epsilon: number
    /** Each probability above is within this of the exact value (truncation; rounding aside). */
    probabilityError: number
    /** The mean is within this many days of the exact value. */
    meanError: number | null
    /** Quantiles by bisection on the exact CDF, to this many days. */
    quantileTolerance: number
    /** How the sensitivities are computed: central finite differences on each holder's rate. */
    sensitivities: 'central finite differences'
    /** Their relative step h: (f(rate·(1+h)) − f(rate·(1−h))) / (2h·rate). */
    sensitivityStep: number
    states: number
    moves: number
    uniformizationSteps: number
    /** Durations replaced by exponentials of the same mean (`assumeExponential`). */
    assumed: AssumedExponential[]
  }
}
