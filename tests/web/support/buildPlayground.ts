import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

/**
 * Builds the playground page into `outDir` exactly as `npm run build:web` does, in its own
 * process (NODE_ENV=production, as npm would run it, not vitest's `test`). About 5 s.
 */
export function buildPlayground(outDir: string): Promise<void> {
  const vite = resolve('node_modules/vite/bin/vite.js')
  const args = [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', resolve(outDir), '--emptyOutDir']
  const child = spawn(process.execPath, [...args, '--logLevel', 'error'], {
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString()
  })
  return new Promise((done, fail) => {
    child.on('error', fail)
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`vite build of the playground failed (exit ${code}):\n${output}`)),
    )
  })
}
