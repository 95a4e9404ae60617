import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { PortableSnapshot } from '../explore/portableSnapshot.js'
import type { InvariantId, Violation } from '../invariants/Invariant.js'
import type { Recorded } from '../invariants/Recorded.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'

// The messages between `exploreInWorkers` and its worker threads (`searchWorker`).

/** What a worker is started with (its port travels beside, in the transfer list). */
export interface SearchWorkerData {
  policy: Policy
  symmetry: boolean
  scopes: readonly ScopeKind[] | undefined
  /** A catalogued bug's machine, rebuilt in the worker from its base policy; else the policy's own. */
  bug: { name: string; base: Policy } | undefined
  /** An Int32Array's buffer: the worker adds 1 to its first cell after every message. */
  signal: SharedArrayBuffer
}

/** States `start`, `start + 1`, … to expand, each with the recorded facts of its representative. */
export interface SearchJob {
  start: number
  states: { snapshot: PortableSnapshot; recorded: Recorded }[]
  /** Invariants already found violated: not judged again. */
  found: InvariantId[]
}

/** One move out of an expanded state, in the alphabet's order. */
export interface SearchMove {
  event: number
  concrete: InitiativeEvent
  key: string
  /** The state after, the first time this worker reports `key`. */
  found?: { snapshot: PortableSnapshot; recorded: Recorded }
  violations?: Violation[]
  /** Chart states the step passes through (the first time this worker sees its pair of configurations). */
  passed?: string[]
}

export type SearchReply =
  | { ready: true }
  | { start: number; moves: SearchMove[][]; transitionCalls: number }
  | { start: number; error: string }
