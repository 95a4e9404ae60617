import type { Command } from 'commander'
import {
  analyzeExact,
  ENGLISH_EXACT_WORDS,
  formatExactAnalysis,
  loadScenarioFile,
  MAX_SCENARIO_DAYS,
  russianExactWords,
  TwoKeysError,
} from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { loadCliPolicy } from './packagePath.js'
import { MAX_STATES_LIMIT, wholeNumber } from './wholeNumber.js'

interface AnalyzeCommandOptions {
  scenario: string
  json?: boolean
  at: string
  assumeExponential?: boolean
  maxStates?: string
}

/** The CDF's days from `--at 7,14,30`: numbers of days from 0 to the longest horizon, or COMMAND_INVALID. */
export function cdfDays(text: string): number[] {
  const days = text.split(',').map((part) => part.trim())
  return days.map((part) => {
    const day = Number(part)
    if (part === '' || !Number.isFinite(day) || day < 0 || day > MAX_SCENARIO_DAYS) {
      throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().atDays(MAX_SCENARIO_DAYS, text))
    }
    return day
  })
}

/**
 * `twokeys analyze [policy] --scenario <file> [--at 7,14,30] [--assume-exponential] [--json]`:
 * exact answers for one initiative whose reviewers are never busy with another and whose review
 * times are exponential — P(approved), P(lapsed), P(refused), the approval-time mean, median,
 * p90 and CDF, which key turns last, each holder's sensitivities — from an absorbing CTMC on the
 * policy's compiled table, solved by uniformization between the fixed deadlines. Exit 0 with the
 * answers, 2 on bad input, a scenario the chain cannot model (the field and the fix are named) or
 * a limit reached.
 *
 * @example
 * registerAnalyze(program) // twokeys analyze two-keys.yaml --scenario exact.yaml --at 7,30
 */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'exact answers for one initiative (exponential reviews, unlimited capacity): outcome probabilities, approval-time distribution, last key, sensitivities',
    )
    .argument('[policy]', 'policy file (YAML or JSON); default two-keys.yaml', 'two-keys.yaml')
    .requiredOption('--scenario <file>', 'scenario file (YAML or JSON): exponential reviews, no deputies')
    .option('--at <days>', 'days at which to give P(approved by then), comma-separated', '7,14,30')
    .option(
      '--assume-exponential',
      'replace every non-exponential review or amendment time by an exponential of the same mean (said in the output)',
    )
    .option('--json', 'print the result as JSON')
    .option('--max-states <n>', 'reach at most this many table states (default 200,000); more is an error')
    .action((policyPath: string, options: AnalyzeCommandOptions) => {
      const policy = loadCliPolicy(policyPath)
      const scenario = loadScenarioFile(options.scenario)
      const result = analyzeExact(policy, scenario, {
        at: cdfDays(options.at),
        assumeExponential: options.assumeExponential === true,
        ...(options.maxStates === undefined
          ? {}
          : { maxStates: wholeNumber(options.maxStates, '--max-states', 1, MAX_STATES_LIMIT) }),
      })
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify(result, null, 2)}\n`
          : formatExactAnalysis(
              result,
              inCliLanguage({ en: ENGLISH_EXACT_WORDS, ru: russianExactWords(policy) }),
            ),
      )
      process.exitCode = EXIT.ok
    })
}
