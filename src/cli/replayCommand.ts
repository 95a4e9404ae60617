import type { Command } from 'commander'
import {
  ENGLISH_REPLAY_WORDS,
  formatReplay,
  isTwoKeysError,
  keySummary,
  type Policy,
  type ReplayStyle,
  RUSSIAN_REPLAY_WORDS,
  replayStore,
  TwoKeysError,
  toInstant,
} from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { cliWords, phaseForPeople, reasonsForPeople } from './cliLanguage.js'
import { RUSSIAN_WORDS } from './cliWords.js'
import { reasonForPeople } from './errorForPeople.js'
import { EXIT } from './exitCodes.js'
import { openStore } from './openStore.js'
import { loadCliPolicy } from './packagePath.js'

interface ReplayCommandOptions {
  db: string
  policy: string
  migrate?: boolean
  json?: boolean
  at?: string
}

/** The report's style in the CLI's language (`--lang`): its words, phases, refusal reasons and key lines. */
function styleFor(candidate: Policy): ReplayStyle {
  const words = cliWords()
  return {
    words: words === RUSSIAN_WORDS ? RUSSIAN_REPLAY_WORDS : ENGLISH_REPLAY_WORDS,
    phase: phaseForPeople,
    reasons: (r) => reasonsForPeople(r.reasons, r.phrases),
    keyLine: (line) => {
      const key = candidate.keys.find((k) => k.id === line.key)
      if (key === undefined) return line.summary
      return keySummary(
        line,
        { key, lifetimeDays: candidate.approvals.lifetimeDays, active: true },
        words.summary,
      )
    },
  }
}

function instantOption(text: string): number {
  const instant = toInstant(text)
  if ('ms' in instant) return instant.ms
  throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().replayAt(instant.problem))
}

/**
 * `twokeys replay --db <db> --policy <B> [--migrate] [--at <instant>] [--json]`: re-judges every
 * recorded initiative under a candidate policy, writing nothing. Exit 0 when no outcome would
 * change (and, with --migrate, every running initiative can move), 1 otherwise, 2 on bad input
 * or a history that cannot be re-judged (tampered, or its policy missing).
 */
async function replay(options: ReplayCommandOptions): Promise<void> {
  const candidate = loadCliPolicy(options.policy)
  const at = options.at === undefined ? undefined : instantOption(options.at)
  const store = await openStore(options.db, { mustExist: true })
  let result: Awaited<ReturnType<typeof replayStore>>
  try {
    result = await replayStore(store, candidate, {
      ...(at === undefined ? {} : { at }),
      ...(options.migrate === true ? { migrate: true } : {}),
    })
  } catch (error) {
    // A history that cannot be re-judged is an error of the replay, not a finding about the candidate.
    if (isTwoKeysError(error) && error.code === 'AUDIT_TAMPERED') {
      process.stderr.write(`✖ ${reasonForPeople(error)}\n`)
      process.exitCode = EXIT.badInput
      return
    }
    throw error
  } finally {
    await store.close()
  }
  process.stdout.write(
    options.json === true
      ? `${JSON.stringify(result, null, 2)}\n`
      : formatReplay(result, styleFor(candidate)),
  )
  const cannot = result.summary.migrate?.cannot ?? 0
  process.exitCode = result.summary.changed > 0 || cannot > 0 ? EXIT.finding : EXIT.ok
}

/**
 * Registers `twokeys replay`: counterfactual ("shadow") replay of a store's histories under a
 * candidate policy.
 *
 * @example
 * registerReplay(program) // twokeys replay --db twokeys.db --policy twokeys/policies/single-key.yaml
 */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description(
      're-judge every recorded initiative under a candidate policy: which outcomes change, where, and by which rule',
    )
    .requiredOption('--db <db>', 'a SQLite file or a postgres:// URL (?schema=name for a schema); only read')
    .requiredOption('--policy <policy>', 'the candidate policy (a file, or twokeys/policies/<name>.yaml)')
    .option('--migrate', 'say which running initiatives can move to the candidate, and why the others cannot')
    .option('--at <instant>', "judge at this instant (ISO 8601 or epoch ms); default: the store's last event")
    .option('--json', 'print the result as JSON for tools')
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys replay --db twokeys.db --policy twokeys/policies/single-key.yaml\n  twokeys replay --db twokeys.db --policy my-policy.yaml --migrate --at 2026-06-01\n\nExit codes: 0 no outcome would change (with --migrate: and every running initiative can move), 1 some would (or some cannot move), 2 bad input or a history that cannot be re-judged.',
    )
    .action((options: ReplayCommandOptions) => replay(options))
}
