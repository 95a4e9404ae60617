import type { Command } from 'commander'
import { compare, comparisonCsv, formatComparison, renderSimulationReport } from '../index.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { loadCliPolicy } from './packagePath.js'
import {
  addRunOptions,
  runOptions,
  runProgress,
  type SimulationCliOptions,
  simulationWords,
} from './simulateCommand.js'
import { writeOutputFile } from './writeOutputFile.js'

/**
 * `twokeys compare <policyA> <policyB> --scenario <file> …`: the same scenario under two policies
 * with common random numbers; prints A, B and the paired difference B − A with its interval.
 *
 * @example
 * registerCompare(program) // twokeys compare two-keys.yaml single-key.yaml --scenario baseline.yaml
 */
export function registerCompare(program: Command): void {
  addRunOptions(
    program
      .command('compare')
      .description('simulate one scenario under two policies with common random numbers; paired differences')
      .argument('<policyA>', 'policy A (YAML or JSON)')
      .argument('<policyB>', 'policy B (YAML or JSON)'),
  ).action(async (pathA: string, pathB: string, options: SimulationCliOptions) => {
    const a = loadCliPolicy(pathA)
    const b = loadCliPolicy(pathB)
    const run = runOptions(options)
    const { done, ...progress } = runProgress(inCliLanguage({ en: 'comparing', ru: 'сравнение' }), options)
    const result = await compare(a, b, run.scenario, { ...run, ...progress }).finally(done)
    if (options.report !== undefined) {
      writeOutputFile(
        options.report,
        renderSimulationReport({ simulations: [result.a, result.b], comparison: result }),
        'report',
      )
    }
    process.stdout.write(
      options.json === true
        ? `${JSON.stringify(result, null, 2)}\n`
        : options.csv === true
          ? comparisonCsv(result)
          : formatComparison(result, { words: simulationWords([a, b]) }),
    )
    process.exitCode = EXIT.ok
  })
}
