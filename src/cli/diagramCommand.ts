import { writeFileSync } from 'node:fs'
import { type Command, Option } from 'commander'
import pc from 'picocolors'
import { createInitiativeMachine, keyRegionLabels, TwoKeysError, toDot, toMermaid } from '../index.js'
import { inCliLanguage } from './cliLanguage.js'
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
        const wrote = inCliLanguage(DIAGRAM_WORDS).wrote(options.format, policy.id, options.out)
        process.stdout.write(`${pc.green('✓')} ${wrote}\n`)
      }
    })
}

/** What `twokeys diagram --out` says, in each language (the diagram itself is another's). */
const DIAGRAM_WORDS = {
  en: {
    wrote: (format: string, policyId: string, out: string) =>
      `wrote the ${format} diagram of policy "${policyId}" to ${out}`,
    cannotWrite: (path: string, reason: string) =>
      `cannot write the diagram to "${path}" (${reason}); check that its folder exists and is writable`,
  },
  ru: {
    wrote: (format: string, policyId: string, out: string) =>
      `диаграмма ${format} политики «${policyId}» записана в ${out}`,
    cannotWrite: (path: string, reason: string) =>
      `не удаётся записать диаграмму в «${path}» (${reason}); проверьте, что папка существует и доступна для записи`,
  },
}

function writeDiagram(path: string, text: string): void {
  try {
    writeFileSync(path, text)
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new TwoKeysError('NOT_FOUND', inCliLanguage(DIAGRAM_WORDS).cannotWrite(path, reason), { cause })
  }
}
