import type { SnapshotFrom } from 'xstate'
import type { InitiativeMachine } from '../../machines/initiative.js'

/** A snapshot of one initiative's machine, as the explorer and the stepper pass it around. */
export type InitiativeSnapshot = SnapshotFrom<InitiativeMachine>
