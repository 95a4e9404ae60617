import { type MessagePort, workerData } from 'node:worker_threads'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { createExpander } from '../explore/expander.js'
import { fromPortable, toPortable } from '../explore/portableSnapshot.js'
import { recordStep } from '../invariants/recordEvent.js'
import { findBug } from './bugCatalogue.js'
import type { SearchJob, SearchMove, SearchReply, SearchWorkerData } from './searchProtocol.js'
import { createPassage, stepViolations } from './stepJudge.js'

// A worker thread of `exploreInWorkers`: expands the states it is sent, each move computed by
// the policy's own machine, and judges every step with the step invariants, as `verify` does in
// its own thread. It answers on its port and bumps the shared counter, so that the searching
// thread, which waits synchronously, wakes.

const { policy, symmetry, scopes, bug, port, signal } = workerData as SearchWorkerData & { port: MessagePort }
const counter = new Int32Array(signal)
const machine =
  bug === undefined ? createInitiativeMachine(policy) : findBug(bug.name).build(bug.base).machine
const expander = createExpander(policy, machine, { symmetry, ...(scopes === undefined ? {} : { scopes }) })
const passage = createPassage(machine)
// Keys this worker has sent, by its own number for each: a key's text and representative are sent
// once, since this worker's states come in breadth-first order, its first report of a key comes
// before any later one (see exploreInWorkers); later moves name the key by number.
const reported = new Map<string, number>()

function reply(message: SearchReply): void {
  port.postMessage(message)
  Atomics.add(counter, 0, 1)
  Atomics.notify(counter, 0)
}

function expandAll(job: SearchJob): SearchMove[][] {
  const found = new Set(job.found)
  return job.states.map(({ snapshot, recorded }) => {
    const before = fromPortable(machine, snapshot)
    const moves: SearchMove[] = []
    expander.expand(before, (event, concrete, after) => {
      const key = expander.abstractKey(after)
      const step = recordStep(policy, recorded, before, concrete, after)
      let local = reported.get(key)
      const move: SearchMove = { event: event.index, local: local ?? reported.size }
      if (local === undefined) {
        local = reported.size
        reported.set(key, local)
        move.first = { key, snapshot: toPortable(after), recorded: step.recorded.after }
        move.concrete = concrete
      }
      const violations = stepViolations(policy, step, (id) => found.has(id))
      if (violations.length > 0) {
        move.violations = violations
        move.concrete = concrete
      }
      const passed = passage(before, concrete, after)
      if (passed.length > 0) move.passed = passed
      moves.push(move)
    })
    return moves
  })
}

port.on('message', (job: SearchJob | null) => {
  if (job === null) {
    port.close()
    return
  }
  try {
    reply({ start: job.start, moves: expandAll(job), transitionCalls: expander.transitionCalls() })
  } catch (error) {
    reply({
      start: job.start,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
})
reply({ ready: true })
