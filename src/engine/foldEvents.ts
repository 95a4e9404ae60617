import { type AnyMachineSnapshot, type AnyStateMachine, getInitialSnapshot, transition } from 'xstate'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'

/**
 * Folds events through the machine from its initial snapshot: state is a fold of events.
 * Used to load an initiative from its log and to prove replay (TK12).
 *
 * @example
 * const snapshot = foldEvents(machine, policyHash, history.map((r) => r.event))
 */
export function foldEvents(
  machine: AnyStateMachine,
  policyHash: string,
  events: readonly InitiativeEvent[],
  from?: AnyMachineSnapshot,
): AnyMachineSnapshot {
  let snapshot = from ?? getInitialSnapshot(machine, { policyHash })
  for (const event of events) snapshot = transition(machine, snapshot, event)[0]
  return snapshot
}
