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
  // Where the branches share their review: per state, the facts of its image under each branch.
  const imageFacts = new Map<number, (Recorded | undefined)[]>()
  let dropped = 0
  return {
    /**
     * The step from `from`'s representative — or its image under branch `image` — to `to`; with
     * `into` (see `ExploredStep.into`), the step that gives `to` its image under that branch.
     */
    step(
      from: number,
      to: number,
      before: InitiativeSnapshot,
      event: InitiativeEvent,
      after: InitiativeSnapshot,
      image = -1,
      into = -1,
    ): InvariantStep<InitiativeSnapshot> {
      if (from < dropped)
        throw new RangeError(
          `step from state ${from}, whose facts were dropped: steps must come in breadth-first order`,
        )
      for (; dropped < from; dropped++) {
        facts[dropped] = undefined
        imageFacts.delete(dropped)
      }
      const known = image < 0 ? facts[from] : imageFacts.get(from)?.[image]
      if (known === undefined && image >= 0)
        throw new RangeError(`step from state ${from}'s image under branch ${image}, which has no facts`)
      const step = recordStep(policy, known ?? NOTHING_RECORDED, before, event, after)
      if (into >= 0) {
        const row = imageFacts.get(to) ?? []
        row[into] = step.recorded.after
        imageFacts.set(to, row)
      }
      // Only the step that finds a state gives it facts: states are numbered as found.
      else if (to === facts.length) facts.push(step.recorded.after)
      return step
    },
  }
}
