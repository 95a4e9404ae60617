import { dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { loadPrivateKeyFiles, loadScriptFile, runScript } from '../index.js'
import { cliLanguage, cliWords } from './cliLanguage.js'
import { EXIT } from './exitCodes.js'
import { formatRunSummary, formatStep } from './formatRun.js'
import { openStore } from './openStore.js'
import { loadCliPolicy, resolvePackagePath } from './packagePath.js'

/** Runs a script file and prints its trail; exit 1 when a step did not do what the script expected. */
export async function runScriptFile(
  path: string,
  options: { json?: boolean; narrate: boolean; policy?: string; db?: string },
) {
  const file = resolvePackagePath(path)
  const { script, policyPath } = loadScriptFile(file)
  const policy = loadCliPolicy(options.policy ?? policyPath)
  const keys = script.keys === undefined ? [] : loadPrivateKeyFiles(resolve(dirname(file), script.keys))
  const store = options.db === undefined ? undefined : await openStore(options.db)
  const print = (text: string) => process.stdout.write(`${text}\n`)
  const title = script.translations?.[cliLanguage()]?.title ?? script.title
  if (!options.json && title !== undefined) print(`\n${title}\n`)
  if (!options.json && (script.identity === 'signed' || policy.identity === 'signed')) {
    print(`${cliWords().signedRun(script.keys)}\n`)
  }
  const run = await runScript(script, policy, {
    keys,
    ...(store === undefined ? {} : { store }),
    onStep: (step) => {
      if (!options.json)
        print(formatStep(step, { narrate: options.narrate, source: script.steps[step.index - 1] }))
    },
  }).finally(() => store?.close())
  print(options.json ? JSON.stringify(run, null, 2) : formatRunSummary(run, policy))
  process.exitCode = run.surprises === 0 ? EXIT.ok : EXIT.finding
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'run a scripted scenario through the engine: decision trail, refusals with reasons, final board',
    )
    .argument('<script>', 'a script file (YAML or JSON): policy, start, steps')
    .option('--policy <file>', 'run under this policy instead of the one the script names')
    .option('--db <db>', 'keep the run in a SQLite file or a postgres:// URL (memory when absent)')
    .option('--narrate', "print the script's narration (say:) too")
    .option('--json', 'print the run as JSON for tools')
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys run examples/seed-walkthrough.yaml\n  twokeys run examples/seed-walkthrough.yaml --policy machines/policies/single-key.yaml\n  twokeys run examples/seed-walkthrough.yaml --db twokeys.db && twokeys history kazan-datacentre --db twokeys.db\n\nExit codes: 0 every step did what it expected, 1 a step was refused unexpectedly (or accepted when a refusal was expected), 2 bad input.',
    )
    .action((script: string, options: { json?: boolean; narrate?: boolean; policy?: string; db?: string }) =>
      runScriptFile(script, { ...options, narrate: options.narrate === true }),
    )
}
