type CpuUsage = { user: number; system: number }

// Node ≥ 23.9 has a per-thread clock: the main thread alone, without GC helper threads.
const threadCpuUsage = (process as { threadCpuUsage?: () => CpuUsage }).threadCpuUsage

/** What `cpuSeconds` reads, for the report header. */
export const CPU_CLOCK =
  threadCpuUsage === undefined
    ? 'process.cpuUsage() (user + system, every thread of the process)'
    : 'process.threadCpuUsage() (user + system, main thread)'

/**
 * CPU seconds used so far (user + system), by the main thread where Node can tell, else by the
 * whole process. Unlike wall time, another process on the same cores does not inflate it.
 *
 * @example
 * const before = cpuSeconds(); work(); const spent = cpuSeconds() - before
 */
export function cpuSeconds(): number {
  const u = threadCpuUsage === undefined ? process.cpuUsage() : threadCpuUsage.call(process)
  return (u.user + u.system) / 1e6
}
