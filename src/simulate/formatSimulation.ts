import pc from 'picocolors'
import type { ComparisonResult, SimulationResult } from './SimulationResult.js'
import type { Estimate } from './studentT.js'

/** Words and units for each metric name, for tables and charts. */
export function describeMetric(name: string): { label: string; unit: 'days' | 'share' | 'count' | 'rate' } {
  const [head, tail] = name.split('.') as [string, string | undefined]
  const lead: Record<string, string> = {
    approvalDays: 'submission → both keys turned & routed',
    completionDays: 'submission → rollout complete',
  }
  if (head in lead && tail !== undefined) return { label: `${lead[head]} (${tail})`, unit: 'days' }
  const fixed: Record<string, { label: string; unit: 'days' | 'share' | 'count' | 'rate' }> = {
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

const fmt = (v: number, unit: string) =>
  !Number.isFinite(v)
    ? '—'
    : unit === 'share'
      ? `${(v * 100).toFixed(1)}%`
      : v.toFixed(unit === 'days' ? 1 : 2)

/** "12.3 [11.8, 12.9]" in the metric's unit. */
export function formatEstimate(e: Estimate, unit: string): string {
  if (!Number.isFinite(e.mean)) return '—'
  const ci = Number.isFinite(e.halfWidth) ? ` [${fmt(e.low, unit)}, ${fmt(e.high, unit)}]` : ''
  return `${fmt(e.mean, unit)}${ci}`
}

function table(rows: string[][], color: boolean): string {
  const c = pc.createColors(color)
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows
    .map((r, j) => {
      const line = r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
      return j === 0 ? c.bold(line) : line
    })
    .join('\n')
}

/**
 * A simulation result as a terminal table: each metric's mean and 95 % interval.
 *
 * @example
 * process.stdout.write(formatSimulation(result))
 */
export function formatSimulation(result: SimulationResult, options: { color?: boolean } = {}): string {
  const color = options.color ?? pc.isColorSupported
  const c = pc.createColors(color)
  const head = `${c.bold(`Simulation of "${result.scenario}" under policy "${result.policy}"`)}\n${c.dim(
    `${result.replications} replications · seed ${result.seed} · ${result.horizonDays} days (warm-up ${result.warmupDays}) · ${result.initiatives.toLocaleString('en')} initiatives · ${result.events.toLocaleString('en')} events · ${result.seconds.toFixed(2)} s`,
  )}\n`
  const rows = [['metric', 'mean [95% CI]']]
  for (const m of result.metrics) {
    const d = describeMetric(m.name)
    rows.push([d.label, formatEstimate(m, d.unit)])
  }
  const last = result.metrics
    .filter((m) => m.name.startsWith('lastKey.') && Number.isFinite(m.mean))
    .sort((a, b) => b.mean - a.mean)[0]
  const bottleneck =
    last === undefined || result.keys.length < 2
      ? ''
      : `\n${c.bold('Bottleneck:')} ${result.keys.find((k) => `lastKey.${k.id}` === last.name)?.label ?? last.name} is the last key to turn in ${formatEstimate(last, 'share')} of approvals.\n`
  return `${head}\n${table(rows, color)}\n${bottleneck}${c.dim(`Quantiles: ${result.quantileMethod}.`)}\n`
}

/**
 * A comparison as a terminal table: A, B and the paired difference B − A with its interval.
 *
 * @example
 * process.stdout.write(formatComparison(result))
 */
export function formatComparison(result: ComparisonResult, options: { color?: boolean } = {}): string {
  const color = options.color ?? pc.isColorSupported
  const c = pc.createColors(color)
  const head = `${c.bold(`Comparison on "${result.a.scenario}": A = "${result.a.policy}", B = "${result.b.policy}"`)}\n${c.dim(
    `${result.a.replications} replications each · seed ${result.a.seed} · ${result.commonRandomNumbers ? 'common random numbers (paired)' : 'independent streams'}`,
  )}\n`
  const rows = [['metric', 'A', 'B', 'B − A [95% CI]']]
  for (const m of result.metrics) {
    const d = describeMetric(m.name)
    const diff = formatEstimate(m.difference, d.unit)
    const significant = Number.isFinite(m.difference.low) && (m.difference.low > 0 || m.difference.high < 0)
    rows.push([
      d.label,
      formatEstimate(m.a, d.unit),
      formatEstimate(m.b, d.unit),
      significant ? `${diff} *` : diff,
    ])
  }
  return `${head}\n${table(rows, color)}\n${c.dim('* the interval excludes 0')}\n`
}

/** Metrics as CSV: one row per metric (and per policy when comparing). */
export function simulationCsv(result: SimulationResult): string {
  const lines = ['policy,scenario,metric,mean,ci_low,ci_high,sd,n']
  for (const m of result.metrics) {
    lines.push([result.policy, result.scenario, m.name, m.mean, m.low, m.high, m.sd, m.n].join(','))
  }
  return `${lines.join('\n')}\n`
}

export function comparisonCsv(result: ComparisonResult): string {
  const lines = [
    'metric,a_policy,a_mean,a_low,a_high,b_policy,b_mean,b_low,b_high,diff_mean,diff_low,diff_high',
  ]
  for (const m of result.metrics) {
    lines.push(
      [
        m.name,
        result.a.policy,
        m.a.mean,
        m.a.low,
        m.a.high,
        result.b.policy,
        m.b.mean,
        m.b.low,
        m.b.high,
        m.difference.mean,
        m.difference.low,
        m.difference.high,
      ].join(','),
    )
  }
  return `${lines.join('\n')}\n`
}
