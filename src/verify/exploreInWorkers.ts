import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads'
import { type InitiativeMachine, isPolicyMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { BranchSharingBroken, branchCoverage, imageTooLate } from '../explore/branchSharing.js'
import { createExpander } from '../explore/expander.js'
import {
  DEFAULT_MAX_STATES,
  type Exploration,
  type ExploreProgress,
  explorationOf,
  type InitiativeSnapshot,
  stopReason,
} from '../explore/explore.js'
import { createGraphBuilder } from '../explore/graphBuilder.js'
import { defaultHeapBudget } from '../explore/heapBudget.js'
import { fromPortable, toPortable } from '../explore/portableSnapshot.js'
import { startModuleWorker } from '../explore/startWorker.js'
import type { InvariantId, Violation } from '../invariants/Invariant.js'
import { NOTHING_RECORDED } from '../invariants/recordEvent.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'
import { createJobExpander, deriveUnexpanded, imageDeriver } from './expandJob.js'
import type {
  JobAnswer,
  JobState,
  PortableImage,
  SearchJob,
  SearchMove,
  SearchReply,
  SearchWorkerData,
} from './searchProtocol.js'

export interface WorkerSearchOptions {
  /** Searching threads, 2 or more: this one and `workers − 1` worker threads. */
  workers: number
  /** The machine searched: the policy's own, or the catalogued bug `bug`'s, which each worker rebuilds. */
  machine: InitiativeMachine
  bug?: { name: string; base: Policy }
  symmetry: boolean
  /** Leave commands on alike keys to their twins (see `SetupOptions.twins`). Default true. */
  twins?: boolean
  /** See `SetupOptions.deputyAsSeat`. Default: on for the policy's own machine, off for any other. */
  deputyAsSeat?: boolean
  scopes?: readonly ScopeKind[]
  maxStates?: number
  maxHeapBytes?: number
  shouldStop?: () => boolean
  onProgress?: (progress: ExploreProgress) => void
  progressEvery?: number
  /** As `ExploreOptions.onState`: each state when found, in breadth-first order (and each image it gets). */
  onState?: (s: number, snapshot: InitiativeSnapshot, under?: number) => void
  /**
   * Whether `onState` still reads images (each is rebuilt from its portable form for it); default
   * true. A representative is shown to `onState` always.
   */
  imagesWanted?: () => boolean
  /** See `SetupOptions.shareBranches`. Default false. */
  shareBranches?: boolean
  /**
   * A step from state `from` by `event` that violates an invariant, in breadth-first order of
   * steps; `under` is the branch whose image of `from` took it (`branchSharing`), or -1.
   */
  onViolation: (from: number, event: InitiativeEvent, violation: Violation, under: number) => void
  /** Chart states some step passes through (see `createPassage`). */
  onPassed: (ids: readonly string[]) => void
  /** The invariants found violated so far: the workers need not judge them again. */
  found: () => InvariantId[]
}

/** Most states one job carries: small enough that every thread stays busy, large enough to be cheap. */
const MAX_CHUNK = 64
/** Jobs a worker may hold at once: one to work on, one queued while this thread expands its own. */
const MAX_IN_FLIGHT = 2
/** How long a worker may take to start or to answer a job before the search gives up on it. */
const SILENCE_MS = 120_000

interface Helper {
  worker: Worker
  port: MessagePort
  ready: boolean
  inFlight: number
  transitionCalls: number
  /** The state each of this worker's key numbers stands for (see `SearchMove.local`). */
  states: number[]
}

/**
 * The breadth-first search of `explore`, with `verify`'s step checks, on several threads: the
 * states to expand go out in small jobs, in order, to whichever worker thread is free, and this
 * thread takes a job itself whenever it has no answer to take in; each computes the moves with
 * the policy's own machine and judges each step with the invariants; this thread takes the
 * answers back in the order of the states and numbers the states found exactly as the search in
 * one thread would — the same graph, the same representatives, the same first
 * counterexample, the same stop at a limit. Synchronous, like `explore`: this thread waits on a
 * shared counter the workers bump, and reads their ports with `receiveMessageOnPort`.
 *
 * Why the graph is the same: a state's representative is the snapshot found by its first move in
 * breadth-first order (lowest state, then alphabet order). Each thread takes states in rising
 * order and sends a representative the first time it meets a key, so the first move to a key in
 * that order always carries one; later ones carry the key alone.
 */
export function exploreInWorkers(policy: Policy, options: WorkerSearchOptions): Exploration {
  const started = performance.now()
  const { machine } = options
  // Decided here once: a worker rebuilds its machine, so it cannot tell the policy's own apart.
  const deputyAsSeat = options.deputyAsSeat ?? isPolicyMachine(machine, policy)
  const setup = {
    symmetry: options.symmetry,
    twins: options.twins !== false,
    deputyAsSeat,
    shareBranches: options.shareBranches === true,
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
  }
  const expander = createExpander(policy, machine, setup)
  const { abstractKey, initial } = expander
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  const maxHeapBytes = options.maxHeapBytes ?? defaultHeapBudget()
  const every = Math.max(1, options.progressEvery ?? 500)

  const graph = createGraphBuilder(abstractKey(initial), initial, options.onState)
  const { keys } = graph
  // The frontier: what a worker needs of each state found and not yet expanded.
  const waiting: (JobState | undefined)[] = [{ snapshot: toPortable(initial), recorded: NOTHING_RECORDED }]
  const coverage = branchCoverage()
  let dispatched = 0
  let committed = 0
  let stoppedBy: Exploration['stoppedBy'] = null
  const answers = new Map<number, { states: number[] } & JobAnswer>()
  // This thread's own share of the search: its own key numbers, as a worker's.
  const expandHere = createJobExpander(policy, machine, expander)
  const deriveHere = imageDeriver(policy, machine, expander)
  const statesHere: number[] = []
  // Snapshots this thread holds already, so as not to rebuild them from their portable form: each
  // frontier state's (rebuilt once, for `onState`), and each new key's from this thread's own jobs.
  const live: (InitiativeSnapshot | undefined)[] = [initial]
  const computedHere = new WeakMap<SearchMove, InitiativeSnapshot>()
  const keepComputed = (move: SearchMove, after: InitiativeSnapshot) => {
    computedHere.set(move, after)
  }
  const report = (done: boolean) =>
    options.onProgress?.({
      states: keys.length,
      expanded: committed,
      transitions: graph.edgeCount(),
      seconds: (performance.now() - started) / 1000,
      done,
    })

  const signal = new SharedArrayBuffer(4)
  const counter = new Int32Array(signal)
  const helpers: Helper[] = Array.from({ length: options.workers - 1 }, () => {
    const { port1, port2 } = new MessageChannel()
    const workerData: SearchWorkerData & { port: MessagePort } = {
      policy,
      symmetry: options.symmetry,
      twins: options.twins !== false,
      deputyAsSeat,
      shareBranches: setup.shareBranches,
      scopes: options.scopes,
      bug: options.bug,
      signal,
      port: port2,
    }
    const worker = startModuleWorker(import.meta.url, 'searchWorker', { workerData, transferList: [port2] })
    worker.unref()
    return { worker, port: port1, ready: false, inFlight: 0, transitionCalls: 0, states: [] }
  })

  /** The next job, `null` when every state found is out (or the search must stop). */
  const nextJob = (): SearchJob | null => {
    if (dispatched >= keys.length || keys.length > maxStates) return null
    const threads = helpers.length + 1
    const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil((keys.length - dispatched) / (2 * threads))))
    const end = Math.min(keys.length, dispatched + size)
    const job: SearchJob = {
      start: dispatched,
      states: waiting.slice(dispatched, end) as SearchJob['states'],
      found: options.found(),
    }
    dispatched = end
    return job
  }

  /** Sends the next states to every worker with room for a job. */
  const dispatch = () => {
    for (const helper of helpers) {
      while (helper.ready && helper.inFlight < MAX_IN_FLIGHT) {
        const job = nextJob()
        if (job === null) return
        helper.port.postMessage(job)
        helper.inFlight++
      }
    }
  }

  /** The next message of any worker: waiting for one only if `wait`, else `undefined` if none is there. */
  const nextMessage = (wait: boolean): [Helper, SearchReply] | undefined => {
    let quietSince = performance.now()
    for (;;) {
      const seen = Atomics.load(counter, 0)
      for (const helper of helpers) {
        const got = receiveMessageOnPort(helper.port)
        if (got !== undefined) return [helper, got.message as SearchReply]
      }
      if (!wait) return undefined
      if (Atomics.wait(counter, 0, seen, 1000) !== 'timed-out') quietSince = performance.now()
      else if (performance.now() - quietSince > SILENCE_MS)
        throw new TwoKeysError('INTERNAL', `verify: no search worker answered for ${SILENCE_MS / 1000} s`)
    }
  }

  /** Takes a worker's message: it is ready, or it answers a job. */
  const receive = ([helper, message]: [Helper, SearchReply]) => {
    if ('ready' in message) {
      helper.ready = true
      return
    }
    if ('error' in message) {
      if (message.broken === true) throw new BranchSharingBroken(message.error)
      throw new TwoKeysError('INTERNAL', `verify: a search worker failed: ${message.error}`)
    }
    helper.inFlight--
    helper.transitionCalls = message.transitionCalls
    answers.set(message.start, { states: helper.states, moves: message.moves, images: message.images })
  }

  /**
   * Takes the moves of state `s`, as `helper` computed them, into the graph, as `explore` does
   * with each move it computes. A helper's moves are taken in the order it sent them, so a key's
   * number is always taken after the move that brought its text. `derived`: the images the helper
   * computed for `s` (`JobState.derive`), which come before those it was given.
   */
  const commit = (s: number, local: number[], moves: SearchMove[], derived: PortableImage[] | null) => {
    const sourceShared = coverage.shared(s)
    const sourceImages = [...(derived ?? []), ...(waiting[s]?.images ?? [])]
    // The states the moves of one letter reached (its representative's, then its images'): one edge each.
    let letter = -1
    const reached: number[] = []
    for (const move of moves) {
      let target: number | undefined
      let found = false
      if (move.first !== undefined) {
        target = graph.stateOf(move.first.key)
        if (target === undefined) {
          if (move.concrete === undefined)
            throw new TwoKeysError(
              'INTERNAL',
              `verify: state ${s}'s move to a new state came without its event`,
            )
          const snapshot = computedHere.get(move) ?? fromPortable(machine, move.first.snapshot)
          target = graph.addState(move.first.key, s, move.event, move.concrete, snapshot, move.image ?? -1)
          found = true
          const entry: JobState = { snapshot: move.first.snapshot, recorded: move.first.recorded }
          waiting.push(entry)
          const branch = move.image === undefined ? expander.sharedBranchOf(snapshot) : -1
          coverage.add(branch)
          live.push(snapshot)
          if (branch >= 0 && sourceShared && sourceImages.length > 0) {
            // Within the shared review, a new state's images, from its source's: computed by the
            // thread that expands it — here and now while `onState` reads images, in its order.
            const derive = { key: move.first.key, event: move.event, from: sourceImages }
            if (options.onState !== undefined && options.imagesWanted?.() !== false)
              for (const image of deriveHere(derive)) attach(target, image.portable, image.live.snapshot)
            else {
              entry.derive = derive
              for (const image of sourceImages) coverage.cover(target, image.branch)
            }
          }
        }
        local[move.local] = target
      } else target = local[move.local]
      if (target === undefined)
        throw new TwoKeysError(
          'INTERNAL',
          `verify: state ${s}'s move names key ${move.local} of a worker before its text`,
        )
      if (move.event !== letter) {
        letter = move.event
        reached.length = 0
      }
      if (!reached.includes(target)) {
        reached.push(target)
        graph.addEdge(s, move.event, target)
      }
      // As `explore`: a proposal's snapshot becomes the image it brings; within the shared review,
      // a state found before stands for every branch its source does.
      if (move.enter !== undefined) {
        if (!coverage.covers(target, move.enter.branch)) attach(target, move.enter)
      } else if (!found && sourceShared && coverage.shared(target) && move.image === undefined)
        coverage.requireCovered(s, target, expander.alphabet[move.event]?.label ?? '', expander.branches)
      if (move.violations !== undefined)
        for (const violation of move.violations)
          options.onViolation(s, move.concrete as InitiativeEvent, violation, move.image ?? -1)
      if (move.passed !== undefined) options.onPassed(move.passed)
    }
    waiting[s] = undefined
    live[s] = undefined
  }

  /** Keeps `image` as state `s`'s image under its branch: only before `s` is expanded (as `explore`). */
  const attach = (s: number, image: PortableImage, snapshot?: InitiativeSnapshot) => {
    const entry = waiting[s]
    if (entry === undefined) throw imageTooLate(s, expander.branches[image.branch]?.name)
    entry.images = [...(entry.images ?? []), image]
    coverage.cover(s, image.branch)
    if (options.onState !== undefined && options.imagesWanted?.() !== false)
      options.onState(s, snapshot ?? fromPortable(machine, image.snapshot), image.branch)
  }

  try {
    search: for (;;) {
      dispatch()
      for (let answer = answers.get(committed); answer !== undefined; answer = answers.get(committed)) {
        answers.delete(committed)
        for (const [i, stateMoves] of answer.moves.entries()) {
          stoppedBy = stopReason(keys.length, committed, maxStates, maxHeapBytes, options.shouldStop)
          if (stoppedBy !== null) break search
          if (committed > 0 && committed % every === 0) report(false)
          commit(committed, answer.states, stateMoves, answer.images[i] ?? null)
          committed++
        }
        dispatch()
      }
      if (committed === keys.length) break
      // The search in one thread checks its limits before each state, even one still to be found.
      stoppedBy = keys.length > maxStates ? 'states' : null
      if (stoppedBy !== null) break
      const arrived = nextMessage(false)
      if (arrived !== undefined) {
        receive(arrived)
        continue
      }
      // Nothing to take in: this thread expands the next states itself, else waits for a worker.
      const job = nextJob()
      if (job !== null)
        answers.set(job.start, { states: statesHere, ...expandHere(job, (s) => live[s], keepComputed) })
      else receive(nextMessage(true) as [Helper, SearchReply])
    }
  } finally {
    for (const helper of helpers) {
      helper.port.close()
      void helper.worker.terminate()
    }
  }
  if (stoppedBy !== null) deriveUnexpanded(waiting, committed, deriveHere)
  report(true)
  return explorationOf(policy, machine, expander, graph.done(), {
    stoppedBy,
    maxStates,
    maxHeapBytes,
    expanded: committed,
    transitionCalls: helpers.reduce((sum, h) => sum + h.transitionCalls, expander.transitionCalls()),
    seconds: (performance.now() - started) / 1000,
    sharedBranches: coverage.branches(),
  })
}
