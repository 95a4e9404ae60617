import type { Command } from 'commander'
import { ENGLISH_QUERY_WORDS, formatQueryResult, query, RUSSIAN_QUERY_WORDS, TwoKeysError } from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { loadCliPolicy } from './packagePath.js'
import { MAX_STATES_LIMIT, wholeNumber } from './wholeNumber.js'

interface QueryCommandOptions {
  json?: boolean
  maxStates?: string
}

/**
 * `twokeys query <policy> "<condition>" [--json] [--max-states N]`: searches the policy's
 * reachable states breadth-first for one where the condition holds and prints a shortest story
 * to it, or proves that none does. Exit 0 reachable, 1 unreachable (proven: every state was
 * explored), 2 bad input or a search stopped at a limit (LIMIT_REACHED: no verdict).
 *
 * @example
 * registerQuery(program) // twokeys query two-keys.yaml "approved = yes and deputies = 2"
 */
export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('find a shortest story to a state where a condition holds, or prove that none does')
    .argument('<policy>', 'policy file (YAML or JSON), or a shipped one by name (two-keys.yaml)')
    .argument('<condition>', 'a condition over state facts, e.g. "approved = yes and deputies = 2"')
    .option('--json', 'print the result as JSON')
    .option(
      '--max-states <n>',
      'search at most this many states (default 200,000); stopping there is no verdict',
    )
    .action((policyPath: string, condition: string, options: QueryCommandOptions) => {
      const maxStates =
        options.maxStates === undefined
          ? undefined
          : wholeNumber(options.maxStates, '--max-states', 1, MAX_STATES_LIMIT)
      const policy = loadCliPolicy(policyPath)
      const result = query(policy, condition, maxStates === undefined ? {} : { maxStates })
      if (result.outcome === 'limit' && options.json !== true) {
        throw new TwoKeysError('LIMIT_REACHED', result.limit?.message ?? cliErrorWords().searchStopped)
      }
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify(result, null, 2)}\n`
          : formatQueryResult(result, inCliLanguage({ en: ENGLISH_QUERY_WORDS, ru: RUSSIAN_QUERY_WORDS })),
      )
      process.exitCode =
        result.outcome === 'reachable'
          ? EXIT.ok
          : result.outcome === 'unreachable'
            ? EXIT.finding
            : EXIT.badInput
    })
}
