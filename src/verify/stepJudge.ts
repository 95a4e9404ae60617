import { getMicrosteps } from 'xstate'
import type { InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { InitiativeSnapshot } from '../explore/explore.js'
import type { InvariantId, InvariantStep, Violation } from '../invariants/Invariant.js'
import { STEP_INVARIANTS } from '../invariants/invariants.js'
import type { Policy } from '../policy/PolicySchema.js'

/**
 * The step invariants (TK1–TK9, TK13) on one step: the first violation of each, skipping the
 * invariants `known` says are already found (a search keeps only the first counterexample).
 */
export function stepViolations(
  policy: Policy,
  step: InvariantStep<InitiativeSnapshot>,
  known: (id: InvariantId) => boolean,
): Violation[] {
  const violations: Violation[] = []
  for (const invariant of STEP_INVARIANTS) {
    if (known(invariant.id)) continue
    const [violation] = invariant.check(policy, step)
    if (violation !== undefined) violations.push(violation)
  }
  return violations
}

const nodesOf = (s: InitiativeSnapshot) => s._nodes.map((n) => n.id).join('|')

/**
 * The chart's states a step passes through on its way (a routing choice enters `approved` and
 * leaves it in one step), so that coverage counts them as entered. Each pair of configurations is
 * looked at once: the microsteps between them are the same every time.
 */
export function createPassage(machine: InitiativeMachine) {
  const seenPairs = new Set<string>()
  return (before: InitiativeSnapshot, event: InitiativeEvent, after: InitiativeSnapshot): string[] => {
    if (after.value === before.value) return []
    const pair = `${nodesOf(before)}>${nodesOf(after)}`
    if (seenPairs.has(pair)) return []
    seenPairs.add(pair)
    const passed: string[] = []
    for (const [micro] of getMicrosteps(machine, before, event)) {
      for (const node of micro._nodes) passed.push(node.id)
    }
    return passed
  }
}
