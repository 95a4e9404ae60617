import { stripVTControlCharacters } from 'node:util'
import { vi } from 'vitest'
import { main } from '../../src/cli/main.js'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/**
 * `twokeys …` run in this process with its output captured: fast, so most CLI cases run this way.
 * One at a time (it swaps process.stdout.write and process.exitCode).
 */
export async function twokeys(...args: string[]): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const capture = (into: (text: string) => void) => (chunk: string | Uint8Array) => {
    into(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
    return true
  }
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (stdout += t)) as never)
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (stderr += t)) as never)
  const before = process.exitCode
  process.exitCode = undefined
  try {
    await main(['node', 'twokeys', ...args])
    return {
      code: Number(process.exitCode ?? 0),
      stdout: stripVTControlCharacters(stdout),
      stderr: stripVTControlCharacters(stderr),
    }
  } finally {
    out.mockRestore()
    err.mockRestore()
    process.exitCode = before
  }
}
