import { keysTurned } from './keysTurned.js'

/** What a metric is in words, and its unit. */
export interface MetricDescription {
  label: string
  unit: 'days' | 'share' | 'count' | 'rate'
}

/**
 * Words and units for each metric name, for tables and charts; `keys` (the policy's number of
 * keys) words the lead times: "submission → all 3 keys turned & routed (p50)".
 *
 * @example
 * describeMetric('lapseRate') // { label: 'lapsed', unit: 'share' }
 */
export function describeMetric(name: string, keys?: number): MetricDescription {
  const [head, tail] = name.split('.') as [string, string | undefined]
  const lead: Record<string, string> = {
    approvalDays: `submission → ${keysTurned(keys)} & routed`,
    completionDays: 'submission → rollout complete',
  }
  if (head in lead && tail !== undefined) return { label: `${lead[head]} (${tail})`, unit: 'days' }
  const fixed: Record<string, MetricDescription> = {
    arrivals: { label: 'initiatives submitted after warm-up', unit: 'count' },
    approvedPer30: { label: 'throughput: approved per 30 days', unit: 'rate' },
    completedPer30: { label: 'throughput: completed per 30 days', unit: 'rate' },
    'wip.mean': { label: 'work in progress (time average)', unit: 'count' },
    approvalRate: { label: 'approved', unit: 'share' },
    refusalRate: { label: 'refused by a veto key at least once', unit: 'share' },
    amendmentRate: { label: 'amended at least once (amendment loop)', unit: 'share' },
    amendmentsPerInitiative: { label: 'amendments per initiative', unit: 'count' },
    escalationRate: { label: 'escalated to plenary', unit: 'share' },
    lapseRate: { label: 'lapsed', unit: 'share' },
    withdrawalRate: { label: 'withdrawn', unit: 'share' },
    slaApprovalBreach: { label: 'SLA breach: not approved within the SLA', unit: 'share' },
    slaCompletionBreach: { label: 'SLA breach: not completed within the SLA', unit: 'share' },
  }
  const known = fixed[name]
  if (known !== undefined) return known
  if (head === 'lastKey') return { label: `last key to turn: ${tail}`, unit: 'share' }
  if (head === 'utilisation') return { label: `utilisation of ${tail}`, unit: 'share' }
  if (head === 'queue') return { label: `queue length at ${tail} (time average)`, unit: 'count' }
  return { label: name, unit: 'count' }
}

/** The range a metric's true value lies in: a share in [0, 1], everything else at or above 0. */
export function metricRange(name: string): readonly [number, number] {
  return describeMetric(name).unit === 'share' ? [0, 1] : [0, Number.POSITIVE_INFINITY]
}
