import type { AnyMachineSnapshot } from 'xstate'
import { guardTree } from '../../machines/guardTree.js'

/**
 * Per event type, what the active state nodes of a snapshot have a transition for: `true` when
 * some transition may take the event whatever key it names, else the keys its transitions are for.
 */
export type HandledEvents = Map<string, true | Set<string>>

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

/**
 * What the active state nodes of `snapshot` have transitions for (see `HandledEvents`): an event
 * they have none for is refused without asking XState. With `byKey`, a transition guarded by
 * `isForKey` counts only for its key, so a decision on a key whose region has turned, say, is
 * refused there too; only for the policy's own machine, whose `isForKey` is the rule as written
 * (a machine given other guards may take such an event). Cached per set of active nodes.
 *
 * @example
 * const handled = handledEvents(snapshot, new Map(), true)
 * handled.get('DECIDE') // Set { 'government-apparatus' } once the other key has turned
 */
export function handledEvents(
  snapshot: AnyMachineSnapshot,
  cache: Map<string, HandledEvents>,
  byKey: boolean,
): HandledEvents {
  const id = snapshot._nodes.map((n) => n.id).join('|')
  let handled = cache.get(id)
  if (handled === undefined) {
    handled = new Map()
    for (const node of snapshot._nodes)
      for (const [type, transitions] of node.transitions) {
        for (const t of transitions) {
          const key = byKey ? keyOfTransition(t.guard) : null
          const now = handled.get(type)
          if (key === null) handled.set(type, true)
          else if (now === undefined) handled.set(type, new Set([key]))
          else if (now !== true) now.add(key)
        }
      }
    cache.set(id, handled)
  }
  return handled
}

/** Whether a concrete event may be taken where `handled` was read (see `handledEvents`). */
export function mayBeHandled(handled: HandledEvents, event: { type: string; key?: string }): boolean {
  const keys = handled.get(event.type)
  if (keys === undefined) return false
  return keys === true || (event.key !== undefined && keys.has(event.key))
}
