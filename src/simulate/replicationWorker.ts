import { parentPort, workerData } from 'node:worker_threads'
import type { CompiledTable } from '../explore/compile.js'
import type { Policy } from '../policy/PolicySchema.js'
import { runReplication } from './runReplication.js'
import type { Scenario } from './ScenarioSchema.js'
import { createSimulationModel } from './SimulationModel.js'

/** A worker thread: builds the model once, then runs each replication it is sent. */
const { policy, table, scenario } = workerData as { policy: Policy; table: CompiledTable; scenario: Scenario }
const model = createSimulationModel(policy, table, scenario)
parentPort?.on('message', (job: { seed: number; replication: number } | null) => {
  if (job === null) {
    parentPort?.close()
    return
  }
  parentPort?.postMessage(runReplication(model, job.seed, job.replication))
})
