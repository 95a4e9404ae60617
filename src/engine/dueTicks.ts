import type { AnyMachineSnapshot } from 'xstate'
import { dueInstants } from '../../machines/dueInstants.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeMachine } from '../../machines/initiative.js'
import { stepperFor } from '../../machines/stepper.js'
import type { EventOf } from '../domain/InitiativeEvent.js'
import type { InitiativeSnapshot } from '../explore/InitiativeSnapshot.js'
import type { Policy } from '../policy/PolicySchema.js'
import { engineError } from './engineMessages.js'

export interface DueTick {
  event: EventOf<'TICK'>
  /** The state after this tick. */
  snapshot: AnyMachineSnapshot
}

// Each tick that is kept changes the state value, and a value changes only so often; this only
// guards against a machine that keeps changing (a bug), instead of looping forever.
const MAX_TICKS = 10_000

const stateValueOf = (snapshot: AnyMachineSnapshot) => JSON.stringify(snapshot.value)

/**
 * Applies every deadline that has passed by `now`, in time order and each at its own instant —
 * the window closing into a plenary, the plenary into a lapse, approvals expiring — until none is
 * due: a fixed point, so the answer never depends on how often anyone called `tick()`. Only the
 * ticks that change the state are returned (the facts worth recording); the others change nothing.
 *
 * @example
 * const { ticks, snapshot } = dueTicks(machine, policy, loaded, Date.parse('2026-05-01'))
 * ticks.map((t) => t.event.at) // the window's close, then the plenary's
 */
export function dueTicks(
  machine: InitiativeMachine,
  policy: Policy,
  from: AnyMachineSnapshot,
  now: number,
): { ticks: DueTick[]; snapshot: AnyMachineSnapshot } {
  const ticks: DueTick[] = []
  const step = stepperFor(machine)
  let snapshot = from
  // Instants before `floor` were tried and changed nothing.
  let floor = Number.NEGATIVE_INFINITY
  while (snapshot.status === 'active') {
    const context = snapshot.context as InitiativeContext
    const due = dueInstants(policy, context).find((t) => t >= floor && t <= now)
    if (due === undefined) break
    if (ticks.length >= MAX_TICKS) {
      throw engineError('INTERNAL', 'engine.ticksDoNotSettle', { initiative: context.id, max: MAX_TICKS })
    }
    // The machine's clock never runs back, so a deadline already behind it fires at its clock.
    const event = { type: 'TICK' as const, at: Math.max(due, context.now) }
    const next = step(snapshot as InitiativeSnapshot, event)
    if (stateValueOf(next) === stateValueOf(snapshot)) {
      floor = due + 1
      continue
    }
    ticks.push({ event, snapshot: next })
    snapshot = next
    floor = due
  }
  return { ticks, snapshot }
}
