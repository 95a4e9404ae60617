import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeSnapshot } from './InitiativeSnapshot.js'

/**
 * A snapshot of the initiative machine as plain data, to cross a thread boundary: its state
 * value, its context and the order of its active state nodes. XState's snapshot object holds the
 * machine and its state nodes, which cannot be cloned.
 */
export interface PortableSnapshot {
  value: InitiativeSnapshot['value']
  context: InitiativeContext
  /** The ids of `_nodes`, in order: XState selects eventless transitions in this order. */
  nodes: string[]
}

/**
 * The snapshot as plain data. The initiative machine spawns no actors and has no history states,
 * so value, context and node order are all of a snapshot that any later step reads; a snapshot
 * with children or history is refused rather than silently cut down.
 */
export function toPortable(snapshot: InitiativeSnapshot): PortableSnapshot {
  const history = (snapshot as { historyValue?: object }).historyValue
  if (Object.keys(snapshot.children).length > 0 || (history !== undefined && Object.keys(history).length > 0))
    throw new Error('portableSnapshot: a snapshot with child actors or history cannot be sent to a worker')
  return { value: snapshot.value, context: snapshot.context, nodes: snapshot._nodes.map((n) => n.id) }
}

/**
 * The snapshot again, for `machine`: `resolveState` rebuilds it from value and context (its status
 * from whether the value is final), and its nodes are put back in their order, since
 * `resolveState` lists them in document order where a step may have left another.
 */
export function fromPortable(machine: InitiativeMachine, portable: PortableSnapshot): InitiativeSnapshot {
  const snapshot = machine.resolveState({
    value: portable.value,
    context: portable.context,
  }) as InitiativeSnapshot
  const byId = new Map(snapshot._nodes.map((n) => [n.id, n]))
  const nodes = portable.nodes.map((id) => byId.get(id))
  if (nodes.length !== byId.size || nodes.some((n) => n === undefined))
    throw new Error(`portableSnapshot: the nodes ${portable.nodes.join(', ')} are not those of its value`)
  ;(snapshot as { _nodes: unknown[] })._nodes = nodes
  return snapshot
}
