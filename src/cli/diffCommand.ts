import type { Command } from 'commander'
import {
  assertDiffComplete,
  diffPolicies,
  ENGLISH_DIFF_WORDS,
  formatDiff,
  RUSSIAN_DIFF_WORDS,
} from '../index.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { loadCliPolicy } from './packagePath.js'
import { progressLine } from './progressLine.js'
import { MAX_STATES_LIMIT, wholeNumber } from './wholeNumber.js'

interface DiffCommandOptions {
  json?: boolean
  maxStates?: string
  stories?: string
}

/**
 * `twokeys diff <policyA> <policyB> [--json] [--max-states N] [--stories N]`: explores both
 * policies' machines in lockstep and prints the shortest stories one accepts and the other
 * refuses (or takes to another phase), grouped by what differs, with a summary table. Exit 0
 * when they agree, 1 when they differ, 2 on bad input or a search stopped at its limit
 * (LIMIT_REACHED: no verdict).
 *
 * @example
 * registerDiff(program) // twokeys diff two-keys.yaml single-key.yaml
 */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('where two policies disagree: the shortest stories one accepts and the other refuses')
    .argument('<policyA>', 'policy A (YAML or JSON; a shipped name such as two-keys.yaml works too)')
    .argument('<policyB>', 'policy B')
    .option('--json', 'print the result as JSON')
    .option(
      '--max-states <n>',
      'explore at most this many pair states (default 200,000); stopping there is no verdict (exit 2)',
    )
    .option('--stories <n>', 'how many stories to print, shortest first (default 3)')
    .action((pathA: string, pathB: string, options: DiffCommandOptions) => {
      const maxStates =
        options.maxStates === undefined
          ? undefined
          : wholeNumber(options.maxStates, '--max-states', 1, MAX_STATES_LIMIT)
      const stories = options.stories === undefined ? 3 : wholeNumber(options.stories, '--stories', 0, 10_000)
      const a = loadCliPolicy(pathA)
      const b = loadCliPolicy(pathB)
      const line = progressLine(options.json !== true)
      const label = `comparing "${a.id}" with "${b.id}"`
      const result = diffPolicies(a, b, {
        ...(maxStates === undefined ? {} : { maxStates }),
        ...(line.update === undefined ? {} : { onProgress: (p) => line.update?.(label, p) }),
      })
      line.done()
      assertDiffComplete(result)
      const words = inCliLanguage({ en: ENGLISH_DIFF_WORDS, ru: RUSSIAN_DIFF_WORDS })
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify(result, null, 2)}\n`
          : formatDiff(result, words, { stories }),
      )
      process.exitCode = result.verdict === 'agree' ? EXIT.ok : EXIT.finding
    })
}
