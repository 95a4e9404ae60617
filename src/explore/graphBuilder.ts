import type { StateValue } from 'xstate'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Exploration, StateFacts } from './explore.js'
import type { InitiativeSnapshot } from './InitiativeSnapshot.js'

class GrowableInt32 {
  data = new Int32Array(1024)
  length = 0
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = v
  }
  done() {
    return this.data.slice(0, this.length)
  }
}

/** The facts of each state as they are found (see `StateFacts`). */
function factRecorder() {
  const active = new GrowableInt32()
  const approved = new GrowableInt32()
  const value = new GrowableInt32()
  const values: StateValue[] = []
  const valueIndex = new Map<string, number>()
  return {
    add(snapshot: InitiativeSnapshot) {
      active.push(snapshot.status === 'active' ? 1 : 0)
      approved.push(snapshot.context.approvedAt === null ? 0 : 1)
      const text = JSON.stringify(snapshot.value)
      let v = valueIndex.get(text)
      if (v === undefined) {
        v = values.length
        valueIndex.set(text, v)
        values.push(snapshot.value)
      }
      value.push(v)
    },
    done: (): StateFacts => ({
      active: Uint8Array.from(active.done()),
      approved: Uint8Array.from(approved.done()),
      value: value.done(),
      values,
    }),
  }
}

/** The parts of an `Exploration` the search builds state by state. */
export type BuiltGraph = Pick<
  Exploration,
  'keys' | 'facts' | 'parent' | 'parentEvent' | 'via' | 'depth' | 'edges' | 'image'
>

/**
 * The explored graph as a breadth-first search grows it: states numbered as found, each with its
 * key, facts, parent and the event that found it, and the accepted edges. One builder serves the
 * search in this thread (`explore`) and the search on worker threads (`exploreInWorkers`), which
 * must number states exactly as this thread would.
 */
export function createGraphBuilder(
  initialKey: string,
  initial: InitiativeSnapshot,
  onState?: (s: number, snapshot: InitiativeSnapshot) => void,
) {
  const keys: string[] = [initialKey]
  const index = new Map<string, number>([[initialKey, 0]])
  const facts = factRecorder()
  const parent = new GrowableInt32()
  const parentEvent = new GrowableInt32()
  const depth = new GrowableInt32()
  const image = new GrowableInt32()
  const via: (InitiativeEvent | null)[] = [null]
  const from = new GrowableInt32()
  const eventOf = new GrowableInt32()
  const to = new GrowableInt32()
  facts.add(initial)
  parent.push(-1)
  parentEvent.push(-1)
  depth.push(0)
  image.push(-1)
  onState?.(0, initial)
  return {
    keys,
    /** The number of the state with this key, if it was found. */
    stateOf: (key: string): number | undefined => index.get(key),
    /**
     * Numbers a new state, found from `source` by the alphabet's `event` (its concrete form
     * `concrete`) — from `source`'s image under branch `under` where one found it (`branchSharing`).
     */
    addState(
      key: string,
      source: number,
      event: number,
      concrete: InitiativeEvent,
      snapshot: InitiativeSnapshot,
      under = -1,
    ) {
      const s = keys.length
      index.set(key, s)
      keys.push(key)
      facts.add(snapshot)
      parent.push(source)
      parentEvent.push(event)
      depth.push((depth.data[source] as number) + 1)
      via.push(concrete)
      image.push(under)
      onState?.(s, snapshot)
      return s
    },
    addEdge(source: number, event: number, target: number) {
      from.push(source)
      eventOf.push(event)
      to.push(target)
    },
    edgeCount: () => from.length,
    done: (): BuiltGraph => ({
      keys,
      facts: facts.done(),
      parent: parent.done(),
      parentEvent: parentEvent.done(),
      via,
      depth: depth.done(),
      image: Int8Array.from(image.done()),
      edges: { count: from.length, from: from.done(), event: eventOf.done(), to: to.done() },
    }),
  }
}
