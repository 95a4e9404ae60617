import type { Phase } from '../../../machines/describeState.js'
import type { Phrase } from '../../../machines/refusalMessages.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { ErrorCode } from '../../domain/TwoKeysError.js'
import type { KeyLine } from '../../engine/keyBoard.js'
import type { InvariantId } from '../../invariants/Invariant.js'

/** The policy field a deadline comes from: the review window, the plenary, an approval's lifetime. */
export type DeadlineField = 'review.windowDays' | 'review.plenaryDays' | 'approvals.lifetimeDays'

/** A deadline that changed an initiative's phase: when, from which field, and the phase it led to. */
export interface DeadlineStep {
  at: number
  field: DeadlineField
  phase: Phase
}

/** A recorded event the candidate policy refuses, with the rule that refuses it. */
export interface RefusedEvent {
  seq: number
  event: InitiativeEvent
  code: ErrorCode
  /** The rules (guard names) that refused, or the engine's phrase key when no rule did (`state.closed`), or `identity`. */
  rules: string[]
  /** The reasons in English; `phrases[i]` renders `reasons[i]` in another language. */
  reasons: string[]
  phrases: Phrase[]
}

/**
 * The first point where the two judgements part, and what parts them:
 * `refused` — a recorded event the candidate refuses;
 * `phase` — both take the event, but it leads to different phases (the candidate's keys);
 * `deadline` — a deadline of the candidate (`field`) moves the initiative where the recorded policy did not;
 * `noDeadline` — a deadline of the recorded policy (`field`) moved it; under the candidate nothing falls due then.
 */
export type Divergence =
  | ({ kind: 'refused'; rule: string; recorded: Phase; candidate: Phase } & RefusedEvent)
  | {
      kind: 'phase'
      rule: 'keys'
      seq: number
      event: InitiativeEvent
      recorded: Phase
      candidate: Phase
      /** The candidate's keys not turned just after the event, while it stays open (what it waits for). */
      waitingFor: KeyLine[]
    }
  | { kind: 'deadline'; rule: DeadlineField; at: number; recorded: Phase; candidate: Phase }
  | { kind: 'noDeadline'; rule: DeadlineField; at: number; seq?: number; recorded: Phase; candidate: Phase }

/** Why a running initiative cannot move to the candidate policy. */
export type MigrationBlock =
  | { kind: 'refused'; refusal: RefusedEvent }
  | { kind: 'ended'; phase: Phase; deadline?: DeadlineStep }
  | { kind: 'invariant'; id: InvariantId; message: string; seq: number | null }

/** `--migrate`: whether a running initiative can move to the candidate, and where it would stand. */
export type Migration = { ok: true; phase: Phase; moves: boolean } | { ok: false; block: MigrationBlock }

/** One initiative re-judged: its outcome under the policy it was recorded under and under the candidate. */
export interface InitiativeReplayResult {
  initiativeId: string
  title: string | null
  /** The policy the initiative is pinned to: its id and hash. */
  recordedPolicy: { id: string; hash: string }
  /** The phase reached at the replay's instant under the recorded policy, and under the candidate. */
  recorded: Phase
  candidate: Phase
  /** Whether the phase reached differs. */
  changed: boolean
  /** Whether the candidate would still take commands at the replay's instant. */
  running: { recorded: boolean; candidate: boolean }
  /** The first point where the judgements part; absent when the candidate judges every step alike. */
  divergence?: Divergence
  /** Every recorded event the candidate refuses, in order. */
  refused: RefusedEvent[]
  /** The candidate's deadlines that changed the phase, in time order. */
  deadlines: DeadlineStep[]
  /** Under the candidate, still open: the keys not turned, with whom each waits for (empty otherwise). */
  waitingFor: KeyLine[]
  /** With `migrate`, for an initiative still running under its recorded policy. */
  migration?: Migration
}

/** What the replay of a store under a candidate policy found. */
export interface ReplayResult {
  candidate: { id: string; hash: string }
  /** The instant every initiative is judged at (epoch ms). */
  at: number
  initiatives: InitiativeReplayResult[]
  summary: {
    initiatives: number
    changed: number
    /** Changed initiatives by the rule of their divergence, most first. */
    byRule: { rule: string; count: number }[]
    /** With `migrate`: running initiatives that can and cannot move. */
    migrate?: { running: number; can: number; cannot: number }
  }
}
