import { type Command, Option } from 'commander'
import {
  analyzePower,
  ENGLISH_POWER_WORDS,
  formatPower,
  powerToMermaid,
  RUSSIAN_POWER_WORDS,
} from '../index.js'
import { cliLanguage, inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { policyOrBug } from './policyOrBug.js'
import { MAX_STATES_LIMIT, wholeNumber } from './wholeNumber.js'

const FORMATS = ['table', 'json', 'mermaid'] as const

interface PowerCommandOptions {
  format: (typeof FORMATS)[number]
  json?: boolean
  kind?: string[]
  bug?: string
  maxStates?: string
  maxMemory?: string
  maxCoalitions?: string
  method: 'graph' | 'levels'
}

/** The largest `--max-memory` accepted, in MB (1 TB), as `verify` has it. */
const MAX_MEMORY_MB = 1_048_576

/**
 * `twokeys power [policy] [--format table|json|mermaid] [--json] [--kind <name>…] [--bug <name>]`:
 * for each kind of initiative, the minimal coalitions of principals whose commands get it
 * approved, the veto players, the fewest accounts an attacker must control, and the key holders'
 * Banzhaf and Shapley–Shubik indices — every coalition decided by the policy's machine. Exit 0
 * with the analysis, 2 on bad input or a play too large for the limits (LIMIT_REACHED).
 *
 * @example
 * registerPower(program) // twokeys power two-keys.yaml --format mermaid
 */
export function registerPower(program: Command): void {
  program
    .command('power')
    .description(
      'who holds power under a policy: minimal winning coalitions, veto players, Banzhaf and Shapley–Shubik',
    )
    .argument('[policy]', 'policy file (YAML or JSON); optional with --bug')
    .addOption(new Option('-f, --format <format>', 'output').choices(FORMATS).default('table'))
    .option('--json', 'print the result as JSON (same as --format json)')
    .option('--kind <name...>', 'only these kinds of initiative (federal, export, federal@₽10000000001 …)')
    .option('--bug <name>', 'analyse a catalogued broken machine (see twokeys verify --bug list)')
    .option(
      '--max-states <n>',
      'per coalition, explore at most this many states (default 200,000); stopping there is an error',
    )
    .option('--max-memory <MB>', 'stop when a search holds this much heap; stopping there is an error')
    .addOption(
      new Option(
        '--method <method>',
        'find candidates on the graph where everyone acts, or coalition by coalition',
      )
        .choices(['graph', 'levels'])
        .default('graph'),
    )
    .option(
      '--max-coalitions <n>',
      'the most coalitions the search by growing sizes may play per kind (default 20,000)',
    )
    .action((policyPath: string | undefined, options: PowerCommandOptions) => {
      const maxStates =
        options.maxStates === undefined
          ? undefined
          : wholeNumber(options.maxStates, '--max-states', 1, MAX_STATES_LIMIT)
      const maxHeapBytes =
        options.maxMemory === undefined
          ? undefined
          : wholeNumber(options.maxMemory, '--max-memory', 1, MAX_MEMORY_MB) * 2 ** 20
      const maxCoalitions =
        options.maxCoalitions === undefined
          ? undefined
          : wholeNumber(options.maxCoalitions, '--max-coalitions', 1, 10_000_000)
      const format = options.json === true ? 'json' : options.format
      const { policy, machine } = policyOrBug(policyPath, options.bug, 'analyse')
      // Long analyses (seed.yaml: about a minute) say which kind they are on, on a terminal only.
      const progress = format !== 'json' && process.stderr.isTTY === true
      const analyse = () =>
        analyzePower(policy, {
          ...(progress
            ? {
                onKind: (kind: string, i: number, n: number) =>
                  process.stderr.write(`\r\x1b[2Kkind ${i + 1} of ${n}: ${kind}`),
              }
            : {}),
          ...(machine === undefined ? {} : { machine }),
          ...(options.bug === undefined ? {} : { bug: options.bug }),
          ...(options.kind === undefined ? {} : { kinds: options.kind }),
          ...(maxStates === undefined ? {} : { maxStates }),
          ...(maxHeapBytes === undefined ? {} : { maxHeapBytes }),
          ...(maxCoalitions === undefined ? {} : { maxCoalitions }),
          method: options.method,
        })
      let result: ReturnType<typeof analyzePower>
      try {
        result = analyse()
      } finally {
        if (progress) process.stderr.write('\r\x1b[2K')
      }
      // People read the policy's title in their language where the policy gives one.
      const title = cliLanguage() === 'en' ? undefined : policy.translations?.[cliLanguage()]?.title
      const shown = title === undefined ? result : { ...result, policy: { ...result.policy, title } }
      process.stdout.write(
        format === 'json'
          ? `${JSON.stringify(result, null, 2)}\n`
          : format === 'mermaid'
            ? powerToMermaid(result)
            : formatPower(shown, inCliLanguage({ en: ENGLISH_POWER_WORDS, ru: RUSSIAN_POWER_WORDS })),
      )
      process.exitCode = EXIT.ok
    })
}
