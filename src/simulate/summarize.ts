import type { Policy } from '../policy/PolicySchema.js'
import { metricRange } from './describeMetric.js'
import { estimateShare } from './estimateShare.js'
import type { ReplicationResult } from './runReplication.js'
import type { Scenario } from './ScenarioSchema.js'
import type { SimulationResult } from './SimulationResult.js'
import { type Estimate, estimate } from './studentT.js'

// Its own file, free of node:os and worker_threads, so the browser playground summarises with it too.

export const QUANTILE_METHOD =
  'p50/p90/p99 per replication by the P² streaming estimator (5 markers each, O(1) memory); intervals across replications'

export const INTERVAL_METHOD =
  "Wilson 95% for shares of initiatives (the score interval on the counts pooled over replications, with their design effect); Student-t 95% across replications for the rest, cut to the metric's range (utilisation to [0, 1], times and counts at 0)"

/**
 * One metric across replications: a share of initiatives from its pooled counts with a Wilson
 * interval, anything else as the mean of the replications' values with a Student-t interval
 * cut to the metric's range.
 */
export function summarizeMetric(results: readonly ReplicationResult[], name: string): Estimate {
  if (results.length > 0 && results.every((r) => r.counts[name] !== undefined)) {
    return estimateShare(
      results.map((r) => r.counts[name]?.hits ?? 0),
      results.map((r) => r.counts[name]?.trials ?? 0),
    )
  }
  return estimate(
    results.map((r) => r.scalars[name] ?? Number.NaN),
    0.95,
    metricRange(name),
  )
}

/** Summarises replication results: each metric's estimate and interval, WIP, histograms. */
export function summarize(
  policy: Policy,
  scenario: Scenario,
  results: ReplicationResult[],
  names: string[],
  meta: { seed: number; workers: number; seconds: number },
): SimulationResult {
  const metrics = names.map((name) => ({ name, ...summarizeMetric(results, name) }))
  const points = scenario.wipPoints
  const wip = Array.from({ length: points }, (_, i) => {
    const e = estimate(
      results.map((r) => r.wip[i] ?? Number.NaN),
      0.95,
      [0, Number.POSITIVE_INFINITY],
    )
    return { day: (scenario.horizonDays * i) / (points - 1), mean: e.mean, low: e.low, high: e.high }
  })
  const sum = (pick: (r: ReplicationResult) => number[]) =>
    results.reduce<number[]>((acc, r) => {
      pick(r).forEach((v, i) => {
        acc[i] = (acc[i] ?? 0) + v
      })
      return acc
    }, [])
  return {
    policy: policy.id,
    scenario: scenario.name,
    seed: meta.seed,
    replications: results.length,
    workers: meta.workers,
    horizonDays: scenario.horizonDays,
    warmupDays: scenario.warmupDays,
    keys: policy.keys.map((k) => ({ id: k.id, label: k.label })),
    reviewers: [...new Set(policy.keys.flatMap((k) => k.holders))],
    metrics,
    wip,
    approvalHistogram: sum((r) => r.approvalHistogram),
    completionHistogram: sum((r) => r.completionHistogram),
    events: results.reduce((a, r) => a + r.events, 0),
    initiatives: results.reduce((a, r) => a + r.initiatives, 0),
    seconds: meta.seconds,
    quantileMethod: QUANTILE_METHOD,
    intervalMethod: INTERVAL_METHOD,
  }
}
