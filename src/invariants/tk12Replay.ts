import { initialTransition, type SnapshotFrom, transition } from 'xstate'
import { checkPhrase } from '../../machines/checkPhrases.js'
import type { InitiativeInput } from '../../machines/InitiativeContext.js'
import type { InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { InvariantInfo, Violation } from './Invariant.js'
import { said } from './said.js'

type Snapshot = SnapshotFrom<InitiativeMachine>

/** Folds events from the machine's initial snapshot with XState's pure `transition`. */
export function replay(
  machine: InitiativeMachine,
  input: InitiativeInput,
  events: readonly InitiativeEvent[],
): Snapshot {
  let [snapshot] = initialTransition(machine, input)
  for (const event of events) [snapshot] = transition(machine, snapshot, event)
  return snapshot
}

/** The path of the first place two JSON-like values differ (properties set to undefined count as absent). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Object.is(a, b)) return null
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path
  if (Array.isArray(a) !== Array.isArray(b)) return path
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d !== null) return d
    }
    return null
  }
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)])
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k], `${path}.${k}`)
    if (d !== null) return d
  }
  return null
}

/**
 * TK12 replay: folding the accepted events from the initial snapshot reproduces the persisted
 * snapshot exactly. (The audit log's hash chain is checked where the log lives.)
 */
export const tk12Replay = {
  id: 'TK12',
  name: 'replay',
  statement: 'folding the audit log reproduces the state exactly, and any change to the log is detected',
  scope: 'replay',
  check(
    machine: InitiativeMachine,
    input: InitiativeInput,
    events: readonly InitiativeEvent[],
    snapshot: Snapshot,
  ): Violation[] {
    const expected = machine.getPersistedSnapshot(snapshot)
    const actual = machine.getPersistedSnapshot(replay(machine, input, events))
    const at = firstDifference(expected, actual)
    if (at === null) return []
    return [
      {
        id: 'TK12',
        ...said(checkPhrase('tk12.differs', { events: events.length, at })),
        details: { at, expected, actual },
      },
    ]
  },
} as const satisfies InvariantInfo & { check: unknown }
