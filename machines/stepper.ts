import { type AnyActorScope, createEmptyActor, type SnapshotFrom } from 'xstate'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import type { InitiativeMachine } from './initiative.js'

type InitiativeSnapshot = SnapshotFrom<InitiativeMachine>

/**
 * XState's pure transition, `machine.transition(snapshot, event, scope)`, with one inert actor
 * scope made once. `transition(machine, snapshot, event)` from 'xstate' does the same but builds
 * a throwaway actor — and the machine's initial snapshot with it — on every call; the
 * initiative machine spawns nothing and has no side effects, so one scope serves every step.
 * A refused event returns the very same snapshot object.
 */
export function createStepper(machine: InitiativeMachine) {
  const self = createEmptyActor()
  const scope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  } as unknown as AnyActorScope
  return (snapshot: InitiativeSnapshot, event: InitiativeEvent): InitiativeSnapshot =>
    machine.transition(snapshot, event, scope as never) as InitiativeSnapshot
}

const steppers = new WeakMap<InitiativeMachine, ReturnType<typeof createStepper>>()

/** The stepper of a machine, made once per machine: the engine and the ledger step with it. */
export function stepperFor(machine: InitiativeMachine): ReturnType<typeof createStepper> {
  let step = steppers.get(machine)
  if (step === undefined) {
    step = createStepper(machine)
    steppers.set(machine, step)
  }
  return step
}
