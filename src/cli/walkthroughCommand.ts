import { join } from 'node:path'
import type { Command } from 'commander'
import { packageRoot } from './packageRoot.js'
import { runScriptFile } from './runCommand.js'

/** `npm start`: the seed story, narrated, through the engine on the shipped two-keys policy. */
export function registerWalkthrough(program: Command): void {
  program
    .command('walkthrough')
    .description(
      'walk through the seed story: two co-chairs, two keys, three initiatives (what `npm start` runs)',
    )
    .option('--json', 'print the run as JSON for tools')
    .action((options: { json?: boolean }) =>
      runScriptFile(join(packageRoot(), 'examples', 'seed-walkthrough.yaml'), { ...options, narrate: true }),
    )
}
