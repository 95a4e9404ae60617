import type { InitiativeContent } from '../src/domain/InitiativeContent.js'
import type { Track } from '../src/policy/PolicySchema.js'

/** One decision on one key, as a recorded fact. `seat` is the holder the actor acted for. */
export interface Decision {
  key: string
  by: string
  seat: string
  institutions: string[]
  revision: string
  decision: 'approve' | 'refuse'
  at: number
  reason?: string
  revokedAt?: number
}

/** A holder naming a deputy for a window [from, until). */
export interface Delegation {
  key: string
  holder: string
  deputy: string
  from: number
  until: number
  at: number
}

export interface Revision {
  n: number
  hash: string
}

/**
 * Everything the machine knows about one initiative, and only what its rules (and the key board)
 * read again: which keys are turned is the state of the chart, and what counts is computed from
 * these facts by the rules. The full history is the event log; the invariants judge from that.
 */
export interface InitiativeContext {
  policyHash: string
  id: string | null
  sponsor: string | null
  content: InitiativeContent | null
  revision: Revision
  now: number
  submittedAt: number | null
  /** When the current review or plenary window closes. */
  deadline: number | null
  /** When the review window closed into a plenary session (escalation), if it has. */
  escalatedAt: number | null
  /**
   * Decisions on the current revision: a substantive amendment drops the others (no rule reads a
   * decision on an earlier revision again), so what the guards filter stays small.
   */
  decisions: Decision[]
  /** Keys with an unrevoked approval on an earlier revision: the key board shows them stale. */
  approvedEarlier: string[]
  delegations: Delegation[]
  approvedAt: number | null
  track: Track | null
  /** Region or destination id → accepted (regional) or agreed (export). */
  responses: Record<string, boolean>
  closedAt: number | null
  /**
   * Members' votes to return the initiative, each with the plenary session it was cast in (the
   * session's `escalatedAt`); only the current session's count. Absent until the first vote, so
   * the states of policies without a commission stay as they were.
   */
  plenaryVotes?: PlenaryVote[]
}

export interface PlenaryVote {
  by: string
  session: number
}

export interface InitiativeInput {
  policyHash: string
}

export function initialContext(input: InitiativeInput | undefined): InitiativeContext {
  return {
    // XState's pure transition() builds a throwaway actor without input; that must not throw.
    policyHash: input?.policyHash ?? '',
    id: null,
    sponsor: null,
    content: null,
    revision: { n: 0, hash: '' },
    now: 0,
    submittedAt: null,
    deadline: null,
    escalatedAt: null,
    decisions: [],
    approvedEarlier: [],
    delegations: [],
    approvedAt: null,
    track: null,
    responses: {},
    closedAt: null,
  }
}
