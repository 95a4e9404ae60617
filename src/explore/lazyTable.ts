import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'
import { type CompiledTable, UNEXPANDED, writeStateColumns } from './compile.js'
import { createExpander } from './expander.js'
import { DEFAULT_MAX_STATES } from './explore.js'
import { defaultHeapBudget, heapUsed } from './heapBudget.js'
import type { InitiativeSnapshot } from './InitiativeSnapshot.js'
import { limitReached, memoryReached } from './limitReached.js'

export interface LazyTableOptions {
  /** The machine to step; by default `createInitiativeMachine(policy)`. */
  machine?: InitiativeMachine
  /** Past this many states found, `expand` throws `LIMIT_REACHED`. Default 200 000. */
  maxStates?: number
  /** Past this many bytes of V8 heap (checked every 1,024 states found), `LIMIT_REACHED` too. Default 85 % of the heap limit. */
  maxHeapBytes?: number
  scopes?: readonly ScopeKind[]
}

/** A typed array grown to at least `length`, keeping what it holds and filling the rest. */
function grown<T extends Int32Array | Int8Array | Uint8Array>(array: T, length: number, fill: number): T {
  if (array.length >= length) return array
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(length, array.length * 2))
  bigger.set(array)
  bigger.fill(fill, array.length)
  return bigger
}

/**
 * A transition table computed as it is used: a state's row of `next` is filled the first time a
 * simulation asks for it (`expand`), each move still computed by the machine through the same
 * expander as the explorer, and kept. Only the states a simulation reaches are ever computed, so
 * a policy too large to compile whole can still be simulated. States are numbered in the order
 * found (0 is the initial state); their columns (phase, key statuses, track, final) are written
 * when they are found, so a state's own columns are always there — only its moves wait.
 *
 * A row of an eager table and the same state's row here lead to states with equal columns, so a
 * simulation gives the same results on either (tested on the shipped policies).
 *
 * @example
 * const table = createLazyTable(policy)
 * if (table.next[s * table.eventCount + e] === UNEXPANDED) table.expand?.(s)
 */
export function createLazyTable(policy: Policy, options: LazyTableOptions = {}): CompiledTable {
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  const maxHeapBytes = options.maxHeapBytes ?? defaultHeapBudget()
  // A custom machine cannot travel to a worker thread: such a table stays in its own thread.
  const machine = options.machine ?? createInitiativeMachine(policy)
  const expander = createExpander(policy, machine, {
    symmetry: false,
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
  })
  const { alphabet, abstractKey, initial } = expander
  const eventCount = alphabet.length
  const keyCount = policy.keys.length
  const keys: string[] = []
  const index = new Map<string, number>()
  const snapshots: InitiativeSnapshot[] = []

  const table: CompiledTable = {
    policy: policy.id,
    states: 0,
    eventCount,
    keyCount,
    events: alphabet,
    next: new Int32Array(64 * eventCount).fill(UNEXPANDED),
    phase: new Int8Array(64),
    keyStatus: new Int8Array(64 * keyCount),
    track: new Int8Array(64).fill(-1),
    final: new Uint8Array(64),
    keys,
    expand,
    ...(options.machine === undefined
      ? { lazy: { maxStates, ...(options.scopes === undefined ? {} : { scopes: options.scopes }) } }
      : {}),
  }

  /** The number of the state a snapshot abstracts to, found now if it is new. */
  function stateOf(snapshot: InitiativeSnapshot): number {
    const key = abstractKey(snapshot)
    const known = index.get(key)
    if (known !== undefined) return known
    const s = keys.length
    if (s >= maxStates) throw limitReached(policy.id, maxStates)
    if (maxHeapBytes !== undefined && (s & 1023) === 0 && heapUsed() > maxHeapBytes)
      throw memoryReached(policy.id, maxHeapBytes)
    keys.push(key)
    snapshots.push(snapshot)
    index.set(key, s)
    table.states = s + 1
    table.next = grown(table.next, (s + 1) * eventCount, UNEXPANDED)
    table.phase = grown(table.phase, s + 1, 0)
    table.keyStatus = grown(table.keyStatus, (s + 1) * keyCount, 0)
    table.track = grown(table.track, s + 1, -1)
    table.final = grown(table.final, s + 1, 0)
    writeStateColumns(policy, snapshot, s, table)
    return s
  }

  function expand(s: number): void {
    const before = snapshots[s]
    if (before === undefined) throw new RangeError(`state ${s} has not been found (${keys.length} so far)`)
    const row = s * eventCount
    if (table.next[row] !== UNEXPANDED) return
    const targets = new Int32Array(eventCount).fill(-1)
    expander.expand(before, (event, _concrete, after) => {
      targets[event.index] = stateOf(after)
    })
    table.next.set(targets, row)
  }

  stateOf(initial)
  return table
}
