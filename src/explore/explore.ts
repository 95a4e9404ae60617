import type { StateValue } from 'xstate'
import type { InitiativeMachine } from '../../machines/initiative.js'
import { stepperFor } from '../../machines/stepper.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'
import { type AbstractEvent, type AlphabetContext, instantiate } from './alphabet.js'
import { branchCoverage, imagesFollow, imageTooLate } from './branchSharing.js'
import { createExpander, explorationSetup, type Image } from './expander.js'
import { type BuiltGraph, createGraphBuilder } from './graphBuilder.js'
import { defaultHeapBudget, heapUsed } from './heapBudget.js'
import type { InitiativeSnapshot } from './InitiativeSnapshot.js'

export type { InitiativeSnapshot }
export { explorationSetup }

export interface ExploreOptions {
  /** Stop after this many abstract states (the result says it is incomplete). Default 200 000. */
  maxStates?: number
  /** Canonicalise over interchangeable keys (see `keySymmetry`). Default true. */
  symmetry?: boolean
  /** Leave commands on alike keys to their twins (see `SetupOptions.twins`). Default true. */
  twins?: boolean
  /**
   * Write a deputy's decision as its seat's own where alike (see `SetupOptions.deputyAsSeat`).
   * Default: on for the policy's own machine, off for any other.
   */
  deputyAsSeat?: boolean
  /** Which representative initiatives to start from. Default: federal, regional, export. */
  scopes?: readonly ScopeKind[]
  /** Share the review among the representative initiatives (see `SetupOptions.shareBranches`). Default false. */
  shareBranches?: boolean
  /** Only these letters of the alphabet may happen (see `SetupOptions.only`). Default: all. */
  only?: (event: AbstractEvent) => boolean
  /**
   * Called for every event the machine takes, in breadth-first order, with the representative
   * snapshot before, the concrete event and the snapshot after; `to` is the next state's number.
   */
  onStep?: (step: ExploredStep) => void
  /**
   * Called once for each state when it is found (state 0 first, then in breadth-first order),
   * with its representative snapshot: the moment to read off what a consumer needs of every
   * state, since the graph keeps no snapshots (see `snapshotOf`). Where the branches share their
   * review, called again with each image of a shared state and its branch (`under`).
   */
  onState?: (s: number, snapshot: InitiativeSnapshot, under?: number) => void
  /**
   * Stop when the V8 heap holds more than this many bytes (checked every 1,024 states): the
   * result is incomplete, and says so. Default: 85 % of the heap limit (`defaultHeapBudget`).
   */
  maxHeapBytes?: number
  /** Asked before each state is expanded: true stops the search there (the result is incomplete). */
  shouldStop?: () => boolean
  /** Called every `progressEvery` expanded states, and once more when the search ends (`done`). */
  onProgress?: (progress: ExploreProgress) => void
  /** How many expanded states between two `onProgress` calls. Default 500. */
  progressEvery?: number
}

/** How far a search has got: for progress lines on a terminal and progress bars on a page. */
export interface ExploreProgress {
  /** Abstract states seen so far (expanded or waiting). */
  states: number
  expanded: number
  transitions: number
  seconds: number
  /** True on the last call, when the search has ended (complete or not). */
  done: boolean
}

/** The default `maxStates` of `explore`, `verify` and `compile`. */
export const DEFAULT_MAX_STATES = 200_000

export interface ExploredStep {
  from: number
  to: number
  event: AbstractEvent
  concrete: InitiativeEvent
  before: InitiativeSnapshot
  after: InitiativeSnapshot
  /**
   * Where the branches share their review (`branchSharing`): the branch of `from`'s image that
   * took the step, or -1 for its representative.
   */
  image: number
  /**
   * The branch of `to`'s image this step gives it (the step is the one whose snapshot after is
   * kept as that image), or -1: the step reaches `to`'s representative, or no kept image.
   */
  into: number
}

/** Per state, a few facts of its representative, read off when the state is found. */
export interface StateFacts {
  /** 1 while the machine runs in the state (snapshot status `active`), 0 once it has finished. */
  active: Uint8Array
  /** 1 once the initiative is approved (`context.approvedAt` is set). */
  approved: Uint8Array
  /** The state's value (its place in the chart), as an index into `values`. */
  value: Int32Array
  /** The distinct state values, each once. */
  values: StateValue[]
}

/** Accepted transitions, as parallel arrays (`from[i]` --`event[i]`--> `to[i]`). */
export interface EdgeList {
  count: number
  from: Int32Array
  event: Int32Array
  to: Int32Array
}

/**
 * The explored graph of abstract states. State 0 is the initial snapshot; numbers follow
 * breadth-first order, so `parent` links give shortest paths.
 */
export interface Exploration {
  policy: Policy
  machine: InitiativeMachine
  alphabet: AbstractEvent[]
  alphabetContext: AlphabetContext
  symmetryGroups: number[][]
  /** Per key: how many of its holders the reduction treats as interchangeable (0: none). */
  holderOrbits: number[]
  /**
   * Per letter, the letter that stands for it where commands were left to twins (`twinLetters`,
   * its `orbit`): a letter taken on a key's twin, or by a twin holder, counts as taken on the key,
   * by the holder. Each letter itself without twins.
   */
  letterTwin: readonly number[]
  /** Canonical abstract key of each state. */
  keys: string[]
  /**
   * State 0's snapshot. The representatives of the other states (the concrete snapshot first
   * seen for each) are dropped once expanded; `snapshotOf` rebuilds them from their paths.
   */
  initial: InitiativeSnapshot
  /** What consumers read of every state, kept as the state is found. */
  facts: StateFacts
  /** Breadth-first parent of each state (-1 for the initial one) and the event from it. */
  parent: Int32Array
  parentEvent: Int32Array
  /** The concrete event that led from the parent's representative (or its image, `image`) to this representative. */
  via: (InitiativeEvent | null)[]
  /**
   * Per state, the branch whose image of the parent found it (`branchSharing`): from there up its
   * path runs as that branch's initiative. -1 where the parent's representative found it.
   */
  image: Int8Array
  /**
   * The representative initiatives that shared their review (`branchSharing`), by index in
   * `alphabetContext.branches`: those that entered it. Empty where the search did not share.
   */
  sharedBranches: number[]
  depth: Int32Array
  edges: EdgeList
  /** False when `maxStates`, the memory bound or `shouldStop` stopped the search: some states were not expanded. */
  complete: boolean
  /** What stopped an incomplete search: the state limit, the memory bound, or `shouldStop`. */
  stoppedBy: 'states' | 'memory' | 'asked' | null
  /** The memory bound the search ran under (bytes of V8 heap), if any. */
  maxHeapBytes: number | undefined
  /** The limit the search ran under. */
  maxStates: number
  /** Number of states expanded (all of them when complete). */
  expanded: number
  /**
   * How many full XState transitions were computed: a letter's refusal is found by XState's
   * selection alone (`selectionEnables`); an image's move is stepped at once, refused or not.
   */
  transitionCalls: number
  seconds: number
}

/**
 * Why a search stops before expanding state `next`, or null to go on: the state limit (more
 * states found than `maxStates`), the memory bound (checked every 1,024 states) or the caller.
 */
export function stopReason(
  states: number,
  next: number,
  maxStates: number,
  maxHeapBytes: number | undefined,
  shouldStop: (() => boolean) | undefined,
): Exploration['stoppedBy'] {
  if (states > maxStates) return 'states'
  if (maxHeapBytes !== undefined && (next & 1023) === 0 && heapUsed() > maxHeapBytes) return 'memory'
  if (shouldStop?.() === true) return 'asked'
  return null
}

/** A state found and not yet expanded: its representative, and its images under the other branches (`branchSharing`). */
interface Frontier {
  snapshot: InitiativeSnapshot
  images: Image[]
}

/**
 * Breadth-first search over the reachable abstract states of `machine` (a machine built by
 * `createInitiativeMachine(policy)`, or a deliberately broken variant of it), using XState's
 * own pure `transition`. Each abstract state is expanded once, from the first concrete snapshot
 * that reached it; see `createAbstractKey` for why that loses nothing. Only the states still to
 * expand keep their snapshots: an expanded state keeps its key, its facts and the event that
 * found it, and `snapshotOf` rebuilds its representative when a consumer needs it.
 *
 * @example
 * const graph = explore(policy, createInitiativeMachine(policy))
 * graph.keys.length // number of abstract states
 */
export function explore(
  policy: Policy,
  machine: InitiativeMachine,
  options: ExploreOptions = {},
): Exploration {
  const started = performance.now()
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  const every = Math.max(1, options.progressEvery ?? 500)
  const maxHeapBytes = options.maxHeapBytes ?? defaultHeapBudget()
  const expander = createExpander(policy, machine, options)
  const { abstractKey, initial } = expander

  const graph = createGraphBuilder(abstractKey(initial), initial, options.onState)
  const { keys } = graph
  // The frontier: the representatives (and images) of the states found and not yet expanded.
  const waiting: (Frontier | undefined)[] = [{ snapshot: initial, images: [] }]
  let next = 0
  const coverage = branchCoverage()
  /** Keeps `image` as state `s`'s image under its branch: only before `s` is expanded. */
  const attach = (s: number, image: Image) => {
    const entry = waiting[s]
    if (entry === undefined) throw imageTooLate(s, expander.branches[image.branch]?.name)
    entry.images.push(image)
    coverage.cover(s, image.branch)
    options.onState?.(s, image.snapshot, image.branch)
  }
  const report = (done: boolean) =>
    options.onProgress?.({
      states: keys.length,
      expanded: next,
      transitions: graph.edgeCount(),
      seconds: (performance.now() - started) / 1000,
      done,
    })

  let stoppedBy: Exploration['stoppedBy'] = null
  for (; next < keys.length; next++) {
    stoppedBy = stopReason(keys.length, next, maxStates, maxHeapBytes, options.shouldStop)
    if (stoppedBy !== null) break
    if (next > 0 && next % every === 0) report(false)
    const { snapshot: before, images } = waiting[next] as Frontier
    const sourceShared = coverage.shared(next)
    waiting[next] = undefined
    expander.expand(before, (event, concrete, after) => {
      const key = abstractKey(after)
      let target = graph.stateOf(key)
      const branch = expander.sharedBranchOf(after)
      const found = target === undefined
      if (target === undefined) {
        target = graph.addState(key, next, event.index, concrete, after)
        waiting.push({ snapshot: after, images: [] })
        coverage.add(branch)
      }
      graph.addEdge(next, event.index, target)
      // A proposal reaching a shared state found under another branch: its image under this one.
      const into = branch >= 0 && !sourceShared && !coverage.covers(target, branch) ? branch : -1
      if (into >= 0) attach(target, { branch, snapshot: after })
      options.onStep?.({ from: next, to: target, event, concrete, before, after, image: -1, into })
      if (branch >= 0 && sourceShared) {
        // Within the shared review: a new state's images, each from its parent's image; a state
        // found before must have an image under every branch this one has.
        if (!found) return coverage.requireCovered(next, target, event.label, expander.branches)
        for (const move of expander.imagesInto(images, event, key)) {
          attach(target, { branch: move.branch, snapshot: move.after })
          options.onStep?.({ from: next, to: target, event, ...move, image: move.branch, into: move.branch })
        }
      } else if (branch < 0 && images.length > 0 && imagesFollow(after)) {
        // Out of the shared review (approved, perhaps done at once): each branch's own future, from its own image.
        const targets = [target]
        for (const move of expander.imagesOut(images, event)) {
          const imageKey = abstractKey(move.after)
          let to = graph.stateOf(imageKey)
          if (to === undefined) {
            to = graph.addState(imageKey, next, event.index, move.concrete, move.after, move.branch)
            waiting.push({ snapshot: move.after, images: [] })
            coverage.add(-1)
          }
          if (!targets.includes(to)) {
            targets.push(to)
            graph.addEdge(next, event.index, to)
          }
          options.onStep?.({ from: next, to, event, ...move, image: move.branch, into: -1 })
        }
      }
    })
  }
  report(true)
  return explorationOf(policy, machine, expander, graph.done(), {
    stoppedBy,
    maxStates,
    maxHeapBytes,
    expanded: next,
    transitionCalls: expander.transitionCalls(),
    seconds: (performance.now() - started) / 1000,
    sharedBranches: coverage.branches(),
  })
}

/** What a search returns: its setup, the graph it built, and how far it got (complete when nothing stopped it). */
export function explorationOf(
  policy: Policy,
  machine: InitiativeMachine,
  setup: Pick<
    ReturnType<typeof createExpander>,
    'alphabet' | 'alphabetContext' | 'symmetry' | 'initial' | 'letterOrbit'
  >,
  graph: BuiltGraph,
  run: Pick<
    Exploration,
    'stoppedBy' | 'maxStates' | 'maxHeapBytes' | 'expanded' | 'transitionCalls' | 'seconds' | 'sharedBranches'
  >,
): Exploration {
  return {
    policy,
    machine,
    alphabet: setup.alphabet,
    alphabetContext: setup.alphabetContext,
    symmetryGroups: setup.symmetry.groups,
    holderOrbits: setup.symmetry.holderOrbits,
    letterTwin: setup.letterOrbit,
    ...graph,
    initial: setup.initial,
    complete: run.stoppedBy === null,
    ...run,
  }
}

/**
 * The concrete events from the initial snapshot to state `s`'s representative — or, with
 * `under`, to its image under that branch (`branchSharing`). Above a state an image's move found
 * (`Exploration.image`), the path is its parent's under that branch: see `replayUnder`.
 */
export function pathTo(
  graph: Exploration,
  s: number,
  under = -1,
): { events: InitiativeEvent[]; abstract: number[] } {
  const events: InitiativeEvent[] = []
  const abstract: number[] = []
  let at = s
  let branch = under
  while (at > 0 && branch < 0) {
    events.push(graph.via[at] as InitiativeEvent)
    abstract.push(graph.parentEvent[at] as number)
    branch = graph.image[at] as number
    at = graph.parent[at] as number
  }
  events.reverse()
  abstract.reverse()
  if (branch < 0 || at === 0) return { events, abstract }
  const above = replayUnder(graph, at, branch)
  return { events: [...above.events, ...events], abstract: [...above.abstract, ...abstract] }
}

/** The letter `letter` stands for under branch `branch`: the same proposer's proposal of that branch; any other letter itself. */
function letterUnder(graph: Exploration, letter: AbstractEvent, branch: number): AbstractEvent {
  if (letter.type !== 'PROPOSE') return letter
  const name = graph.alphabetContext.branches[branch]?.name
  const variant = letter.variant.endsWith(':invalid') ? `${name}:invalid` : name
  const found = graph.alphabet.find(
    (e) => e.type === 'PROPOSE' && e.actor === letter.actor && e.variant === variant,
  )
  if (found === undefined)
    throw new RangeError(`no proposal of branch ${branch} by ${letter.actor} in the alphabet`)
  return found
}

/**
 * Shared state `s`'s image under branch `branch` (`branchSharing`): the letters of its
 * representative's path, each instantiated on that branch's snapshot and stepped by the machine —
 * the proposal of that branch's initiative, then the same commands, as the search computed the
 * image.
 */
export function replayUnder(
  graph: Exploration,
  s: number,
  branch: number,
): { events: InitiativeEvent[]; abstract: number[]; snapshot: InitiativeSnapshot } {
  const letters: number[] = []
  for (let at = s; at > 0; at = graph.parent[at] as number) letters.push(graph.parentEvent[at] as number)
  letters.reverse()
  const step = stepperFor(graph.machine)
  let snapshot = graph.initial
  const events: InitiativeEvent[] = []
  const abstract: number[] = []
  for (const index of letters) {
    const letter = letterUnder(graph, graph.alphabet[index] as AbstractEvent, branch)
    const concrete = instantiate(graph.alphabetContext, letter, snapshot.value, snapshot.context)
    const after = concrete === null ? snapshot : step(snapshot, concrete)
    if (concrete === null || after === snapshot)
      throw new RangeError(
        `state ${s}'s path does not replay as the ${graph.alphabetContext.branches[branch]?.name} initiative: "${letter.label}" is refused`,
      )
    events.push(concrete)
    abstract.push(letter.index)
    snapshot = after
  }
  return { events, abstract, snapshot }
}

/** How many rebuilt representatives `snapshotOf` keeps per graph: the recent ones and their ancestors. */
const REMEMBERED = 64
const remembered = new WeakMap<Exploration, Map<number, InitiativeSnapshot>>()

/**
 * State `s`'s representative, as the search first saw it: its path's concrete events replayed
 * through the machine's stepper from the initial snapshot — the very steps the search took, so
 * the same snapshot. With `under`, the state's image under that branch (`replayUnder`). The last
 * few rebuilt (and the states on their paths) are remembered, so a walk along one path, or over
 * neighbouring states, replays each event about once.
 *
 * @example
 * const graph = explore(policy, createInitiativeMachine(policy))
 * snapshotOf(graph, graph.keys.length - 1).value // the last state's place in the chart
 */
export function snapshotOf(graph: Exploration, s: number, under = -1): InitiativeSnapshot {
  if (!(s >= 0 && s < graph.keys.length))
    throw new RangeError(`state ${s} is not in the explored graph: states are 0 … ${graph.keys.length - 1}`)
  if (s === 0) return graph.initial
  let memo = remembered.get(graph)
  if (memo === undefined) {
    memo = new Map()
    remembered.set(graph, memo)
  }
  const remember = (at: number, snapshot: InitiativeSnapshot) => {
    // Touched: the most recently used come last, and the oldest are forgotten first.
    ;(memo as Map<number, InitiativeSnapshot>).delete(at)
    ;(memo as Map<number, InitiativeSnapshot>).set(at, snapshot)
  }
  // Images are remembered under negative numbers, apart from representatives.
  if (under >= 0) {
    const at = -1 - (s * 64 + under)
    const snapshot = memo.get(at) ?? replayUnder(graph, s, under).snapshot
    remember(at, snapshot)
    while (memo.size > REMEMBERED) memo.delete(memo.keys().next().value as number)
    return snapshot
  }
  const path: number[] = []
  let at = s
  let snapshot: InitiativeSnapshot
  for (;;) {
    if (at === 0) {
      snapshot = graph.initial
      break
    }
    const known = memo.get(at)
    if (known !== undefined) {
      snapshot = known
      remember(at, known)
      break
    }
    path.push(at)
    const branch = graph.image[at] as number
    at = graph.parent[at] as number
    // Found by an image's move: from the parent's image under that branch.
    if (branch >= 0) {
      snapshot = snapshotOf(graph, at, branch)
      break
    }
  }
  const step = stepperFor(graph.machine)
  for (let i = path.length - 1; i >= 0; i--) {
    const t = path[i] as number
    snapshot = step(snapshot, graph.via[t] as InitiativeEvent)
    remember(t, snapshot)
  }
  while (memo.size > REMEMBERED) memo.delete(memo.keys().next().value as number)
  return snapshot
}

/**
 * The snapshots along `pathTo(graph, s, under)`: the initial one, then one after each event —
 * replayed by the machine, as a counterexample tells them.
 */
export function snapshotsAlong(graph: Exploration, events: readonly InitiativeEvent[]): InitiativeSnapshot[] {
  const step = stepperFor(graph.machine)
  const out = [graph.initial]
  for (const event of events) out.push(step(out[out.length - 1] as InitiativeSnapshot, event))
  return out
}
