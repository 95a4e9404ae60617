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

/**
 * The words of the simulation and comparison tables, so the CLI can print them in its language.
 * Metric names, policy and scenario ids, and the numbers' meaning stay the same.
 */
export interface SimulationWords {
  simulationOf(scenario: string, policy: string): string
  run(facts: {
    replications: number
    seed: number
    horizonDays: number
    warmupDays: number
    initiatives: number
    events: number
    seconds: string
  }): string
  columns: { metric: string; estimate: string; interval: string }
  /** A metric's label (`describeMetric`'s in English), for the policy's number of keys. */
  metric(name: string, keys: number | undefined): string
  method(e: Estimate): string
  /** A key's label as the policy gives it in this language. */
  key(id: string, label: string): string
  bottleneck: string
  lastKey(key: string, share: string): string
  intervals(method: string): string
  quantiles(method: string): string
  comparisonOf(scenario: string, a: string, b: string): string
  comparisonRun(replications: number, seed: number, paired: boolean): string
  difference: string
  excludesZero: string
  comparisonIntervals(method: string): string
}

export const ENGLISH_SIMULATION_WORDS: SimulationWords = {
  simulationOf: (scenario, policy) => `Simulation of "${scenario}" under policy "${policy}"`,
  run: (f) =>
    `${f.replications} replications · seed ${f.seed} · ${f.horizonDays} days (warm-up ${f.warmupDays}) · ${f.initiatives.toLocaleString('en')} initiatives · ${f.events.toLocaleString('en')} events · ${f.seconds} s`,
  columns: { metric: 'metric', estimate: 'estimate [95% CI]', interval: 'interval' },
  metric: (name, keys) => describeMetric(name, keys).label,
  method: methodName,
  key: (_id, label) => label,
  bottleneck: 'Bottleneck:',
  lastKey: (key, share) => `${key} is the last key to turn in ${share} of approvals.`,
  intervals: (method) => `Intervals: ${method}.`,
  quantiles: (method) => `Quantiles: ${method}.`,
  comparisonOf: (scenario, a, b) => `Comparison on "${scenario}": A = "${a}", B = "${b}"`,
  comparisonRun: (replications, seed, paired) =>
    `${replications} replications each · seed ${seed} · ${paired ? 'common random numbers (paired)' : 'independent streams'}`,
  difference: 'B − A [95% CI]',
  excludesZero: '* the interval excludes 0',
  comparisonIntervals: (method) =>
    `A and B: ${method}. B − A: Student-t 95% on the paired differences across replications.`,
}

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
export function formatSimulation(
  result: SimulationResult,
  options: { color?: boolean; words?: SimulationWords } = {},
): string {
  const words = options.words ?? ENGLISH_SIMULATION_WORDS
  const color = options.color ?? pc.isColorSupported
  const c = pc.createColors(color)
  const head = `${c.bold(words.simulationOf(result.scenario, result.policy))}\n${c.dim(
    words.run({
      replications: result.replications,
      seed: result.seed,
      horizonDays: result.horizonDays,
      warmupDays: result.warmupDays,
      initiatives: result.initiatives,
      events: result.events,
      seconds: result.seconds.toFixed(2),
    }),
  )}\n`
  const rows = [[words.columns.metric, words.columns.estimate, words.columns.interval]]
  for (const m of result.metrics) {
    const d = describeMetric(m.name, result.keys.length)
    rows.push([
      words.metric(m.name, result.keys.length),
      formatEstimate(m, d.unit),
      Number.isFinite(m.mean) ? words.method(m) : '',
    ])
  }
  const last = result.metrics
    .filter((m) => m.name.startsWith('lastKey.') && Number.isFinite(m.mean))
    .sort((a, b) => b.mean - a.mean)[0]
  const lastKey = result.keys.find((k) => `lastKey.${k.id}` === last?.name)
  const bottleneck =
    last === undefined || result.keys.length < 2
      ? ''
      : `\n${c.bold(words.bottleneck)} ${words.lastKey(lastKey === undefined ? last.name : words.key(lastKey.id, lastKey.label), formatEstimate(last, 'share'))}\n`
  return `${head}\n${table(rows, color)}\n${bottleneck}${c.dim(`${words.intervals(result.intervalMethod)}\n${words.quantiles(result.quantileMethod)}`)}\n`
}

/**
 * A comparison as a terminal table: A, B and the paired difference B − A with its interval.
 *
 * @example
 * process.stdout.write(formatComparison(result))
 */
export function formatComparison(
  result: ComparisonResult,
  options: { color?: boolean; words?: SimulationWords } = {},
): string {
  const words = options.words ?? ENGLISH_SIMULATION_WORDS
  const color = options.color ?? pc.isColorSupported
  const c = pc.createColors(color)
  const head = `${c.bold(words.comparisonOf(result.a.scenario, result.a.policy, result.b.policy))}\n${c.dim(
    words.comparisonRun(result.a.replications, result.a.seed, result.commonRandomNumbers),
  )}\n`
  const rows = [[words.columns.metric, 'A', 'B', words.difference]]
  const keys = commonKeyCount([result.a.keys.length, result.b.keys.length])
  for (const m of result.metrics) {
    const d = describeMetric(m.name, keys)
    const diff = formatEstimate(m.difference, d.unit)
    const significant = Number.isFinite(m.difference.low) && (m.difference.low > 0 || m.difference.high < 0)
    rows.push([
      words.metric(m.name, keys),
      formatEstimate(m.a, d.unit),
      formatEstimate(m.b, d.unit),
      significant ? `${diff} *` : diff,
    ])
  }
  return `${head}\n${table(rows, color)}\n${c.dim(`${words.excludesZero}\n${words.comparisonIntervals(result.a.intervalMethod)}`)}\n`
}

/** The words of a sweep's table (`formatSweep`), so the CLI can print it in its language. */
export interface SweepWords {
  sweepOf(path: string, scenario: string, policy: string): string
  run(replications: number, seed: number): string
  value: string
  /** A column's header for a metric; `key` is the key's label for `lastKey.*`. */
  column(name: string, key: string | undefined): string
  intervals(method: string): string
}

export const ENGLISH_SWEEP_WORDS: SweepWords = {
  sweepOf: (path, scenario, policy) => `Sweep of ${path} on "${scenario}" under policy "${policy}"`,
  run: (replications, seed) =>
    `${replications} replications per point · seed ${seed} · common random numbers across points`,
  value: 'value',
  column: (name, key) => {
    if (name === 'approvalDays.p50') return 'approval p50 (days)'
    if (name === 'approvalDays.mean') return 'approval mean (days)'
    if (name === 'approvedPer30') return 'approved / 30 d'
    if (name === 'lapseRate') return 'lapsed'
    if (name.startsWith('utilisation.')) return `util. ${name.slice(12)}`
    return `last: ${key ?? name.slice(8)}`
  },
  intervals: (method) => `Intervals: ${method}.`,
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
