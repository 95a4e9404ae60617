import pc from 'picocolors'
import { capIssues } from '../policy/capIssues.js'
import { describeIssue } from '../policy/describeIssue.js'
import type { Policy } from '../policy/PolicySchema.js'
import { ENGLISH_SWEEP_WORDS, formatEstimate, type SweepWords } from './formatSimulation.js'
import type { RunOptions } from './runReplications.js'
import { type Scenario, ScenarioSchema } from './ScenarioSchema.js'
import type { MetricEstimate } from './SimulationResult.js'
import { resolvePath, setPath } from './setPath.js'
import { compileFor, simulate, type TableOptions } from './simulate.js'
import { simulateError } from './simulateMessages.js'
import { type Estimate, estimate } from './studentT.js'
import { INTERVAL_METHOD } from './summarize.js'

/** Most sweep points one run accepts. */
export const MAX_SWEEP_POINTS = 1000

/**
 * Parses the values of `--vary`: an inclusive range `a..b:step` (step 1 when left out), a comma
 * list `5,10,20`, or one value. Numbers become numbers; other words stay strings (`fifo,lifo`).
 *
 * @example
 * parseValues('5..40:5') // [5, 10, 15, 20, 25, 30, 35, 40]
 * parseValues('5,10,20') // [5, 10, 20]
 */
export function parseValues(text: string): (number | string)[] {
  const range =
    /^\s*(-?[\d.]+(?:e-?\d+)?)\s*\.\.\s*(-?[\d.]+(?:e-?\d+)?)\s*(?::\s*([\d.]+(?:e-?\d+)?))?\s*$/i.exec(text)
  if (range !== null) {
    const from = Number(range[1])
    const to = Number(range[2])
    const step = range[3] === undefined ? 1 : Number(range[3])
    if (![from, to, step].every(Number.isFinite) || step <= 0 || to < from) {
      throw simulateError('COMMAND_INVALID', 'vary.badRange', { text })
    }
    const count = Math.floor((to - from) / step + 1e-9) + 1
    if (count > MAX_SWEEP_POINTS)
      throw simulateError('COMMAND_INVALID', 'vary.tooManyPoints', { text, count, max: MAX_SWEEP_POINTS })
    // Rounded to the step's decimals, so 0.1 steps give 0.3, not 0.30000000000000004.
    const decimals = Math.max(...[range[1] ?? '', range[3] ?? '1'].map((s) => s.split('.')[1]?.length ?? 0))
    return Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(decimals)))
  }
  if (text.includes('..')) throw simulateError('COMMAND_INVALID', 'vary.notARange', { text })
  const items = text.split(',').map((s) => s.trim())
  if (items.some((s) => s === '')) throw simulateError('COMMAND_INVALID', 'vary.emptyItem', { text })
  if (items.length > MAX_SWEEP_POINTS)
    throw simulateError('COMMAND_INVALID', 'vary.tooManyValues', {
      text,
      count: items.length,
      max: MAX_SWEEP_POINTS,
    })
  return items.map((s) => {
    if (s === 'true' || s === 'false') return s
    const n = Number(s)
    return Number.isFinite(n) ? n : s
  })
}

/**
 * Splits `--vary 'path=values'` into the path and its values.
 *
 * @example
 * parseVary('reviewers.principals.oreshkin.reviewDays.mean=5..40:5')
 */
export function parseVary(text: string): { path: string; values: (number | string)[] } {
  // The path may contain `[field=value]`; the values start at the first "=" outside brackets.
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '=' && depth === 0) {
      const path = text.slice(0, i).trim()
      if (path === '') break
      return { path, values: parseValues(text.slice(i + 1)) }
    }
  }
  throw simulateError('COMMAND_INVALID', 'vary.notPathValues', { text })
}

/**
 * The scenario with one parameter changed, validated again by the schema: a bad path, a value of
 * the wrong type, or one the schema rejects throws `SCENARIO_INVALID` naming the path.
 *
 * @example
 * varyScenario(scenario, 'principals.oreshkin.reviewDays.mean', 10)
 */
export function varyScenario(scenario: Scenario, path: string, value: number | string | boolean): Scenario {
  const varied = setPath(scenario, path, value)
  const result = ScenarioSchema.safeParse(varied)
  if (!result.success) {
    // Worded as a scenario file's issues are (what, where, how to fix), each from its phrase.
    const issues = capIssues(
      result.error.issues.flatMap((i) => describeIssue(i, varied, ScenarioSchema, 'scenario')),
    )
    throw simulateError(
      'SCENARIO_INVALID',
      'vary.invalid',
      { scenario: scenario.name, path, value: JSON.stringify(value), issues },
      { issues },
    )
  }
  return result.data
}

export interface SweepPoint {
  value: number | string
  metrics: MetricEstimate[]
  events: number
  seconds: number
}

export interface SweepResult {
  policy: string
  scenario: string
  path: string
  /** The principal the path varies (`reviewers.principals.<id>…`), whose utilisation is shown. */
  principal: string | null
  seed: number
  replications: number
  keys: { id: string; label: string }[]
  /** The metrics each point reports, in column order. */
  metricNames: string[]
  points: SweepPoint[]
  commonRandomNumbers: true
  /** Which intervals the metrics carry. */
  intervalMethod: string
}

export interface SweepOptions extends RunOptions, TableOptions {
  path: string
  values: (number | string)[]
}

/**
 * Runs a scenario once per value of one parameter, every point on the same seed (common random
 * numbers: initiative i arrives at the same time at every point), and reports the key metrics.
 * Every varied scenario is validated before any runs.
 *
 * @example
 * const s = await sweep(policy, scenario, { path: 'principals.oreshkin.reviewDays.mean', values: [5, 10], replications: 10, seed: 1 })
 */
export async function sweep(policy: Policy, scenario: Scenario, options: SweepOptions): Promise<SweepResult> {
  if (options.values.length === 0) throw simulateError('COMMAND_INVALID', 'vary.noValues', {})
  const at = resolvePath(scenario, options.path)
  const segs = at.segments
  const principal =
    segs.length >= 3 &&
    segs[0]?.kind === 'key' &&
    segs[0].key === 'reviewers' &&
    segs[1]?.kind === 'key' &&
    segs[1].key === 'principals' &&
    segs[2]?.kind === 'key'
      ? segs[2].key
      : null
  const scenarios = options.values.map((v) => varyScenario(scenario, options.path, v))
  const metricNames = [
    'approvalDays.p50',
    'approvalDays.mean',
    'approvedPer30',
    'lapseRate',
    ...(principal === null ? [] : [`utilisation.${principal}`]),
    ...policy.keys.map((k) => `lastKey.${k.id}`),
  ]
  const table = compileFor(policy, options)
  const total = options.values.length * options.replications
  const points: SweepPoint[] = []
  for (const [i, s] of scenarios.entries()) {
    const result = await simulate(policy, s, {
      replications: options.replications,
      seed: options.seed,
      table,
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.onProgress === undefined
        ? {}
        : {
            onProgress: (d: number) => options.onProgress?.(i * options.replications + d, total),
          }),
    })
    points.push({
      value: options.values[i]!,
      metrics: metricNames.map(
        (name) => result.metrics.find((m) => m.name === name) ?? { name, ...estimate([]) },
      ),
      events: result.events,
      seconds: result.seconds,
    })
  }
  return {
    policy: policy.id,
    scenario: scenario.name,
    path: options.path,
    principal,
    seed: options.seed,
    replications: options.replications,
    keys: policy.keys.map((k) => ({ id: k.id, label: k.label })),
    metricNames,
    points,
    commonRandomNumbers: true,
    intervalMethod: INTERVAL_METHOD,
  }
}

/** A column's unit and header, in `words`; a `lastKey.*` column names its key by the key's label. */
function header(result: SweepResult, name: string, words: SweepWords): { label: string; unit: string } {
  const unit =
    name === 'approvalDays.p50' || name === 'approvalDays.mean'
      ? 'days'
      : name === 'approvedPer30'
        ? 'rate'
        : 'share'
  const key = result.keys.find((k) => `lastKey.${k.id}` === name)
  return { label: words.column(name, key?.label), unit }
}

/**
 * A sweep as a terminal table: one row per value, each metric's estimate and 95 % interval
 * (Wilson for the shares of initiatives, Student-t for the rest).
 *
 * @example
 * process.stdout.write(formatSweep(result))
 */
export function formatSweep(
  result: SweepResult,
  options: { color?: boolean; words?: SweepWords } = {},
): string {
  const words = options.words ?? ENGLISH_SWEEP_WORDS
  const color = options.color ?? pc.isColorSupported
  const c = pc.createColors(color)
  const head = `${c.bold(words.sweepOf(result.path, result.scenario, result.policy))}\n${c.dim(
    words.run(result.replications, result.seed),
  )}\n`
  const rows = [[words.value, ...result.metricNames.map((n) => header(result, n, words).label)]]
  for (const p of result.points) {
    rows.push([
      String(p.value),
      ...p.metrics.map((m) => formatEstimate(m as Estimate, header(result, m.name, words).unit)),
    ])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  const lines = rows.map((r, j) => {
    const line = r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
    return j === 0 ? c.bold(line) : line
  })
  return `${head}\n${lines.join('\n')}\n${c.dim(words.intervals(result.intervalMethod))}\n`
}

/** A sweep as CSV: one row per value, mean and interval per metric. */
export function sweepCsv(result: SweepResult): string {
  const cols = result.metricNames.flatMap((n) => [n, `${n}.low`, `${n}.high`])
  const lines = [['path', 'value', ...cols].join(',')]
  for (const p of result.points) {
    lines.push([result.path, p.value, ...p.metrics.flatMap((m) => [m.mean, m.low, m.high])].join(','))
  }
  return `${lines.join('\n')}\n`
}
