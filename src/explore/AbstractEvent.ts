import type { InitiativeEventType } from '../domain/InitiativeEvent.js'

/** Who sends an abstract event, as a kind of principal. */
export type EventRole =
  | 'sponsor'
  | 'holder'
  | 'deputy'
  | 'dual'
  | 'governor'
  | 'ministry'
  | 'agency'
  | 'member'
  | 'outsider'
  | 'clock'

/**
 * One letter of the explorer's alphabet: a command by a kind of principal, or a tick, stated
 * without times or hashes. `instantiate` turns it into a concrete machine event for a snapshot:
 * every command happens at the snapshot's own instant (`context.now`; the proposal at
 * `EPOCH`), "the sponsor" is whoever
 * proposed, a decision is on the current revision unless `variant` says `approve-stale`.
 *
 * | type        | variants                                                         | actor |
 * |-------------|------------------------------------------------------------------|-------|
 * | PROPOSE     | `<branch>` (a valid proposal) · `<branch>:invalid` (bad scope); a branch is a scope kind, `kind/objective` when routing tells objectives apart | each kind of sponsor |
 * | SUBMIT, WITHDRAW, COMPLETE | —                                                 | the sponsor · an outsider |
 * | AMEND       | `title` · `summary` · `invalid-scope` · `threshold` (conditional keys) | the sponsor (an outsider: `title`) |
 * | DECIDE      | `approve` · `refuse` (by the key's own holders and deputy) · `approve-stale` (a revision that is not current) | the key's holders and deputy, those of the next key (as intruders), principals of two institutions, the sponsor, an outsider |
 * | REVOKE      | —                                                                | holders and deputy of the key, an outsider |
 * | DELEGATE    | (once per holder and key) `valid` (now → now + maxDays) · `too-long` (2 × maxDays) · `to-sponsor` · `to-outsider` · `to-dual:<id>` · `by-outsider` | holders of the key |
 * | RESPOND     | `accept` · `decline`, for the `target`-th named region (-1: a region not named) | its governor · an outsider |
 * | MINISTRY    | `accept` · `decline`, for the `target`-th named ministry (-1: a ministry not named) | that ministry · an outsider |
 * | PLENARY     | `return`                                                         | each commission member · an outsider |
 * | DESTINATION | `agreed` · `declined`, for the `target`-th destination (-1: one not named) | the sponsor (or the agency, where agencies record them) · the other · an outsider |
 * | TICK        | `window` (to the window's or plenary's end) · `expiry` (just past the earliest approval's lifetime) · `delegation` (the next delegation start or end) | the clock |
 */
export interface AbstractEvent {
  /** Position in the alphabet: the column of the compiled table. */
  index: number
  type: InitiativeEventType
  role: EventRole
  /** The acting principal; null for the sponsor (resolved per state) and for ticks. */
  actor: string | null
  /** The key index the event is about, or -1. */
  key: number
  variant: string
  /** The region or destination (index into the content's targets, -1 for one it does not name). */
  target: number
  /** Short words for tables and warnings: "holder oreshkin approves presidential-administration". */
  label: string
  /** Whether a correct policy means this command to be possible somewhere; never-taken ones are warned about. */
  expected: boolean
}

/** Fixed parts of every concrete event: the initiative id and the stand-in for a stale revision. */
export const INITIATIVE_ID = 'initiative'
/** When the explorer's initiatives are proposed: day 0 of every counterexample (2026-03-02, a Monday). */
export const EPOCH = Date.UTC(2026, 2, 2)
export const STALE_REVISION = 'an-earlier-revision'

/** A letter as its builder writes it, before the alphabet numbers it. */
export type LetterDraft = Omit<AbstractEvent, 'index'>
