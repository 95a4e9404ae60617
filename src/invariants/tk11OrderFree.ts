import type { SnapshotFrom } from 'xstate'
import { checkPhrase } from '../../machines/checkPhrases.js'
import type { InitiativeMachine } from '../../machines/initiative.js'
import { stepperFor } from '../../machines/stepper.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { InvariantInfo, Violation } from './Invariant.js'
import { said } from './said.js'

type Snapshot = SnapshotFrom<InitiativeMachine>

/** What must not depend on the order of approvals. */
export interface OrderOutcome {
  status: string
  value: string
  track: string | null
  approvedRevision: string | null
}

const MINUTE_MS = 60_000

/** Events at the same instants whatever their order: the i-th event is stamped start + (i + 1) minutes. */
function stamped(start: Snapshot, events: readonly InitiativeEvent[]): InitiativeEvent[] {
  return events.map((e, i) => ({ ...e, at: start.context.now + (i + 1) * MINUTE_MS }))
}

/** Applies the events the machine accepts, in order, and reports the outcome. */
export function outcomeOf(
  machine: InitiativeMachine,
  start: Snapshot,
  events: readonly InitiativeEvent[],
): OrderOutcome {
  const step = stepperFor(machine)
  let snapshot = start
  for (const event of stamped(start, events)) {
    if (snapshot.can(event)) snapshot = step(snapshot, event)
  }
  const { context } = snapshot
  return {
    status: snapshot.status,
    value: JSON.stringify(snapshot.value),
    track: context.track,
    approvedRevision: context.approvedAt === null ? null : context.revision.hash,
  }
}

/** Every order of the groups (one group per key), each group kept together: n! sequences. */
export function keyOrders<T>(groups: readonly (readonly T[])[]): T[][] {
  if (groups.length <= 1) return [groups.flat()]
  return groups.flatMap((group, i) =>
    keyOrders([...groups.slice(0, i), ...groups.slice(i + 1)]).map((rest) => [...group, ...rest]),
  )
}

const describe = (events: readonly InitiativeEvent[]) =>
  events.map((e) => (e.type === 'DECIDE' ? `${e.by}→${e.key}` : e.type))

/**
 * TK11 order-free: the given orders of the same approvals, applied from `start` at the same
 * instants, all end in the same outcome (state, track, approved revision).
 *
 * @example
 * tk11OrderFree.check(machine, submitted, keyOrders([[oreshkinApproves], [grigorenkoApproves]])) // []
 */
export const tk11OrderFree = {
  id: 'TK11',
  name: 'order-free',
  statement: 'the order in which keys are turned does not change the outcome',
  scope: 'order',
  check(
    machine: InitiativeMachine,
    start: Snapshot,
    orders: readonly (readonly InitiativeEvent[])[],
  ): Violation[] {
    const [first, ...rest] = orders
    if (first === undefined) return []
    const expected = outcomeOf(machine, start, first)
    const violations: Violation[] = []
    for (const order of rest) {
      const outcome = outcomeOf(machine, start, order)
      const differs = (Object.keys(expected) as (keyof OrderOutcome)[]).filter(
        (f) => expected[f] !== outcome[f],
      )
      if (differs.length === 0) continue
      violations.push({
        id: 'TK11',
        ...said(
          checkPhrase('tk11.orders', {
            first: describe(first),
            second: describe(order),
            firstValue: expected.value,
            firstTrack: String(expected.track),
            secondValue: outcome.value,
            secondTrack: String(outcome.track),
          }),
        ),
        details: { orders: [first, order], outcomes: [expected, outcome], differs },
      })
    }
    return violations
  },
} as const satisfies InvariantInfo & { check: unknown }
