import { type MessagePort, workerData } from 'node:worker_threads'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { BranchSharingBroken } from '../explore/branchSharing.js'
import { createExpander } from '../explore/expander.js'
import { findBug } from './bugCatalogue.js'
import { createJobExpander } from './expandJob.js'
import type { SearchJob, SearchReply, SearchWorkerData } from './searchProtocol.js'

// A worker thread of `exploreInWorkers`: expands the states it is sent (`createJobExpander`), each
// move computed by the policy's own machine, judging every step as `verify` does in its own
// thread. It answers on its port and bumps the shared counter, so that the searching thread,
// which waits synchronously, wakes.

const { policy, symmetry, twins, deputyAsSeat, shareBranches, scopes, bug, port, signal } =
  workerData as SearchWorkerData & {
    port: MessagePort
  }
const counter = new Int32Array(signal)
const machine =
  bug === undefined ? createInitiativeMachine(policy) : findBug(bug.name).build(bug.base).machine
const expander = createExpander(policy, machine, {
  symmetry,
  twins,
  deputyAsSeat,
  shareBranches,
  ...(scopes === undefined ? {} : { scopes }),
})
const expandJob = createJobExpander(policy, machine, expander)

function reply(message: SearchReply): void {
  port.postMessage(message)
  Atomics.add(counter, 0, 1)
  Atomics.notify(counter, 0)
}

port.on('message', (job: SearchJob | null) => {
  if (job === null) {
    port.close()
    return
  }
  try {
    reply({ start: job.start, ...expandJob(job), transitionCalls: expander.transitionCalls() })
  } catch (error) {
    reply({
      start: job.start,
      ...(error instanceof BranchSharingBroken
        ? { error: error.detail, broken: true }
        : { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    })
  }
})
reply({ ready: true })
