import { spawnSync } from 'node:child_process'

const FLAG = '--single-threaded-gc'

/**
 * Re-runs this benchmark in a Node started with `--single-threaded-gc`, unless it already is, and
 * exits with its status. With V8's helper threads collecting garbage in parallel,
 * `process.cpuUsage()` charges their work to whichever slice happens to be running; on the main
 * thread, collection is charged to the slices that allocate.
 *
 * @example
 * singleThreadedGc() // first line of a benchmark
 */
export function singleThreadedGc(): void {
  if (process.execArgv.includes(FLAG)) return
  const script = process.argv[1] as string
  const child = spawnSync(process.execPath, [FLAG, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  process.exit(child.status ?? 1)
}
