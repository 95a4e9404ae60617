import { parentPort, workerData } from 'node:worker_threads'
import { isTwoKeysError } from '../domain/TwoKeysError.js'
import type { CompiledTable } from '../explore/compile.js'
import { createLazyTable, type LazyTableOptions } from '../explore/lazyTable.js'
import type { Policy } from '../policy/PolicySchema.js'
import { runReplication } from './runReplication.js'
import type { WorkerFailure } from './runReplications.js'
import type { Scenario } from './ScenarioSchema.js'
import { createSimulationModel } from './SimulationModel.js'

/** A worker thread: builds the model once, then runs each replication it is sent. */
const { policy, table, lazy, scenario } = workerData as {
  policy: Policy
  table?: CompiledTable
  lazy?: LazyTableOptions
  scenario: Scenario
}
const model = createSimulationModel(policy, table ?? createLazyTable(policy, lazy), scenario)
parentPort?.on('message', (job: { seed: number; replication: number } | null) => {
  if (job === null) {
    parentPort?.close()
    return
  }
  try {
    parentPort?.postMessage(runReplication(model, job.seed, job.replication))
  } catch (error) {
    // A TwoKeysError's code does not survive the thread boundary as an exception: send it.
    if (!isTwoKeysError(error)) throw error
    const { code, message, said } = error
    const failure: WorkerFailure = { failure: { code, message, ...(said === undefined ? {} : { said }) } }
    parentPort?.postMessage(failure)
  }
})
