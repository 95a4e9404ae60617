import { availableParallelism } from 'node:os'
import { type ErrorCode, type ErrorPhrase, TwoKeysError } from '../domain/TwoKeysError.js'
import type { CompiledTable } from '../explore/compile.js'
import { startModuleWorker } from '../explore/startWorker.js'
import type { Policy } from '../policy/PolicySchema.js'
import { type ReplicationResult, runReplication } from './runReplication.js'
import type { Scenario } from './ScenarioSchema.js'
import { createSimulationModel } from './SimulationModel.js'
import { simulateError } from './simulateMessages.js'

/** Most replications one run takes (each keeps its results in memory until the summary). */
export const MAX_REPLICATIONS = 100_000
/** Seeds are 32-bit: every stream is seeded by hashing the seed with 32-bit words. */
export const MAX_SEED = 0xffff_ffff

export interface RunOptions {
  /** 1 … `MAX_REPLICATIONS`. */
  replications: number
  /** 0 … `MAX_SEED`. */
  seed: number
  /** Worker threads; 1 runs in this thread. Default: the number of cores. */
  workers?: number
  /** Called after each replication with how many are done. */
  onProgress?: (done: number, total: number) => void
}

/**
 * How many threads run the replications: `requested` (default: the number of cores), at most one
 * per replication; a lazy table over a custom machine cannot be remade in a worker, so one.
 */
export function replicationThreads(table: CompiledTable, replications: number, requested?: number): number {
  const portable = table.expand === undefined || table.lazy !== undefined
  return portable ? Math.max(1, Math.min(requested ?? availableParallelism(), replications)) : 1
}

/** What a worker sends back when a replication throws a TwoKeysError (a lazy table's limit). */
export interface WorkerFailure {
  /** `said`: the message as a phrase, so the CLI still words it in its language. */
  failure: { code: string; message: string; said?: ErrorPhrase }
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
  if (!Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS) {
    throw simulateError('COMMAND_INVALID', 'run.replications', { max: MAX_REPLICATIONS, got: replications })
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw simulateError('COMMAND_INVALID', 'run.seed', { max: MAX_SEED, got: seed })
  }
  const workers = replicationThreads(table, replications, options.workers)
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
      // A lazy table's functions cannot be cloned: each worker grows a table of its own.
      const worker = startModuleWorker(import.meta.url, 'replicationWorker', {
        workerData:
          table.lazy === undefined ? { policy, table, scenario } : { policy, lazy: table.lazy, scenario },
      })
      return new Promise<void>((resolve, reject) => {
        const send = () => {
          if (nextReplication >= replications) {
            worker.postMessage(null)
            return
          }
          worker.postMessage({ seed, replication: nextReplication++ })
        }
        worker.on('message', (result: ReplicationResult | WorkerFailure) => {
          if ('failure' in result) {
            void worker.terminate()
            const { code, message, said } = result.failure
            reject(new TwoKeysError(code as ErrorCode, message, said === undefined ? {} : { said }))
            return
          }
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
