import type { Command } from 'commander'
import { ENGLISH_SWEEP_WORDS, formatSweep, parseVary, sweep, sweepCsv } from '../index.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { loadCliPolicy } from './packagePath.js'
import {
  maxStatesOption,
  runOptions,
  runProgress,
  type SimulationCliOptions,
  wholeTableOption,
} from './simulateCommand.js'
import { russianSweepWords } from './simulationWords.ru.js'

interface SweepCliOptions extends SimulationCliOptions {
  vary: string
}

/**
 * `twokeys sweep <policy> --scenario <file> --vary 'path=a..b:step' [--replications N] [--seed S]
 * [--workers W] [--json | --csv]`: runs the scenario once per value of one parameter (a dotted
 * path into the scenario, e.g. `reviewers.principals.oreshkin.reviewDays.mean`), every point on
 * the same seed, and prints one row per value.
 *
 * @example
 * registerSweep(program) // twokeys sweep two-keys.yaml --scenario baseline.yaml --vary 'principals.oreshkin.reviewDays.mean=5..40:5'
 */
export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description(
      'simulate a scenario once per value of one parameter (common random numbers); one row per value',
    )
    .argument('<policy>', 'policy file (YAML or JSON)')
    .requiredOption('--scenario <file>', 'scenario file (YAML or JSON), see examples/scenarios/')
    .requiredOption(
      '--vary <path=values>',
      "parameter and values: 'reviewers.principals.oreshkin.reviewDays.mean=5..40:5' or '…=5,10,20'",
    )
    .option('--replications <n>', 'independent replications per value', '30')
    .option('--seed <n>', 'random seed (the same at every value)', '1')
    .option('--workers <n>', 'worker threads (default: the number of cores)')
    .option('--json', 'print the result as JSON')
    .option('--csv', 'print one CSV row per value')
    .addOption(maxStatesOption())
    .addOption(wholeTableOption())
    .action(async (policyPath: string, options: SweepCliOptions) => {
      const policy = loadCliPolicy(policyPath)
      const { path, values } = parseVary(options.vary)
      const run = runOptions(options)
      const { done, ...progress } = runProgress(inCliLanguage({ en: 'sweeping', ru: 'перебор' }), options)
      const result = await sweep(policy, run.scenario, { ...run, path, values, ...progress }).finally(done)
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify(result, null, 2)}\n`
          : options.csv === true
            ? sweepCsv(result)
            : formatSweep(result, {
                words: inCliLanguage({ en: ENGLISH_SWEEP_WORDS, ru: russianSweepWords(policy) }),
              }),
      )
      process.exitCode = EXIT.ok
    })
}
