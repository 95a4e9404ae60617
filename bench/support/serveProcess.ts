import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')
/** `twokeys serve` from the sources (through tsx), as the tests start it. */
const ENTRY =
  "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"

export interface ServeProcess {
  /** Where it listens: `http://127.0.0.1:<port>`. */
  url: string
  child: ChildProcess
  /** CPU seconds the process has used so far (user + system, all its threads; Linux /proc, 10 ms ticks; 0 elsewhere). */
  cpuSeconds(): number
  /** SIGTERM (drain, close the store) and wait for the exit; SIGKILL after 15 s. */
  stop(): Promise<void>
}

/**
 * Starts a `twokeys serve` process on a free port and waits for its "listening on" line.
 * `args` are the serve flags (`--policy`, `--db`, `--config`…); `--port 0` is added.
 *
 * @example
 * const server = await startServe(['--policy', file, '--db', db, '--tick-every', '0', '--log-level', 'warn'])
 * await fetch(`${server.url}/health`); await server.stop()
 */
export async function startServe(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', ENTRY, 'serve', ...args, '--port', '0'],
    { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  let stderr = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`twokeys serve did not start in 60 s: ${stderr}`)),
      60_000,
    )
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString()
      const found = /listening on (http:\/\/\S+)/.exec(stderr)
      if (found) {
        clearTimeout(timer)
        resolve(found[1] as string)
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`twokeys serve exited (${code}) before listening: ${stderr}`))
    })
  })
  return {
    url,
    child,
    cpuSeconds: () => (child.pid === undefined ? 0 : processCpuSeconds(child.pid)),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000)
      child.kill('SIGTERM')
      await exited
      clearTimeout(kill)
    },
  }
}

/** CPU seconds a process has used (utime + stime from /proc/<pid>/stat); 0 if it cannot be read. */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}
