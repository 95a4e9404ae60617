import type { CheckPhrase } from '../../machines/checkPhrases.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { InvariantId } from '../invariants/Invariant.js'
import type { ScopeKind } from '../policy/PolicySchema.js'

/** One numbered step of a counterexample: who did what, when. */
export interface CounterexampleStep {
  n: number
  /** The explorer's clock in ms (0 is the proposal) and the same as "day 14". */
  at: number
  day: string
  /** The acting principal, or "clock" for a tick. */
  actor: string
  /** The machine event's type: PROPOSE, DECIDE, TICK, … */
  command: string
  text: string
  /** `text` as a phrase, for any language (`sayCheck(phrase, CHECK_WORDS_RU)`). */
  phrase: CheckPhrase
  event: InitiativeEvent
}

/** A shortest sequence of events, from a fresh initiative, that breaks an invariant. */
export interface Counterexample {
  steps: CounterexampleStep[]
  /** What broke, as the invariant's predicate says it. */
  violation: string
  /** `violation` as a phrase, when the checker that found it words it so. */
  violationPhrase?: CheckPhrase
  /** Further lines: the two orders of TK11, what a dead end still accepts, … */
  notes: string[]
  /** `notes` as phrases, one per note, when every note has one. */
  notePhrases?: CheckPhrase[]
}

/**
 * `holds`: checked on the whole reachable space and never broken. `unproven`: not seen broken,
 * but the search stopped before the whole space was explored (see `VerifyResult.partial`).
 */
export type InvariantStatus = 'holds' | 'violated' | 'unproven' | 'not-applicable'

export interface InvariantResult {
  id: InvariantId
  name: string
  statement: string
  status: InvariantStatus
  /** How it was checked, or why it does not apply. */
  note: string
  notePhrase?: CheckPhrase
  /**
   * True when the check could never have failed: the rule it tests never binds on the reachable
   * space (see `Vacuity`). A vacuous "holds" says nothing about the machine.
   */
  vacuous: boolean
  /** Why the check is vacuous, when it is. */
  reason?: string
  reasonPhrase?: CheckPhrase
  counterexample?: Counterexample
}

/**
 * A rule of the policy that can never bind on the reachable space, so it changes nothing, and
 * any invariant about it holds without being tested.
 */
export interface Vacuity {
  /** The rule as a policy path: `approvals.lifetimeDays`, `keys[0].veto`, `routing[3]`. */
  rule: string
  path: (string | number)[]
  reason: string
  reasonPhrase: CheckPhrase
  /** Read from the explored graph (what the machine does), or computed from the policy alone. */
  from: 'graph' | 'policy'
  /** The invariants whose check this makes vacuous. */
  invariants: InvariantId[]
}

/**
 * A policy hole: a kind of initiative the policy declares but can never carry through (it can
 * never be proposed, or never approved), told as a story.
 */
export interface Hole {
  title: string
  /** `title` as a phrase, for any language. */
  titlePhrase?: CheckPhrase
  counterexample: Counterexample
}

/** What `verify` found: the size of the space, a verdict per invariant, holes, and warnings. */
export interface VerifyResult {
  policy: string
  /** The catalogued bug the run was made with, if any. */
  bug: string | null
  /**
   * True when the whole space was explored, no invariant is violated and the policy has no hole
   * (warnings do not count).
   */
  ok: boolean
  /** False when `maxStates` stopped the exploration before every state was expanded. */
  complete: boolean
  /** Why the search gives no verdict (it stopped short, and how to raise the limit), or null. */
  partial: string | null
  /** `partial` as a phrase, for any language, when there is one. */
  partialPhrase?: CheckPhrase
  states: number
  transitions: number
  seconds: number
  /** Groups of interchangeable keys the states were canonicalised over. */
  symmetry: string[][]
  /** Keys whose holders were treated as interchangeable (states renaming them counted once). */
  interchangeableHolders: string[]
  /**
   * The kinds of initiative whose review was shared (`branchSharing`: states before approval that
   * differ only by which initiative it is counted once); empty when each was searched on its own.
   */
  sharedReview: ScopeKind[]
  invariants: InvariantResult[]
  holes: Hole[]
  /** Rules that never bind (warnings: they do not change `ok`). */
  vacuity: Vacuity[]
  warnings: string[]
  /** `warnings` as phrases, one per warning, when every warning has one. */
  warningPhrases?: CheckPhrase[]
}
