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
  /** See `SetupOptions.twins`. */
  twins: boolean
  /** See `SetupOptions.deputyAsSeat`. */
  deputyAsSeat: boolean
  scopes: readonly ScopeKind[] | undefined
  /** See `SetupOptions.shareBranches`. */
  shareBranches: boolean
  /** A catalogued bug's machine, rebuilt in the worker from its base policy; else the policy's own. */
  bug: { name: string; base: Policy } | undefined
  /** An Int32Array's buffer: the worker adds 1 to its first cell after every message. */
  signal: SharedArrayBuffer
}

/** A shared state's image under one branch (`branchSharing`), with its recorded facts. */
export interface PortableImage {
  branch: number
  snapshot: PortableSnapshot
  recorded: Recorded
}

/**
 * Images a state is to be given before it is expanded (`branchSharing`): each of its parent's,
 * moved by the event that found the state, computed by the thread that expands it. Only the
 * searching thread knows which states are new, so a thread computes the images of a state once it
 * is known to be new, as the search in one thread does — not for every state new to that thread.
 */
export interface ImagesToDerive {
  /** The state's abstract key: every image must land on it. */
  key: string
  /** The letter (alphabet index) that moved the parent's representative here. */
  event: number
  /** The parent's images. */
  from: PortableImage[]
}

/** A state to expand: its representative and its recorded facts, and its images where the branches share their review. */
export interface JobState {
  snapshot: PortableSnapshot
  recorded: Recorded
  images?: PortableImage[]
  /** Images to compute first (they come before `images`, as in the search in one thread). */
  derive?: ImagesToDerive
}

/** States `start`, `start + 1`, … to expand, each with the recorded facts of its representative. */
export interface SearchJob {
  start: number
  states: JobState[]
  /** Invariants already found violated: not judged again. */
  found: InvariantId[]
}

/**
 * One move out of an expanded state, in the alphabet's order. A worker numbers the abstract keys
 * it meets (0, 1, … in the order it meets them) and sends a key's text, its representative and
 * the concrete event only the first time (`first`): later moves name the key by its number, and
 * carry their concrete event only when it is needed (a violation to report). The searching
 * thread keeps, per worker, the state each number stands for.
 */
export interface SearchMove {
  event: number
  /** This worker's number for the key of the state after. */
  local: number
  /** The first time this worker meets the key: its text and the state after. */
  first?: { key: string; snapshot: PortableSnapshot; recorded: Recorded }
  /** The branch whose image of the expanded state took this move (out of the shared review); absent for its representative. */
  image?: number
  /** A proposal into the shared review: the state after, as that state's image under its branch if it has none yet. */
  enter?: PortableImage
  /** The concrete event, with `first` or with `violations`. */
  concrete?: InitiativeEvent
  violations?: Violation[]
  /** Chart states the step passes through (the first time this worker sees its pair of configurations). */
  passed?: string[]
}

/** What a thread makes of a job: per state, its moves, and the images it computed for it (`JobState.derive`) or null. */
export interface JobAnswer {
  moves: SearchMove[][]
  images: (PortableImage[] | null)[]
}

export type SearchReply =
  | { ready: true }
  | ({ start: number; transitionCalls: number } & JobAnswer)
  | {
      start: number
      error: string /** The premise of sharing failed (`BranchSharingBroken`). */
      broken?: boolean
    }
