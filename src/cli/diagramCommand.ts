import { writeFileSync } from 'node:fs'
import { type Command, Option } from 'commander'
import pc from 'picocolors'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { keyRegionLabels } from '../render/keyRegionLabels.js'
import { toDot } from '../render/toDot.js'
import { toMermaid } from '../render/toMermaid.js'
import { loadCliPolicy } from './packagePath.js'

const FORMATS = ['mermaid', 'dot'] as const
type Format = (typeof FORMATS)[number]

interface DiagramOptions {
  format: Format
  out?: string
  json?: boolean
}

/** `twokeys diagram <policy> [--format mermaid|dot] [--out file] [--json]` */
export function registerDiagram(program: Command): void {
  program
    .command('diagram')
    .description("draw a policy's statechart: one parallel region per key, every guard on its edge")
    .argument('<policy>', 'policy file (YAML or JSON)')
    .addOption(new Option('-f, --format <format>', 'diagram language').choices(FORMATS).default('mermaid'))
    .option('-o, --out <file>', 'write the diagram to this file instead of standard output')
    .option('--json', 'print { policy, format, out | diagram } as JSON')
    .action((policyPath: string, options: DiagramOptions) => {
      const policy = loadCliPolicy(policyPath)
      const machine = createInitiativeMachine(policy)
      const diagram =
        options.format === 'dot' ? toDot(machine) : toMermaid(machine, { labels: keyRegionLabels(policy) })
      if (options.out !== undefined) writeDiagram(options.out, diagram)
      if (options.json === true) {
        const result =
          options.out === undefined
            ? { policy: policy.id, format: options.format, diagram }
            : { policy: policy.id, format: options.format, out: options.out }
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
      } else if (options.out === undefined) {
        process.stdout.write(diagram)
      } else {
        process.stdout.write(
          `${pc.green('✓')} wrote the ${options.format} diagram of policy "${policy.id}" to ${options.out}\n`,
        )
      }
    })
}

function writeDiagram(path: string, text: string): void {
  try {
    writeFileSync(path, text)
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new TwoKeysError(
      'NOT_FOUND',
      `cannot write the diagram to "${path}" (${reason}); check that its folder exists and is writable`,
      { cause },
    )
  }
}
