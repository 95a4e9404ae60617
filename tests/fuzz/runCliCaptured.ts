import { stripVTControlCharacters } from 'node:util'
import { main } from '../../src/cli/main.js'
import type { CliRun } from './laws.js'

const CAP = 1 << 20

/** Thrown in place of process.exit, so a CLI that exits cannot end the fuzzer. */
export class ExitCalled extends Error {
  constructor(readonly exitCode: number | undefined) {
    super(`process.exit(${exitCode}) called`)
  }
}

/**
 * `twokeys …` in this process with stdout and stderr captured (the first MB of each), without
 * vitest: the fuzzer runs it too. One at a time: it swaps process.stdout.write, process.exit and
 * process.exitCode. A call to process.exit is reported as exit code 99 with a note.
 */
export async function runCliCaptured(args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const capture =
    (into: 'out' | 'err') =>
    (chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
      if (into === 'out') {
        if (stdout.length < CAP) stdout += text
      } else if (stderr.length < CAP) stderr += text
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined
      callback?.()
      return true
    }
  const out = process.stdout.write
  const err = process.stderr.write
  const exit = process.exit
  const before = process.exitCode
  process.stdout.write = capture('out') as typeof process.stdout.write
  process.stderr.write = capture('err') as typeof process.stderr.write
  process.exit = ((code?: number) => {
    throw new ExitCalled(code)
  }) as typeof process.exit
  process.exitCode = undefined
  try {
    await main(['node', 'twokeys', ...args])
    return {
      code: Number(process.exitCode ?? 0),
      stdout: stripVTControlCharacters(stdout),
      stderr: stripVTControlCharacters(stderr),
    }
  } catch (error) {
    // main() promises never to throw; if it does, the law sees it as a crash with a stack.
    const note =
      error instanceof ExitCalled
        ? `${error.message}\n`
        : `main() threw: ${error instanceof Error ? error.stack : String(error)}\n`
    return { code: error instanceof ExitCalled ? 99 : 98, stdout, stderr: `${stderr}${note}` }
  } finally {
    process.stdout.write = out
    process.stderr.write = err
    process.exit = exit
    process.exitCode = before
  }
}
