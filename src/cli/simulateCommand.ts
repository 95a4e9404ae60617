import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { loadPolicyFile } from '../policy/loadPolicyFile.js'
import { renderSimulationReport } from '../report/renderSimulationReport.js'
import { formatSimulation, simulationCsv } from '../simulate/formatSimulation.js'
import { loadScenarioFile } from '../simulate/loadScenario.js'
import { simulate } from '../simulate/simulate.js'
import { EXIT } from './exitCodes.js'

export interface SimulationCliOptions {
  scenario?: string
  replications: string
  seed: string
  workers?: string
  json?: boolean
  csv?: boolean
  report?: string
  progress?: boolean
}

/** A positive whole number from an option, or a COMMAND_INVALID error that quotes it. */
export function wholeNumber(text: string, option: string, min = 1): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) {
    throw new TwoKeysError('COMMAND_INVALID', `${option} must be a whole number ≥ ${min}, not "${text}"`)
  }
  return n
}

/** The run options shared by simulate, compare and sweep. */
export function runOptions(options: SimulationCliOptions) {
  if (options.scenario === undefined) {
    throw new TwoKeysError(
      'COMMAND_INVALID',
      'give a scenario with --scenario <file> (see examples/scenarios/)',
    )
  }
  return {
    scenario: loadScenarioFile(options.scenario),
    replications: wholeNumber(options.replications, '--replications', 2),
    seed: wholeNumber(options.seed, '--seed', 0),
    ...(options.workers === undefined ? {} : { workers: wholeNumber(options.workers, '--workers') }),
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
        `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} · ${seconds} s`,
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
}

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
    const policy = loadPolicyFile(policyPath)
    const run = runOptions(options)
    const bar = progressBar('simulating', options.json !== true && options.csv !== true)
    const result = await simulate(policy, run.scenario, {
      ...run,
      ...(bar.update === undefined ? {} : { onProgress: bar.update }),
    })
    bar.done()
    if (options.report !== undefined)
      writeFileSync(options.report, renderSimulationReport({ simulations: [result] }))
    process.stdout.write(
      options.json === true
        ? `${JSON.stringify(result, null, 2)}\n`
        : options.csv === true
          ? simulationCsv(result)
          : formatSimulation(result),
    )
    process.exitCode = EXIT.ok
  })
}
