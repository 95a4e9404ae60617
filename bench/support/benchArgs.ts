import { type ParseArgsConfig, parseArgs } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

export interface BenchArgs {
  /** Measured rounds (a warm-up round comes first and is not counted). */
  rounds: number
  /** Multiplies the work per round. */
  scale: number
  /** The benchmark's own options, as parsed. */
  values: Record<string, string | boolean | undefined>
}

/**
 * Reads `--rounds N`, `--scale X` and a benchmark's own options from the command line; `--help`
 * prints `usage` and exits.
 *
 * @example
 * const { rounds, scale } = benchArgs('npm run bench:engine -- [--rounds 7] [--scale 1]', { rounds: 7 })
 */
export function benchArgs(usage: string, defaults: { rounds: number }, options: Options = {}): BenchArgs {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' },
      scale: { type: 'string' },
      help: { type: 'boolean' },
      ...options,
    },
  })
  if (values.help === true) {
    console.log(usage)
    process.exit(0)
  }
  const positive = (name: string, text: unknown, fallback: number) => {
    if (text === undefined) return fallback
    const x = Number(text)
    if (!(x > 0))
      throw new Error(`--${name} must be a positive number, not ${JSON.stringify(text)}\n${usage}`)
    return x
  }
  return {
    rounds: Math.round(positive('rounds', values.rounds, defaults.rounds)),
    scale: positive('scale', values.scale, 1),
    values: values as BenchArgs['values'],
  }
}
