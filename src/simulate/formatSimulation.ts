import pc from 'picocolors'
import { describeMetric } from './describeMetric.js'
import { commonKeyCount } from './keysTurned.js'
import type { ComparisonResult, SimulationResult } from './SimulationResult.js'
import type { Estimate } from './studentT.js'

export { describeMetric }

/** A number rounded for print, without the sign of a value that rounds to zero ("-0.0"). */
const fixed = (v: number, digits: number) => {
  const text = v.toFixed(digits)
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text
}

const fmt = (v: number, unit: string) =>
  !Number.isFinite(v) ? '—' : unit === 'share' ? `${fixed(v * 100, 1)}%` : fixed(v, unit === 'days' ? 1 : 2)

/** The interval's name for a table cell. */
export const methodName = (e: Estimate) => (e.method === 'wilson' ? 'Wilson' : 'Student-t')

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
 * A simulation result as a terminal table: each metric's estimate, its 95 % interval and which
 * interval it is (Wilson for shares of initiatives, Student-t for the rest).
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
  const rows = [['metric', 'estimate [95% CI]', 'interval']]
  for (const m of result.metrics) {
    const d = describeMetric(m.name, result.keys.length)
    rows.push([d.label, formatEstimate(m, d.unit), Number.isFinite(m.mean) ? methodName(m) : ''])
  }
  const last = result.metrics
    .filter((m) => m.name.startsWith('lastKey.') && Number.isFinite(m.mean))
    .sort((a, b) => b.mean - a.mean)[0]
  const bottleneck =
    last === undefined || result.keys.length < 2
      ? ''
      : `\n${c.bold('Bottleneck:')} ${result.keys.find((k) => `lastKey.${k.id}` === last.name)?.label ?? last.name} is the last key to turn in ${formatEstimate(last, 'share')} of approvals.\n`
  return `${head}\n${table(rows, color)}\n${bottleneck}${c.dim(`Intervals: ${result.intervalMethod}.\nQuantiles: ${result.quantileMethod}.`)}\n`
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
  const keys = commonKeyCount([result.a.keys.length, result.b.keys.length])
  for (const m of result.metrics) {
    const d = describeMetric(m.name, keys)
    const diff = formatEstimate(m.difference, d.unit)
    const significant = Number.isFinite(m.difference.low) && (m.difference.low > 0 || m.difference.high < 0)
    rows.push([
      d.label,
      formatEstimate(m.a, d.unit),
      formatEstimate(m.b, d.unit),
      significant ? `${diff} *` : diff,
    ])
  }
  return `${head}\n${table(rows, color)}\n${c.dim(`* the interval excludes 0\nA and B: ${result.a.intervalMethod}. B − A: Student-t 95% on the paired differences across replications.`)}\n`
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
