import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Policy } from '../policy/PolicySchema.js'
import type { CompiledTable } from '../verify/compile.js'
import { type ReplicationResult, runReplication } from './runReplication.js'
import type { Scenario } from './ScenarioSchema.js'
import { createSimulationModel } from './SimulationModel.js'

export interface RunOptions {
  replications: number
  seed: number
  /** Worker threads; 1 runs in this thread. Default: the number of cores. */
  workers?: number
  /** Called after each replication with how many are done. */
  onProgress?: (done: number, total: number) => void
}

/**
 * Starts a worker on the compiled .js beside this file (dist/), or — when running from the .ts
 * source (tests, `npx tsx`) — on a tiny bootstrap that registers tsx's loader in the worker
 * thread first (Node 20 does not apply `--import tsx` to a worker's own entry file).
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./replicationWorker.js', import.meta.url), { workerData })
  const entry = new URL('./replicationWorker.ts', import.meta.url).href
  const bootstrap = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(bootstrap, { eval: true, workerData })
}

/**
 * Runs replications 0 … n−1, in this thread or spread over worker threads; the results come back
 * in replication order and are the same for any number of workers (each replication's streams
 * depend only on the seed and its number).
 *
 * @example
 * const results = await runReplications(policy, compile(policy), scenario, { replications: 20, seed: 7 })
 */
export async function runReplications(
  policy: Policy,
  table: CompiledTable,
  scenario: Scenario,
  options: RunOptions,
): Promise<ReplicationResult[]> {
  const { replications, seed } = options
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), replications))
  const results: ReplicationResult[] = new Array(replications)
  let done = 0
  if (workers === 1) {
    const model = createSimulationModel(policy, table, scenario)
    for (let r = 0; r < replications; r++) {
      results[r] = runReplication(model, seed, r)
      options.onProgress?.(++done, replications)
      // Let a progress bar repaint.
      if (options.onProgress !== undefined) await new Promise((resolve) => setImmediate(resolve))
    }
    return results
  }
  // Validate in this thread first, so a bad scenario fails with its message, not a worker's.
  createSimulationModel(policy, table, scenario)
  let nextReplication = 0
  await Promise.all(
    Array.from({ length: workers }, () => {
      const worker = startWorker({ policy, table, scenario })
      return new Promise<void>((resolve, reject) => {
        const send = () => {
          if (nextReplication >= replications) {
            worker.postMessage(null)
            return
          }
          worker.postMessage({ seed, replication: nextReplication++ })
        }
        worker.on('message', (result: ReplicationResult) => {
          results[result.replication] = result
          options.onProgress?.(++done, replications)
          send()
        })
        worker.on('error', reject)
        worker.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`simulation worker exited with code ${code}`)),
        )
        send()
      })
    }),
  )
  return results
}
