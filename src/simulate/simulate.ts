import { type CompiledTable, compile } from '../explore/compile.js'
import type { ExploreProgress } from '../explore/explore.js'
import { createLazyTable } from '../explore/lazyTable.js'
import type { Policy } from '../policy/PolicySchema.js'
import { metricRange } from './describeMetric.js'
import { scalarNames } from './runReplication.js'
import { type RunOptions, replicationThreads, runReplications } from './runReplications.js'
import type { Scenario } from './ScenarioSchema.js'
import { createSimulationModel } from './SimulationModel.js'
import type { ComparisonResult, SimulationResult } from './SimulationResult.js'
import { estimate } from './studentT.js'
import { summarize, summarizeMetric } from './summarize.js'

/** How a simulation compiles its policy's table (when it is not given one). */
export interface TableOptions {
  /**
   * The state limit: past it the table throws `LIMIT_REACHED` (never a result on a table cut
   * short). Lazily, it bounds the states the simulation reaches; whole, every reachable state.
   * Default 200 000.
   */
  maxStates?: number
  /**
   * Compile every reachable state before the first replication (`compile`), instead of only the
   * states the simulation reaches, as it reaches them (`createLazyTable`, the default). Both give
   * the same results; the whole table reports progress as it compiles.
   */
  wholeTable?: boolean
  /** Called as each policy's whole table is compiled, with the policy's id. */
  onCompileProgress?: (policy: string, progress: ExploreProgress) => void
}

export interface SimulateOptions extends RunOptions, TableOptions {
  /** A table compiled earlier (compiling is the slow part for big policies). */
  table?: CompiledTable
}

/**
 * The policy's table: lazy (computed as the simulation reaches states) unless `wholeTable`; a
 * limit reached throws `LIMIT_REACHED` either way.
 */
export function compileFor(policy: Policy, options: TableOptions): CompiledTable {
  if (options.wholeTable !== true)
    return createLazyTable(policy, options.maxStates === undefined ? {} : { maxStates: options.maxStates })
  const progress = options.onCompileProgress
  return compile(policy, {
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    ...(progress === undefined ? {} : { onProgress: (p: ExploreProgress) => progress(policy.id, p) }),
  })
}

async function run(policy: Policy, scenario: Scenario, options: SimulateOptions) {
  const table = options.table ?? compileFor(policy, options)
  const names = scalarNames(createSimulationModel(policy, table, scenario))
  const started = performance.now()
  const results = await runReplications(policy, table, scenario, options)
  const seconds = (performance.now() - started) / 1000
  return {
    results,
    names,
    seconds,
    workers: replicationThreads(table, options.replications, options.workers),
  }
}

/**
 * Runs independent replications of a scenario under a policy and reports every metric with a
 * 95 % confidence interval: Wilson on the pooled counts for shares of initiatives, Student-t
 * across replications (cut to the metric's range) for the rest.
 *
 * @example
 * const result = await simulate(policy, scenario, { replications: 200, seed: 7 })
 * result.metrics.find((m) => m.name === 'approvalDays.p50') // { mean, low, high, … }
 */
export async function simulate(
  policy: Policy,
  scenario: Scenario,
  options: SimulateOptions,
): Promise<SimulationResult> {
  const { results, names, seconds, workers } = await run(policy, scenario, options)
  return summarize(policy, scenario, results, names, { seed: options.seed, workers, seconds })
}

export interface CompareOptions extends RunOptions, TableOptions {
  tables?: [CompiledTable, CompiledTable]
  /** Common random numbers (default true): both policies see the same seeds and streams. */
  commonRandomNumbers?: boolean
}

/**
 * Runs one scenario under two policies with common random numbers (the same seed and per-entity
 * streams, so initiative i arrives at the same time and each reviewer takes the same time on it
 * under both), and reports each metric's paired difference B − A with its interval.
 *
 * @example
 * const c = await compare(twoKeys, singleKey, scenario, { replications: 100, seed: 7 })
 * c.metrics.find((m) => m.name === 'approvalDays.mean')?.difference
 */
export async function compare(
  a: Policy,
  b: Policy,
  scenario: Scenario,
  options: CompareOptions,
): Promise<ComparisonResult> {
  const crn = options.commonRandomNumbers ?? true
  // Both tables first: a limit reached fails before any replication, and progress never
  // stands still at half while the second policy compiles.
  const tables = options.tables ?? [compileFor(a, options), compileFor(b, options)]
  const total = options.replications * 2
  const progress = (offset: number) =>
    options.onProgress === undefined
      ? {}
      : { onProgress: (d: number) => options.onProgress?.(offset + d, total) }
  const ra = await run(a, scenario, {
    ...options,
    ...progress(0),
    table: tables[0],
  })
  const rb = await run(b, scenario, {
    ...options,
    ...progress(options.replications),
    // Without CRN, B's replications draw from streams A never used.
    seed: crn ? options.seed : (options.seed + 0x5bd1e995) >>> 0,
    table: tables[1],
  })
  const meta = (r: typeof ra, seed: number) => ({ seed, workers: r.workers, seconds: r.seconds })
  const sa = summarize(a, scenario, ra.results, ra.names, meta(ra, options.seed))
  const sb = summarize(
    b,
    scenario,
    rb.results,
    rb.names,
    meta(rb, crn ? options.seed : (options.seed + 0x5bd1e995) >>> 0),
  )
  const names = [...ra.names, ...rb.names.filter((n) => !ra.names.includes(n))]
  const metrics = names.map((name) => {
    const va = ra.results.map((r) => r.scalars[name] ?? Number.NaN)
    const vb = rb.results.map((r) => r.scalars[name] ?? Number.NaN)
    // A difference of shares lies in [-1, 1]; of anything else, anywhere.
    const [low, high] = metricRange(name)
    return {
      name,
      a: summarizeMetric(ra.results, name),
      b: summarizeMetric(rb.results, name),
      difference: estimate(
        vb.map((v, i) => v - (va[i] as number)),
        0.95,
        [low - high, high - low],
      ),
    }
  })
  return { a: sa, b: sb, commonRandomNumbers: crn, metrics }
}
