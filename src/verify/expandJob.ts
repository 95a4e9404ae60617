import type { InitiativeMachine } from '../../machines/initiative.js'
import type { createExpander } from '../explore/expander.js'
import type { InitiativeSnapshot } from '../explore/InitiativeSnapshot.js'
import { fromPortable, toPortable } from '../explore/portableSnapshot.js'
import { recordStep } from '../invariants/recordEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { SearchJob, SearchMove } from './searchProtocol.js'
import { createPassage, stepViolations } from './stepJudge.js'

/**
 * What one searching thread of `exploreInWorkers` does with a job: expands its states, each move
 * computed by `machine`, judges every step with the step invariants, and writes the moves as
 * `SearchMove`s. It numbers the keys it meets: a key's text and representative go out once, and
 * since a thread's jobs come in breadth-first order, its first report of a key comes before any
 * later one; later moves name the key by number. A worker thread runs one; the searching thread
 * runs its own beside them.
 */
export function createJobExpander(
  policy: Policy,
  machine: InitiativeMachine,
  expander: ReturnType<typeof createExpander>,
) {
  const passage = createPassage(machine)
  const reported = new Map<string, number>()

  /**
   * `live` (the searching thread's own jobs): a state's snapshot if this thread holds it already,
   * so that it is not rebuilt from its portable form; `onFirst` sees each new key's snapshot as
   * computed, for the same reason.
   */
  return (
    job: SearchJob,
    live?: (s: number) => InitiativeSnapshot | undefined,
    onFirst?: (move: SearchMove, after: InitiativeSnapshot) => void,
  ): SearchMove[][] => {
    const found = new Set(job.found)
    return job.states.map(({ snapshot, recorded }, i) => {
      const before = live?.(job.start + i) ?? fromPortable(machine, snapshot)
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
          onFirst?.(move, after)
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
}
