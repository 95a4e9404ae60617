import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')
const ENTRY =
  "import { main } from './src/cli/main.ts'; await main(['node', 'twokeys', ...process.argv.slice(1)])"

export interface CliProcess {
  child: ChildProcessWithoutNullStreams
  stdout(): string
  stderr(): string
  /** Resolves with the exit code. */
  exited: Promise<number | null>
}

/**
 * `twokeys …` as a real process from the sources (through tsx), for what must run apart: servers,
 * schedules, SIGTERM and SIGKILL. Its output is collected as it comes.
 */
export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ENTRY, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
  })
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, stdout: () => out, stderr: () => err, exited }
}

/** Waits until `pattern` appears in what the process wrote (stderr or stdout); its first group, or the match. */
export async function waitForOutput(cli: CliProcess, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = pattern.exec(cli.stderr()) ?? pattern.exec(cli.stdout())
    if (found) return found[1] ?? found[0]
    if (cli.child.exitCode !== null)
      throw new Error(`twokeys exited (${cli.child.exitCode}) first:\n${cli.stderr()}`)
    if (Date.now() > deadline) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${cli.stderr()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
