import type { AnyMachineSnapshot, AnyStateNode, EventObject } from 'xstate'
import { guardTree } from '../../machines/guardTree.js'

/**
 * The active state nodes of a snapshot that have transitions for one event type: those whose
 * transitions may take the event whatever key it names, and per key those whose transitions are
 * all for that key.
 */
export interface Handlers {
  any: AnyStateNode[]
  byKey: Map<string, AnyStateNode[]>
}

/**
 * Per event type, its `Handlers` among a snapshot's active nodes; and the nodes with a wildcard
 * transition (`*`, `DECIDE.*`), which may take an event of any type.
 */
export interface HandledEvents {
  byType: Map<string, Handlers>
  wildcard: AnyStateNode[]
}

/**
 * The key a transition is for: the `isForKey` rule among the conjuncts of its guard (the policy's
 * rule reads "the event names this key"), or null when it takes an event for any key.
 */
function keyOfTransition(guard: unknown): string | null {
  const tree = guardTree(guard)
  if (tree?.kind !== 'and') return null
  for (const g of tree.guards)
    if (g.kind === 'named' && g.type === 'isForKey') return (g.params as { key: string }).key
  return null
}

/** The one key all of a node's transitions are for (see `keyOfTransition`), or null. */
function keyOfNode(transitions: readonly { guard?: unknown }[]): string | null {
  const keys = new Set(transitions.map((t) => keyOfTransition(t.guard)))
  const [key] = keys
  return keys.size === 1 && key !== undefined ? key : null
}

/**
 * Which active state nodes of `snapshot` have transitions for each event type (see `Handlers`):
 * an event none has one for is refused without asking XState. With `byKey`, a node whose
 * transitions are all guarded by `isForKey` counts only for its key — a decision on a key whose
 * region has turned is refused there too. Only for the policy's own machine, whose `isForKey` is
 * the rule as written: a machine given other guards may take such an event. Cached per set of
 * active nodes.
 *
 * @example
 * const handled = handledEvents(snapshot, new Map(), true)
 * handled.byType.get('DECIDE')?.byKey // Map { 'government-apparatus' => [its pending node] } once the other key has turned
 */
export function handledEvents(
  snapshot: AnyMachineSnapshot,
  cache: Map<string, HandledEvents>,
  byKey: boolean,
): HandledEvents {
  const id = snapshot._nodes.map((n) => n.id).join('|')
  let handled = cache.get(id)
  if (handled === undefined) {
    const byType = new Map<string, Handlers>()
    const wildcard: AnyStateNode[] = []
    for (const node of snapshot._nodes)
      for (const [type, transitions] of node.transitions) {
        if (type.includes('*')) {
          if (!wildcard.includes(node)) wildcard.push(node)
          continue
        }
        let handlers = byType.get(type)
        if (handlers === undefined) {
          handlers = { any: [], byKey: new Map() }
          byType.set(type, handlers)
        }
        const key = byKey ? keyOfNode(transitions) : null
        if (key === null) handlers.any.push(node)
        else handlers.byKey.set(key, [...(handlers.byKey.get(key) ?? []), node])
      }
    handled = { byType, wildcard }
    cache.set(id, handled)
  }
  return handled
}

/** Whether some active node where `handled` was read has a transition for events of `type`. */
export function handlesType(handled: HandledEvents, type: string): boolean {
  return handled.wildcard.length > 0 || handled.byType.has(type)
}

/** The active nodes that may take `event` where `handled` was read: none means refused. */
export function handlersOf(handled: HandledEvents, event: EventObject & { key?: string }): AnyStateNode[] {
  const handlers = handled.byType.get(event.type)
  const any = handlers?.any ?? []
  const forKey = event.key === undefined ? undefined : handlers?.byKey.get(event.key)
  // Most letters: no wildcard and nodes of one kind, returned as they are (a hot path).
  if (handled.wildcard.length === 0 && (forKey === undefined || any.length === 0)) return forKey ?? any
  return [...handled.wildcard, ...any, ...(forKey ?? [])]
}

/** XState's own selection at one state node: its first transition for the event whose guard passes. */
type NodeSelection = (snapshot: AnyMachineSnapshot, event: EventObject) => readonly unknown[] | undefined

/**
 * Whether XState's transition selection enables some transition for `event` in `snapshot`, asking
 * only `nodes`, the active nodes with transitions for it (`handlersOf`). `getTransitionData`
 * walks every region of the chart, each asking its active node and then its ancestors, and its
 * answer is empty exactly when every active node's own selection (`StateNode.next`, the same
 * candidates and guards) is: so asking the few nodes that have transitions for the event is the
 * same question, without walking the rest. Where a state node has no `next` (another XState), the
 * whole chart is asked.
 */
export function selectionEnables(
  machine: { getTransitionData: (snapshot: never, event: never) => readonly unknown[] },
  nodes: readonly AnyStateNode[],
  snapshot: AnyMachineSnapshot,
  event: EventObject,
): boolean {
  for (const node of nodes) {
    const select = (node as unknown as { next?: NodeSelection }).next
    if (typeof select !== 'function')
      return machine.getTransitionData(snapshot as never, event as never).length > 0
    if ((select.call(node, snapshot, event)?.length ?? 0) > 0) return true
  }
  return false
}
