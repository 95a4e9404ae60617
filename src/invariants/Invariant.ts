import type { CheckPhrase } from '../../machines/checkPhrases.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Recorded } from './Recorded.js'

/** The ids of DESIGN.md's invariants table; tests, the verifier and docs use these. */
export type InvariantId =
  | 'TK1'
  | 'TK2'
  | 'TK3'
  | 'TK4'
  | 'TK5'
  | 'TK6'
  | 'TK7'
  | 'TK8'
  | 'TK9'
  | 'TK10'
  | 'TK11'
  | 'TK12'
  | 'TK13'

/** One broken invariant, as data: which one, what a person should read, and the facts behind it. */
export interface Violation {
  id: InvariantId
  message: string
  /** `message` as a phrase, for any language (`sayCheck(phrase, CHECK_WORDS_RU)`). */
  phrase?: CheckPhrase
  event?: InitiativeEvent
  details?: Record<string, unknown>
}

/**
 * What an invariant reads of a snapshot of the initiative machine. An XState `MachineSnapshot`
 * of `createInitiativeMachine(policy)` is one; so is a snapshot of any mutant of it.
 */
export interface InitiativeSnapshotLike {
  value: unknown
  context: InitiativeContext
  status: string
}

/**
 * One accepted event, the snapshots around it, and what the accepted events record before and
 * after it (`recordEvent`). The snapshots' state values are what is judged; whether they are
 * legitimate is decided from the recorded facts, never from the machine's context.
 */
export interface InvariantStep<S extends InitiativeSnapshotLike = InitiativeSnapshotLike> {
  before: S
  event: InitiativeEvent
  after: S
  recorded: { before: Recorded; after: Recorded }
}

/** How an invariant is checked: on every step, by search from a snapshot, over orders, or by replay. */
export type InvariantScope = 'step' | 'reachability' | 'order' | 'replay'

export interface InvariantInfo {
  id: InvariantId
  name: string
  statement: string
  scope: InvariantScope
}

/** An invariant that is a predicate on one step: it returns its violations, never throws. */
export interface StepInvariant extends InvariantInfo {
  scope: 'step'
  check(policy: Policy, step: InvariantStep): Violation[]
}
