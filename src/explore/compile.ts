import { PHASES, phaseOf } from '../../machines/describeState.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { Policy, ScopeKind, Track } from '../policy/PolicySchema.js'
import type { AbstractEvent } from './alphabet.js'
import { type ExploreProgress, explore, type InitiativeSnapshot } from './explore.js'
import { limitReached, memoryReached } from './limitReached.js'
import { reviewOf } from './timeline.js'

/** Phases in the order `CompiledTable.phase` numbers them: the machine's own list. */
export { PHASES }
/** Key statuses in the order `CompiledTable.keyStatus` numbers them. */
export const KEY_STATUSES = ['none', 'pending', 'turned', 'refused', 'waived'] as const
/** Tracks in the order `CompiledTable.track` numbers them (-1: none yet). */
export const TRACKS: readonly Track[] = ['federal', 'regional', 'export']

/**
 * A policy's explored graph as arrays a simulator can run on without XState.
 *
 * States are numbered 0 … `states − 1` (0 is the initial state, before any proposal); events
 * are the explorer's alphabet (`events[e]`: type, acting role, key, variant — see
 * `AbstractEvent`), numbered 0 … `eventCount − 1`. `next[s * eventCount + e]` is the state event
 * `e` leads to from state `s`, or -1 when the machine refuses it there (or it makes no sense
 * there: a tick with nothing ahead). A taken event that changes nothing abstract leads back to
 * `s` itself.
 *
 * Per state: `phase[s]` indexes `PHASES`; `keyStatus[s * keyCount + k]` indexes `KEY_STATUSES`
 * (the key's region in review, "turned" for every key once approved, "none" otherwise);
 * `track[s]` indexes `TRACKS` or is -1; `final[s]` is 1 for completed, withdrawn and lapsed.
 *
 * Event words a simulator needs: "holder h of key k approves" is a `DECIDE` with role
 * `holder`, `actor` h, `key` k, variant `approve`; "tick past the review deadline" is the
 * `TICK` with variant `window`; "tick past an approval's lifetime" is `expiry`; "tick to the
 * next delegation boundary" is `delegation`.
 */
export interface CompiledTable {
  policy: string
  states: number
  eventCount: number
  keyCount: number
  events: readonly AbstractEvent[]
  next: Int32Array
  phase: Int8Array
  keyStatus: Int8Array
  track: Int8Array
  final: Uint8Array
  /** The abstract key of each state (see `createAbstractKey`), for tests and debugging. */
  keys: readonly string[]
  /**
   * Only on a lazy table (`createLazyTable`): computes state `s`'s row of `next`, which holds
   * `UNEXPANDED` until then, and may replace the arrays (they grow as states are found).
   */
  expand?(s: number): void
  /** Only on a lazy table: how to make another like it (in a worker thread). */
  lazy?: { maxStates: number; scopes?: readonly ScopeKind[] }
}

/** What a lazy table's `next` holds for a state whose moves are not computed yet. */
export const UNEXPANDED = -2

export interface CompileOptions {
  /** The machine to compile; by default `createInitiativeMachine(policy)` (see `explore`). */
  machine?: InitiativeMachine
  /** Stop after this many states and throw `LIMIT_REACHED`. Default 200 000. */
  maxStates?: number
  /** Stop when the heap fills this many bytes and throw `LIMIT_REACHED`. Default 85 % of the heap limit. */
  maxHeapBytes?: number
  scopes?: readonly ScopeKind[]
  /** Called as the exploration goes (see `ExploreOptions.onProgress`). */
  onProgress?: (progress: ExploreProgress) => void
  /** Expanded states between two `onProgress` calls. Default 500. */
  progressEvery?: number
}

/** The per-state columns of a table. */
export type StateColumns = Pick<CompiledTable, 'phase' | 'keyStatus' | 'track' | 'final'>

/**
 * Writes state `s`'s row of each per-state column: its phase, each key's status, its track and
 * whether it is final — read off the snapshot, so an eager and a lazy table agree.
 */
export function writeStateColumns(
  policy: Policy,
  snapshot: InitiativeSnapshot,
  s: number,
  columns: StateColumns,
): void {
  const keyCount = policy.keys.length
  columns.phase[s] = PHASES.indexOf(phaseOf(snapshot))
  const review = reviewOf(snapshot.value)
  const approved = snapshot.context.approvedAt !== null
  policy.keys.forEach((key, k) => {
    const status = approved
      ? 'turned'
      : review === null
        ? 'none'
        : (review[key.id] as (typeof KEY_STATUSES)[number])
    columns.keyStatus[s * keyCount + k] = Math.max(0, KEY_STATUSES.indexOf(status))
  })
  columns.track[s] = snapshot.context.track === null ? -1 : TRACKS.indexOf(snapshot.context.track)
  columns.final[s] = snapshot.status === 'done' ? 1 : 0
}

/**
 * Compiles a policy's machine into a transition table: every reachable abstract state times
 * every event of the explorer's alphabet. The states are explored without symmetry reduction,
 * so each key index in the table is the policy's own key. A table is always whole: when
 * `maxStates` stops the exploration, `compile` throws a `LIMIT_REACHED` TwoKeysError rather than
 * return rows that were never expanded (they would refuse every event).
 *
 * @example
 * const table = compile(policy)
 * const s = table.next[0 * table.eventCount + proposeIndex] // the draft after a proposal
 */
export function compile(policy: Policy, options: CompileOptions = {}): CompiledTable {
  const keyCount = policy.keys.length
  // Each state's columns, written as it is found (the graph keeps no snapshots).
  const row: StateColumns = {
    phase: new Int8Array(1),
    keyStatus: new Int8Array(keyCount),
    track: new Int8Array(1),
    final: new Uint8Array(1),
  }
  const rows = {
    phase: [] as number[],
    keyStatus: [] as number[],
    track: [] as number[],
    final: [] as number[],
  }
  const graph = explore(policy, options.machine ?? createInitiativeMachine(policy), {
    symmetry: false,
    onState: (_s, snapshot) => {
      writeStateColumns(policy, snapshot, 0, row)
      rows.phase.push(row.phase[0] as number)
      rows.keyStatus.push(...row.keyStatus)
      rows.track.push(row.track[0] as number)
      rows.final.push(row.final[0] as number)
    },
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    ...(options.maxHeapBytes === undefined ? {} : { maxHeapBytes: options.maxHeapBytes }),
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.progressEvery === undefined ? {} : { progressEvery: options.progressEvery }),
  })
  if (!graph.complete) {
    throw graph.stoppedBy === 'memory' && graph.maxHeapBytes !== undefined
      ? memoryReached(policy.id, graph.maxHeapBytes)
      : limitReached(policy.id, graph.maxStates)
  }
  const states = graph.keys.length
  const eventCount = graph.alphabet.length
  const next = new Int32Array(states * eventCount).fill(-1)
  for (let i = 0; i < graph.edges.count; i++) {
    next[(graph.edges.from[i] as number) * eventCount + (graph.edges.event[i] as number)] = graph.edges.to[
      i
    ] as number
  }
  const phase = Int8Array.from(rows.phase)
  const keyStatus = Int8Array.from(rows.keyStatus)
  const track = Int8Array.from(rows.track)
  const final = Uint8Array.from(rows.final)
  return {
    policy: policy.id,
    states,
    eventCount,
    keyCount,
    events: graph.alphabet,
    next,
    phase,
    keyStatus,
    track,
    final,
    keys: graph.keys,
  }
}
