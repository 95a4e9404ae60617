import type { InitiativeContent } from '../domain/InitiativeContent.js'

// The oracle's facts: what the accepted events say, folded by `recordEvent`. Nothing here is
// read from the machine's context; the only thing taken from the machine is its state value,
// which is what the invariants judge.

/** A revision as the recorded contents make it: one per proposal and per substantive amendment. */
export interface RecordedRevision {
  /** Its number: 1 at the proposal, one more at each substantive amendment. */
  n: number
  /** The revision hash a decision must name: of the initiative id, `n` and the substantive fields. */
  hash: string
  /** The content it was made with. */
  content: InitiativeContent
  /** Position of the event that made it in the accepted events. */
  seq: number
}

/** A DECIDE as recorded, with what the oracle derives from the events before it. */
export interface RecordedDecision {
  /** Position of the DECIDE in the accepted events. */
  seq: number
  key: string
  by: string
  /**
   * The holder whose seat it used: the actor when it holds the key, else the holder whose
   * earlier delegation covers the time; null when neither (no authority).
   */
  seat: string | null
  decision: 'approve' | 'refuse'
  /** The revision hash the event names. */
  named: string
  /** Index in `revisions` of the revision current when it was recorded. */
  revision: number
  /** When it took effect: the event's time, or the clock's when the event is dated earlier. */
  at: number
  /** Position of the REVOKE that withdrew it, if one did. */
  revokedSeq?: number
}

/** A DELEGATE as recorded: `holder` is whoever sent it. */
export interface RecordedDelegation {
  seq: number
  key: string
  holder: string
  deputy: string
  from: number
  until: number
  at: number
}

/** A RESPOND (a region's governor), MINISTRY (a named ministry) or DESTINATION (for a destination) as recorded. */
export interface RecordedAnswer {
  seq: number
  type: 'RESPOND' | 'MINISTRY' | 'DESTINATION'
  by: string
  target: string
  answer: boolean
  /** The state the initiative was in when the answer was taken. */
  stage: string
}

/** When the state under test first claimed approval, and on which revision. */
export interface RecordedApproval {
  seq: number
  at: number
  /** Index in `revisions`. */
  revision: number
}

/** Everything the invariants know about one initiative: the accepted events, folded. */
export interface Recorded {
  /** How many events were accepted: the next event's position. */
  count: number
  /** The clock: the latest event time (an event dated earlier is judged at this time). */
  now: number
  id: string | null
  sponsor: string | null
  /** The latest content, substantive change or not. */
  content: InitiativeContent | null
  /** Every revision so far; the last is the current one. */
  revisions: RecordedRevision[]
  decisions: RecordedDecision[]
  delegations: RecordedDelegation[]
  answers: RecordedAnswer[]
  /** The state under test after the latest event, as `stageOf` names it (observed, not trusted). */
  stage: string
  /** The latest step into an approved stage, or null. */
  approval: RecordedApproval | null
}
