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
 * Everything the machine knows about one initiative. Only facts are stored: which keys are
 * turned is the state of the chart, and what counts is computed from these facts by the rules.
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
  decisions: Decision[]
  delegations: Delegation[]
  approvedAt: number | null
  track: Track | null
  /** Region or destination id → accepted (regional) or agreed (export). */
  responses: Record<string, boolean>
  closedAt: number | null
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
    delegations: [],
    approvedAt: null,
    track: null,
    responses: {},
    closedAt: null,
  }
}
