import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { InitiativeSnapshot } from '../explore/explore.js'
import type { InvariantStep } from '../invariants/Invariant.js'
import type { Recorded } from '../invariants/Recorded.js'
import { NOTHING_RECORDED, recordStep } from '../invariants/recordEvent.js'
import type { Policy } from '../policy/PolicySchema.js'

/**
 * The step invariants' facts for an exploration: for each state, what its representative's own
 * concrete events record (`recordEvent`), folded along the breadth-first tree as states are
 * found — never read from the machine's context. A step from state `from` is judged on the facts
 * of `from`'s representative plus the step's event; a state seen for the first time keeps the
 * facts after the step that found it, which is the last step of its representative's path.
 * Steps come in breadth-first order, `from` never decreasing, so the facts of the states already
 * expanded are dropped as the search moves on.
 *
 * @example
 * const oracle = createOracleFacts(policy)
 * explore(policy, machine, { onStep: ({ from, to, concrete, before, after }) =>
 *   checkInvariants(policy, oracle.step(from, to, before, concrete, after)) })
 */
export function createOracleFacts(policy: Policy) {
  const facts: (Recorded | undefined)[] = [NOTHING_RECORDED]
  let dropped = 0
  return {
    step(
      from: number,
      to: number,
      before: InitiativeSnapshot,
      event: InitiativeEvent,
      after: InitiativeSnapshot,
    ): InvariantStep<InitiativeSnapshot> {
      if (from < dropped)
        throw new RangeError(
          `step from state ${from}, whose facts were dropped: steps must come in breadth-first order`,
        )
      for (; dropped < from; dropped++) facts[dropped] = undefined
      const step = recordStep(policy, facts[from] ?? NOTHING_RECORDED, before, event, after)
      // Only the step that finds a state gives it facts: states are numbered as found.
      if (to === facts.length) facts.push(step.recorded.after)
      return step
    },
  }
}
