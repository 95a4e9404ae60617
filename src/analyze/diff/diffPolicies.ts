import { createInitiativeMachine, type InitiativeMachine } from '../../../machines/initiative.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import { DEFAULT_MAX_STATES, type ExploreProgress } from '../../explore/explore.js'
import { defaultHeapBudget, heapUsed } from '../../explore/heapBudget.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { DiffGroup, DiffResult, SideOutcome } from './DiffResult.js'
import { differenceShape, shapeId } from './differenceShape.js'
import { createDiffSide } from './diffSide.js'
import { diffStory } from './diffStory.js'
import { type ProductEvent, productEvents } from './productEvents.js'
import { shapeTitle } from './shapeTitle.js'

export interface DiffOptions {
  /** A's machine; by default `createInitiativeMachine(a)` (pass a broken one to see it differ). */
  machineA?: InitiativeMachine
  /** B's machine; by default `createInitiativeMachine(b)`. */
  machineB?: InitiativeMachine
  /** Stop after this many pair states (the result is incomplete: no verdict). Default 200 000. */
  maxStates?: number
  /** Stop when the V8 heap holds more than this many bytes. Default: 85 % of the heap limit. */
  maxHeapBytes?: number
  /** Asked before each pair state is expanded: true stops the search (incomplete). */
  shouldStop?: () => boolean
  /** Called every `progressEvery` expanded pair states, and once when the search ends. */
  onProgress?: (progress: ExploreProgress) => void
  progressEvery?: number
}

/** A pair state: A's snapshot and B's, reached by the same events, and how. */
interface Pair {
  a: InitiativeSnapshot
  b: InitiativeSnapshot
  parent: number
  via: InitiativeEvent | null
  depth: number
}

/** The first (shortest) occurrence of a shape, and the pair states it was seen from. */
interface Found {
  shape: DiffGroup['shape']
  pair: number
  event: ProductEvent
  a: SideOutcome
  b: SideOutcome
  count: number
  lastPair: number
  order: number
}

/**
 * Where two policies disagree: a breadth-first search over pairs (A's snapshot, B's snapshot)
 * from both initial snapshots, sending each pair every event either policy's explorer can say
 * there (`productEvents`), the same concrete event to both machines. A difference is an event one
 * machine takes and the other refuses (with the refusal's code and rules), or one both take to
 * different phases (A lapses where B escalates). The search follows only events both take to the
 * same phase — a story ends at its first difference — and keys pairs by both abstract keys
 * (`createAbstractKey`, without symmetry). Differences are grouped by shape (`differenceShape`),
 * each group with its shortest story (breadth-first order); those on names only one policy
 * knows are reported apart (`onlyInOne`).
 *
 * @example
 * const result = diffPolicies(twoKeys, singleKey)
 * result.verdict // 'differ'
 * result.groups[0]?.title // '[review] oreshkin approves presidential-administration → A: review · B: federalRollout'
 */
export function diffPolicies(a: Policy, b: Policy, options: DiffOptions = {}): DiffResult {
  const started = performance.now()
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  const maxHeapBytes = options.maxHeapBytes ?? defaultHeapBudget()
  const every = Math.max(1, options.progressEvery ?? 500)
  const sideA = createDiffSide(a, options.machineA ?? createInitiativeMachine(a))
  const sideB = createDiffSide(b, options.machineB ?? createInitiativeMachine(b))

  const pairKey = (x: InitiativeSnapshot, y: InitiativeSnapshot) =>
    `${sideA.abstractKey(x)}\u0000${sideB.abstractKey(y)}`
  const pairs: Pair[] = [{ a: sideA.initial, b: sideB.initial, parent: -1, via: null, depth: 0 }]
  const index = new Set<string>([pairKey(sideA.initial, sideB.initial)])
  const found = new Map<string, Found>()
  let eventsTried = 0
  let next = 0
  let stoppedBy: DiffResult['stoppedBy'] = null
  const report = (done: boolean) =>
    options.onProgress?.({
      states: pairs.length,
      expanded: next,
      transitions: eventsTried,
      seconds: (performance.now() - started) / 1000,
      done,
    })

  for (; next < pairs.length; next++) {
    if (pairs.length > maxStates) stoppedBy = 'states'
    else if (maxHeapBytes !== undefined && (next & 1023) === 0 && heapUsed() > maxHeapBytes)
      stoppedBy = 'memory'
    else if (options.shouldStop?.() === true) stoppedBy = 'asked'
    if (stoppedBy !== null) break
    if (next > 0 && next % every === 0) report(false)
    const pair = pairs[next] as Pair
    const before = sideA.phase(pair.a)
    for (const product of productEvents(sideA, sideB, pair.a, pair.b)) {
      eventsTried++
      const afterA = sideA.send(pair.a, product.event)
      const afterB = sideB.send(pair.b, product.event)
      if (afterA === null && afterB === null) continue
      const outA: SideOutcome =
        afterA === null
          ? sideA.refusal(pair.a, product.event)
          : { accepted: true, phase: sideA.phase(afterA) }
      const outB: SideOutcome =
        afterB === null
          ? sideB.refusal(pair.b, product.event)
          : { accepted: true, phase: sideB.phase(afterB) }
      if (afterA !== null && afterB !== null && outA.accepted && outB.accepted && outA.phase === outB.phase) {
        // Both took it alike: a step of the stories, not a difference.
        const key = pairKey(afterA, afterB)
        if (index.has(key)) continue
        index.add(key)
        pairs.push({ a: afterA, b: afterB, parent: next, via: product.event, depth: pair.depth + 1 })
        continue
      }
      const shape = differenceShape(a, b, {
        before,
        sponsor: pair.a.context.sponsor,
        event: product.event,
        letter: product.letter,
        a: outA,
        b: outB,
      })
      const id = shapeId(shape)
      const seen = found.get(id)
      if (seen === undefined) {
        found.set(id, {
          shape,
          pair: next,
          event: product,
          a: outA,
          b: outB,
          count: 1,
          lastPair: next,
          order: found.size,
        })
      } else if (seen.lastPair !== next) {
        seen.count++
        seen.lastPair = next
      }
    }
  }
  report(true)

  const pathTo = (p: number): Pair[] => {
    const path: Pair[] = []
    for (let at = p; at >= 0; at = (pairs[at] as Pair).parent) path.push(pairs[at] as Pair)
    return path.reverse()
  }
  const all = [...found.entries()]
    .map(([id, f]): DiffGroup & { order: number } => {
      const story = diffStory(sideA, sideB, pathTo(f.pair), f.event.event, f.a, f.b)
      return {
        id,
        title: shapeTitle(f.shape),
        shape: f.shape,
        count: f.count,
        length: story.steps.length + 1,
        story,
        order: f.order,
      }
    })
    .sort((x, y) => x.length - y.length || x.order - y.order)
    .map(({ order: _, ...group }) => group)
  const complete = stoppedBy === null
  const groups = all.filter((g) => g.shape.onlyIn === null)
  const onlyInOne = all.filter((g) => g.shape.onlyIn !== null)
  return {
    verdict: !complete ? 'incomplete' : all.length === 0 ? 'agree' : 'differ',
    a: { id: a.id, title: a.title },
    b: { id: b.id, title: b.title },
    groups,
    onlyInOne,
    pairs: pairs.length,
    expanded: next,
    complete,
    stoppedBy,
    maxStates,
    maxHeapBytes,
    eventsTried,
    seconds: (performance.now() - started) / 1000,
  }
}
