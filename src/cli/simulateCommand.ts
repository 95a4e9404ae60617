import { type Command, Option } from 'commander'
import {
  ENGLISH_SIMULATION_WORDS,
  formatSimulation,
  loadScenarioFile,
  MAX_REPLICATIONS,
  MAX_SEED,
  type Policy,
  renderSimulationReport,
  simulate,
  simulationCsv,
  TwoKeysError,
} from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { loadCliPolicy } from './packagePath.js'
import { progressLine } from './progressLine.js'
import { russianSimulationWords } from './simulationWords.ru.js'
import { MAX_STATES_LIMIT, wholeNumber } from './wholeNumber.js'
import { writeOutputFile } from './writeOutputFile.js'

export interface SimulationCliOptions {
  scenario?: string
  replications: string
  seed: string
  workers?: string
  json?: boolean
  csv?: boolean
  report?: string
  progress?: boolean
  maxStates?: string
  wholeTable?: boolean
}

/** Most worker threads: more than any machine has cores, few enough to start. */
const MAX_WORKERS = 256

/** The simulation tables' words in the CLI's language (key labels from these policies' translations). */
export const simulationWords = (policies: readonly Policy[]) =>
  inCliLanguage({ en: ENGLISH_SIMULATION_WORDS, ru: russianSimulationWords(policies) })

/** The run options shared by simulate, compare and sweep. */
export function runOptions(options: SimulationCliOptions) {
  if (options.scenario === undefined) {
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().giveScenario)
  }
  return {
    scenario: loadScenarioFile(options.scenario),
    replications: wholeNumber(options.replications, '--replications', 2, MAX_REPLICATIONS),
    seed: wholeNumber(options.seed, '--seed', 0, MAX_SEED),
    ...(options.workers === undefined
      ? {}
      : { workers: wholeNumber(options.workers, '--workers', 1, MAX_WORKERS) }),
    ...(options.maxStates === undefined
      ? {}
      : { maxStates: wholeNumber(options.maxStates, '--max-states', 1, MAX_STATES_LIMIT) }),
    wholeTable: options.wholeTable === true,
  }
}

/**
 * Progress for people on a terminal: a line while each policy's table compiles, then a bar
 * over the replications. Nothing with --json or --csv, or when stderr is not a terminal.
 */
export function runProgress(verb: string, options: SimulationCliOptions) {
  const forPeople = options.json !== true && options.csv !== true
  const line = progressLine(forPeople)
  const bar = progressBar(verb, forPeople)
  return {
    ...(line.update === undefined
      ? {}
      : {
          onCompileProgress: (policy: string, p: Parameters<NonNullable<typeof line.update>>[1]) =>
            line.update?.(inCliLanguage({ en: `compiling "${policy}"`, ru: `компиляция «${policy}»` }), p),
        }),
    ...(bar.update === undefined ? {} : { onProgress: bar.update }),
    done: () => {
      line.done()
      bar.done()
    },
  }
}

/** A one-line progress bar on stderr, only when stderr is a terminal (and output is for people). */
export function progressBar(label: string, enabled: boolean) {
  if (!enabled || process.stderr.isTTY !== true) return { update: undefined, done: () => {} }
  const started = performance.now()
  return {
    update: (done: number, total: number) => {
      const width = 30
      const filled = Math.round((done / total) * width)
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      process.stderr.write(
        `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} · ${inCliLanguage({ en: `${seconds} s`, ru: `${seconds.replace('.', ',')} с` })}`,
      )
    },
    done: () => process.stderr.write('\r\x1b[2K'),
  }
}

export function addRunOptions(command: Command): Command {
  return command
    .requiredOption('--scenario <file>', 'scenario file (YAML or JSON), see examples/scenarios/')
    .option('--replications <n>', 'independent replications', '30')
    .option('--seed <n>', 'random seed', '1')
    .option('--workers <n>', 'worker threads (default: the number of cores)')
    .option('--json', 'print the result as JSON')
    .option('--csv', 'print the metrics as CSV')
    .option('--report <file>', 'write a self-contained HTML report with charts')
    .addOption(maxStatesOption())
    .addOption(wholeTableOption())
}

/** How far a simulation's table may grow, and whether it is compiled whole first (simulate, compare, sweep). */
export const maxStatesOption = () =>
  new Option(
    '--max-states <n>',
    'reach (or, with --whole-table, compile) at most this many states (default 200,000); more is an error',
  )
export const wholeTableOption = () =>
  new Option(
    '--whole-table',
    'compile every reachable state first, with progress (default: only those reached)',
  )

/**
 * `twokeys simulate <policy> --scenario <file> [--replications N] [--seed S] [--workers W]
 * [--json | --csv] [--report out.html]`: runs the scenario as a discrete-event simulation on the
 * policy's compiled table and prints every metric with a 95 % confidence interval.
 *
 * @example
 * registerSimulate(program) // twokeys simulate machines/policies/two-keys.yaml --scenario examples/scenarios/baseline.yaml
 */
export function registerSimulate(program: Command): void {
  addRunOptions(
    program
      .command('simulate')
      .description(
        'simulate a scenario under a policy: lead times, throughput, queues, with confidence intervals',
      )
      .argument('<policy>', 'policy file (YAML or JSON)'),
  ).action(async (policyPath: string, options: SimulationCliOptions) => {
    const policy = loadCliPolicy(policyPath)
    const run = runOptions(options)
    const { done, ...progress } = runProgress(
      inCliLanguage({ en: 'simulating', ru: 'моделирование' }),
      options,
    )
    const result = await simulate(policy, run.scenario, { ...run, ...progress }).finally(done)
    if (options.report !== undefined)
      writeOutputFile(options.report, renderSimulationReport({ simulations: [result] }), 'report')
    process.stdout.write(
      options.json === true
        ? `${JSON.stringify(result, null, 2)}\n`
        : options.csv === true
          ? simulationCsv(result)
          : formatSimulation(result, { words: simulationWords([policy]) }),
    )
    process.exitCode = EXIT.ok
  })
}
