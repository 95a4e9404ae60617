import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

// The real CLI from source, as bin/twokeys.js runs it from dist/.
const ENTRY =
  "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"

/** `twokeys …` piped into `head -1`: the reader goes away after the first chunk. */
function intoHead(...args: string[]): Promise<{ code: number | null; stderr: string; firstChunk: string }> {
  const { FORCE_COLOR: _force, ...env } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, ...args], {
    env: { ...env, NO_COLOR: '1' },
  })
  let stderr = ''
  let firstChunk = ''
  child.stdout.once('data', (d: Buffer) => {
    firstChunk = d.toString()
    child.stdout.destroy()
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr, firstChunk }))
  })
}

describe('a CLI piped into head', () => {
  it.each([['walkthrough'], ['run', 'examples/seed-walkthrough.yaml']])(
    'twokeys %s | head -1 ends quietly',
    async (...args) => {
      const run = await intoHead(...args)
      expect(run.firstChunk).not.toBe('')
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    },
    30_000,
  )
})
