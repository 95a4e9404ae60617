import type { Command } from 'commander'
import pc from 'picocolors'
import {
  BUG_CATALOGUE,
  ENGLISH_VERIFY_WORDS,
  formatVerifyResult,
  MAX_SEARCH_WORKERS,
  verify,
} from '../index.js'
import { inCliLanguage } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { policyOrBug } from './policyOrBug.js'
import { progressLine } from './progressLine.js'
import { RUSSIAN_VERIFY_WORDS } from './verifyWords.ru.js'
import { MAX_STATES_LIMIT, wholeNumber } from './wholeNumber.js'

interface VerifyCommandOptions {
  json?: boolean
  bug?: string
  maxStates?: string
  maxMemory?: string
  workers?: string
  /** False with `--no-shared-review`. */
  sharedReview?: boolean
}

/** A catalogued bug's facts after its title, in the CLI's language (the title is the catalogue's). */
const bugFacts = (level: string, policy: string, breaks: string) =>
  inCliLanguage({
    en: `(${level}, ${policy}; ${breaks === 'hole' ? 'opens a hole' : `breaks ${breaks}`})`,
    ru: `(${level === 'machine' ? 'машина' : level === 'policy' ? 'политика' : level}, ${policy}; ${breaks === 'hole' ? 'оставляет пробел' : `нарушает ${breaks}`})`,
  })

function listBugs(json: boolean): void {
  if (json) {
    const bugs = BUG_CATALOGUE.map(({ name, title, explanation, breaks, basePolicy, level }) => ({
      name,
      title,
      explanation,
      breaks,
      basePolicy,
      level,
    }))
    process.stdout.write(`${JSON.stringify(bugs, null, 2)}\n`)
    return
  }
  const width = Math.max(...BUG_CATALOGUE.map((b) => b.name.length))
  for (const bug of BUG_CATALOGUE) {
    process.stdout.write(
      `${bug.name.padEnd(width)}  ${bug.title} ${pc.dim(bugFacts(bug.level, bug.basePolicy, bug.breaks.join(', ')))}\n`,
    )
  }
}

/** The largest `--max-memory` accepted, in MB (1 TB). */
const MAX_MEMORY_MB = 1_048_576

/**
 * `twokeys verify [policy] [--json] [--bug <name>] [--max-states N] [--workers N] [--no-shared-review]`: explores every reachable
 * state of the policy's machine and checks TK1–TK13, printing a shortest counterexample for
 * each violation. `--bug <name>` runs a catalogued broken machine or policy (on its shipped
 * policy unless one is given); `--bug list` lists them. Exit 0 when everything holds, 1 on a
 * violation, a policy hole or a search stopped at `--max-states`, 2 on bad input.
 *
 * @example
 * registerVerify(program) // twokeys verify machines/policies/two-keys.yaml
 */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('explore every reachable state of a policy and prove the invariants TK1–TK13')
    .argument('[policy]', 'policy file (YAML or JSON); optional with --bug')
    .option('--json', 'print the result as JSON')
    .option('--bug <name>', 'run a catalogued bug ("list" lists them)')
    .option(
      '--max-states <n>',
      'explore at most this many states (default 200,000); stopping there is a failure',
    )
    .option(
      '--max-memory <MB>',
      'stop when the search holds this much heap (default 85% of the heap limit); stopping there is a failure',
    )
    .option(
      '--workers <n>',
      'threads that search, this one included (default 1: this one alone); the result is the same',
    )
    .option(
      '--no-shared-review',
      "search each initiative's review on its own (more states, the same verdicts)",
    )
    .action((policyPath: string | undefined, options: VerifyCommandOptions) => {
      if (options.bug === 'list') {
        listBugs(options.json === true)
        process.exitCode = EXIT.ok
        return
      }
      const maxStates =
        options.maxStates === undefined
          ? undefined
          : wholeNumber(options.maxStates, '--max-states', 1, MAX_STATES_LIMIT)
      const maxHeapBytes =
        options.maxMemory === undefined
          ? undefined
          : wholeNumber(options.maxMemory, '--max-memory', 1, MAX_MEMORY_MB) * 2 ** 20
      const workers =
        options.workers === undefined
          ? undefined
          : wholeNumber(options.workers, '--workers', 1, MAX_SEARCH_WORKERS)
      const { policy, machine, bugBase } = policyOrBug(policyPath, options.bug, 'verify')
      const line = progressLine(options.json !== true)
      const label = inCliLanguage({ en: `exploring "${policy.id}"`, ru: `обход «${policy.id}»` })
      const result = verify(policy, {
        ...(machine === undefined ? {} : { machine }),
        ...(options.bug === undefined ? {} : { bug: options.bug }),
        ...(bugBase === undefined ? {} : { bugBase }),
        ...(workers === undefined ? {} : { workers }),
        ...(options.sharedReview === false ? { shareBranches: false } : {}),
        ...(maxStates === undefined ? {} : { maxStates }),
        ...(maxHeapBytes === undefined ? {} : { maxHeapBytes }),
        ...(line.update === undefined ? {} : { onProgress: (p) => line.update?.(label, p) }),
      })
      line.done()
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify(result, null, 2)}\n`
          : formatVerifyResult(result, inCliLanguage({ en: ENGLISH_VERIFY_WORDS, ru: RUSSIAN_VERIFY_WORDS })),
      )
      process.exitCode = result.ok ? EXIT.ok : EXIT.finding
    })
}
