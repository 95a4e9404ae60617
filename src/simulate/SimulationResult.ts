import type { Estimate } from './studentT.js'

/** One metric across replications: its estimate with a 95 % interval (Wilson or Student-t, see `method`). */
export interface MetricEstimate extends Estimate {
  name: string
}

/** A point of the WIP-over-time series, averaged across replications. */
export interface WipPoint {
  day: number
  mean: number
  low: number
  high: number
}

/**
 * What `simulate` reports: every metric as an estimate with its interval, WIP over time, and
 * the lead-time histograms summed over replications (one bin per day, the last is overflow).
 */
export interface SimulationResult {
  policy: string
  scenario: string
  seed: number
  replications: number
  /** Threads the replications ran on (`--workers`; by default the number of cores, at most one per replication). */
  workers: number
  horizonDays: number
  warmupDays: number
  keys: { id: string; label: string }[]
  reviewers: string[]
  metrics: MetricEstimate[]
  wip: WipPoint[]
  approvalHistogram: number[]
  completionHistogram: number[]
  events: number
  initiatives: number
  seconds: number
  /** How quantiles were estimated, said in the output. */
  quantileMethod: string
  /** Which intervals the metrics carry, said in the output. */
  intervalMethod: string
}

/** One metric under two policies, and the paired difference B − A with its interval. */
export interface MetricComparison {
  name: string
  a: Estimate
  b: Estimate
  difference: Estimate
}

export interface ComparisonResult {
  a: SimulationResult
  b: SimulationResult
  /** Whether both ran on the same seeds and streams (common random numbers). */
  commonRandomNumbers: boolean
  metrics: MetricComparison[]
}
