import { readFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg } from 'node:os'

/**
 * The machine a benchmark ran on, as one line: CPU model (from /proc/cpuinfo), cores, Node
 * version and the load average when the run started (other work on the same cores).
 *
 * @example
 * describeMachine() // 'AMD EPYC · nproc 2 · Node v20.20.2 · load 3.10 2.40 1.90'
 */
export function describeMachine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU'
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    if (line !== undefined) model = line.slice(line.indexOf(':') + 1).trim()
  } catch {
    // Not Linux: os.cpus() is all there is.
  }
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')
  return `${model} · nproc ${availableParallelism()} · Node ${process.version} · load ${load}`
}
