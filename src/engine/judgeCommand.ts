import type { AnyMachineSnapshot } from 'xstate'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { stepperFor } from '../../machines/stepper.js'
import { toMachineEvent } from '../../machines/toMachineEvent.js'
import type { Command } from '../domain/Command.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { InitiativeSnapshot } from '../explore/InitiativeSnapshot.js'
import { type DueTick, dueTicks } from './dueTicks.js'
import { type Explanation, explainEvent } from './explainEvent.js'
import type { Loaded } from './initiativeLoader.js'

/** What the machine makes of a command now: the deadlines due first, then the command itself. */
export interface Verdict {
  ticks: DueTick[]
  /** The state after the due deadlines, in which the command is judged. */
  due: AnyMachineSnapshot
  event: InitiativeEvent
  next: AnyMachineSnapshot
  /** Present only when the machine refused the event. */
  explanation: Explanation | undefined
}

/**
 * Judges a command as the machine would take it at `clockNow`: every deadline that has passed is
 * applied first (to a fixed point), then the command, at the engine's clock clamped to the
 * machine's — instance clocks drift, and the machine's clock never runs back. Pure: nothing is stored.
 */
export function judgeCommand(
  loaded: Loaded,
  command: Command,
  initiativeId: string,
  clockNow: number,
): Verdict {
  const now = Math.max(clockNow, (loaded.snapshot.context as InitiativeContext).now)
  const { ticks, snapshot: due } = dueTicks(loaded.machine, loaded.policy, loaded.snapshot, now)
  const at = Math.max(now, (due.context as InitiativeContext).now)
  const event = toMachineEvent(command, initiativeId, due.context as InitiativeContext, at)
  const next = stepperFor(loaded.machine)(due as InitiativeSnapshot, event)
  // XState hands back the very same snapshot when no transition is taken: only then are words needed.
  const explanation = next === due ? explainEvent(loaded.machine, loaded.policy, due, event) : undefined
  return { ticks, due, event, next, explanation }
}

/** The state as of now: deadlines that have passed show, though nothing has recorded them yet. */
export function asOfNow(loaded: Loaded, now: number): AnyMachineSnapshot {
  const clamped = Math.max(now, (loaded.snapshot.context as InitiativeContext).now)
  return dueTicks(loaded.machine, loaded.policy, loaded.snapshot, clamped).snapshot
}
