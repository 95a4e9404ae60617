import { type CheckPhrase, checkPhrase, sayCheck } from '../../machines/checkPhrases.js'
import {
  createInitiativeMachine,
  type InitiativeMachine,
  isPolicyMachine,
} from '../../machines/initiative.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { BranchSharingBroken } from '../explore/branchSharing.js'
import {
  type Exploration,
  type ExploreProgress,
  explore,
  type InitiativeSnapshot,
  snapshotOf,
} from '../explore/explore.js'
import { partialPhrase } from '../explore/limitReached.js'
import type { InvariantId, Violation } from '../invariants/Invariant.js'
import { INVARIANTS, STEP_INVARIANTS } from '../invariants/invariants.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'
import { findBug } from './bugCatalogue.js'
import { checkOrders, isOrderStart } from './checkOrders.js'
import { checkReplays } from './checkReplays.js'
import { counterexampleOf, findingTexts } from './counterexampleOf.js'
import { coverageWarnings } from './coverageWarnings.js'
import { exploreInWorkers } from './exploreInWorkers.js'
import { findDeadEnds } from './findDeadEnds.js'
import { findHoles } from './findHoles.js'
import { findReroutes, rerouteStarts } from './findReroutes.js'
import { findVacuity } from './findVacuity.js'
import { letterPhrase } from './letterPhrase.js'
import { createOracleFacts } from './oracleFacts.js'
import { createPassage, stepViolations } from './stepJudge.js'
import type { InvariantResult, VerifyResult } from './VerifyResult.js'

export interface VerifyOptions {
  /**
   * The machine to verify; by default `createInitiativeMachine(policy)`. Pass a deliberately
   * broken one (see `bugCatalogue`) to see the verifier catch it.
   */
  machine?: InitiativeMachine
  /** A name for the run's machine, reported back as `bug`. */
  bug?: string
  /**
   * The policy a catalogued bug (`bug`) was built from: with it, worker threads rebuild the bug's
   * machine (`findBug(bug).build(bugBase)`) and search it too; without it a given `machine` is
   * searched in this thread.
   */
  bugBase?: Policy
  /** Stop after this many abstract states. Default 200 000. */
  maxStates?: number
  /** The memory bound of the search, in bytes of V8 heap (see `ExploreOptions.maxHeapBytes`). */
  maxHeapBytes?: number
  /**
   * Canonicalise states over interchangeable keys. Default: on for the policy's own machine
   * (`createInitiativeMachine(policy)`, given or not), off for any other given `machine` (a broken
   * machine need not treat alike keys alike) — decided as `deputyAsSeat` and `shareBranches` are.
   */
  symmetry?: boolean
  /**
   * Under symmetry, try a command on an alike key only on the first key the state does not tell it
   * apart from (see `twinLetters`): the same states and verdicts, fewer moves. Default true.
   */
  twins?: boolean
  /**
   * Write a deputy's decision as its seat's own where no rule tells the two apart (see
   * `deputyAsSeat`): fewer states, the same verdicts. Default: on for the policy's own machine
   * (`createInitiativeMachine(policy)`), off for any other given `machine` (a broken machine need
   * not read decisions as the rules do).
   */
  deputyAsSeat?: boolean
  /** The representative initiatives: federal, regional and export by default. */
  scopes?: readonly ScopeKind[]
  /**
   * Share the review among the representative initiatives where no rule tells them apart before
   * approval (see `branchSharing`): about a third of the states, the same verdicts. Default: on
   * for the policy's own machine, off for any other given `machine` (a broken machine need not
   * treat them alike). Should an initiative's move part from its representative's, the search
   * runs again without sharing.
   */
  shareBranches?: boolean
  /** TK11: how many review-start states to try every key order from. Default 32. */
  orderStarts?: number
  /** TK12: how many states to replay from scratch. Default 40. */
  replays?: number
  /**
   * Stop exploring at the first violated step invariant (TK1–TK9): quick to find a bug, but the
   * result is incomplete and TK10–TK12 see only the states explored so far.
   */
  stopAtFirstViolation?: boolean
  /**
   * Threads for the search, 1 … 256; default 1 (this thread alone). With n ≥ 2, this thread and
   * n − 1 worker threads expand the states and judge every step, and the result is the same as in
   * one thread (see `exploreInWorkers`). A given `machine` cannot be sent to a worker: its search runs
   * in this thread unless it is a catalogued bug's (`bug` and `bugBase`), which the workers rebuild.
   */
  workers?: number
  /** Called as the exploration goes (see `ExploreOptions.onProgress`). */
  onProgress?: (progress: ExploreProgress) => void
  /** Expanded states between two `onProgress` calls. Default 500. */
  progressEvery?: number
}

interface Found {
  from: number
  event: InitiativeEvent
  violation: Violation
  /** The branch whose image of `from` took the step (`branchSharing`), or -1 for its representative. */
  under: number
}

/** Maximum of `VerifyOptions.workers`. */
export const MAX_SEARCH_WORKERS = 256

/** How many threads the search gets: 1 for a given machine, else `workers` (checked). */
function searchWorkers(options: VerifyOptions): number {
  const workers = options.workers ?? 1
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_SEARCH_WORKERS)
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `verify: workers must be a whole number from 1 to ${MAX_SEARCH_WORKERS}, not ${String(workers)}`,
    )
  if (options.machine === undefined) return workers
  if (options.bug === undefined || options.bugBase === undefined) return 1
  findBug(options.bug) // an unknown name fails here, with the catalogue's names, not in a worker
  return workers
}

/**
 * Explores every reachable abstract state of the policy's machine and checks TK1–TK13: the step
 * invariants (TK1–TK9, `src/invariants`) on every transition, TK10 by searching backwards from
 * the final states, TK11 by comparing key orders, TK12 by replaying paths. Each violation comes
 * with a shortest counterexample: numbered steps of who did what, when. Policy holes — a kind
 * of initiative that can never be proposed or never approved — are findings too. Nothing is
 * thrown for a violation; see `assertVerified`. A search that `maxStates` (or
 * `stopAtFirstViolation`) stopped gives no verdict: `ok` is false, `partial` says why, and an
 * invariant not seen violated is `unproven`, never `holds`.
 *
 * @example
 * const result = verify(loadPolicyFile('machines/policies/two-keys.yaml'))
 * result.ok // true
 * result.invariants.find((i) => i.id === 'TK4')?.status // 'holds'
 */
export function verify(policy: Policy, options: VerifyOptions = {}): VerifyResult {
  const machine = options.machine ?? createInitiativeMachine(policy)
  const share = options.shareBranches ?? isPolicyMachine(machine, policy)
  if (!share) return verifyOnce(policy, machine, options, false)
  try {
    return verifyOnce(policy, machine, options, true)
  } catch (error) {
    // The premise of sharing failed on this machine: the whole space, unshared, decides.
    if (error instanceof BranchSharingBroken) return verifyOnce(policy, machine, options, false)
    throw error
  }
}

function verifyOnce(
  policy: Policy,
  machine: InitiativeMachine,
  options: VerifyOptions,
  shareBranches: boolean,
): VerifyResult {
  const started = performance.now()
  const found = new Map<InvariantId, Found>()
  const entered = new Set<string>()
  const passage = createPassage(machine)
  // The invariants judge each step on what the representative's events record, not its context.
  const oracle = createOracleFacts(policy)
  // What TK11 and the reroutings start from, read off each state as it is found.
  const orderStarts: number[] = []
  const rerouteFrom = rerouteStarts(policy)
  const search = {
    symmetry: options.symmetry ?? isPolicyMachine(machine, policy),
    ...(options.twins === undefined ? {} : { twins: options.twins }),
    ...(options.deputyAsSeat === undefined ? {} : { deputyAsSeat: options.deputyAsSeat }),
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    ...(options.maxHeapBytes === undefined ? {} : { maxHeapBytes: options.maxHeapBytes }),
    ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.progressEvery === undefined ? {} : { progressEvery: options.progressEvery }),
    shareBranches,
    shouldStop: () => options.stopAtFirstViolation === true && found.size > 0,
    onState: (s: number, snapshot: InitiativeSnapshot, under = -1) => {
      // An image is in its representative's chart states, and TK11 starts from representatives.
      if (under < 0) {
        for (const node of snapshot._nodes) entered.add(node.id)
        if (isOrderStart(policy, snapshot)) orderStarts.push(s)
      }
      rerouteFrom.see(s, snapshot, under)
    },
  }
  const workers = searchWorkers(options)
  const graph =
    workers > 1
      ? exploreInWorkers(policy, {
          ...search,
          workers,
          machine,
          ...(options.machine !== undefined && options.bug !== undefined && options.bugBase !== undefined
            ? { bug: { name: options.bug, base: options.bugBase } }
            : {}),
          onViolation: (from, event, violation, under) => {
            if (!found.has(violation.id)) found.set(violation.id, { from, event, violation, under })
          },
          onPassed: (ids) => {
            for (const id of ids) entered.add(id)
          },
          found: () => [...found.keys()],
          // Only the rerouting stories read images (see onState above).
          imagesWanted: rerouteFrom.waiting,
        })
      : explore(policy, machine, {
          ...search,
          onStep: ({ from, to, concrete, before, after, image, into }) => {
            const step = oracle.step(from, to, before, concrete, after, image, into)
            // An image's move within the shared review mirrors its representative's, judged there.
            if (image >= 0 && into >= 0) return
            for (const violation of stepViolations(policy, step, (id) => found.has(id)))
              found.set(violation.id, { from, event: concrete, violation, under: image })
            for (const id of passage(before, concrete, after)) entered.add(id)
          },
        })
  const results: InvariantResult[] = []
  const info = (id: InvariantId) => INVARIANTS.find((i) => i.id === id) as (typeof INVARIANTS)[number]
  const result = (
    id: InvariantId,
    fields: Omit<InvariantResult, 'id' | 'name' | 'statement' | 'vacuous'>,
  ) => {
    const { name, statement } = info(id)
    results.push({ id, name, statement, vacuous: false, ...fields })
  }
  const transitions = graph.edges.count
  for (const invariant of STEP_INVARIANTS) {
    const applies = notApplicable(policy, invariant.id)
    if (applies !== null) {
      result(invariant.id, { status: 'not-applicable', ...noted(applies) })
      continue
    }
    const hit = found.get(invariant.id)
    result(
      invariant.id,
      hit === undefined
        ? { status: 'holds', ...noted(checkPhrase('note.transitions', { transitions })) }
        : {
            status: 'violated',
            ...noted(checkPhrase('note.transitions', { transitions })),
            counterexample: counterexampleOf(graph, hit.from, hit.violation.phrase ?? hit.violation.message, {
              last: hit.event,
              under: hit.under,
            }),
          },
    )
  }
  result('TK10', deadEndResult(graph))
  result('TK11', orderResult(graph, options.orderStarts ?? 32, orderStarts))
  const replays = checkReplays(graph, options.replays ?? 40)
  result(
    'TK12',
    replays.finding === null
      ? { status: 'holds', ...noted(checkPhrase('note.replayed', { states: replays.checked })) }
      : {
          status: 'violated',
          ...noted(checkPhrase('note.replayed', { states: replays.checked })),
          counterexample: counterexampleOf(
            graph,
            replays.finding.state,
            replays.finding.violation.phrase ?? replays.finding.violation.message,
          ),
        },
  )
  // In the invariants table's order (TK13, a step invariant, after TK12).
  const order = (id: InvariantId) => INVARIANTS.findIndex((i) => i.id === id)
  results.sort((a, b) => order(a.id) - order(b.id))
  // Holes: kinds of initiative the policy cannot carry through, and approvals it lets move track.
  const reroutes = findReroutes(graph, rerouteFrom)
  const holes = [...findHoles(graph), ...reroutes.holes]
  const vacuity = findVacuity(graph)
  for (const v of vacuity) {
    for (const r of results) {
      if (v.invariants.includes(r.id) && r.status === 'holds')
        Object.assign(r, { vacuous: true, reason: v.reason, reasonPhrase: v.reasonPhrase })
    }
  }
  const partial = graph.complete
    ? null
    : partialPhrase({
        maxStates: graph.maxStates,
        states: graph.keys.length,
        expanded: graph.expanded,
        stoppedAtViolation: options.stopAtFirstViolation === true && found.size > 0,
        ...(graph.stoppedBy === 'memory' && graph.maxHeapBytes !== undefined
          ? { memoryBound: graph.maxHeapBytes }
          : {}),
      })
  // What no run ever does can be said only of the whole space.
  const warnings = findingTexts([
    ...(graph.complete ? coverageWarnings(graph, entered) : []),
    ...reroutes.notes,
  ])
  return {
    policy: policy.id,
    bug: options.bug ?? null,
    ok: partial === null && results.every((r) => r.status !== 'violated') && holes.length === 0,
    complete: graph.complete,
    partial: partial === null ? null : sayCheck(partial),
    ...(partial === null ? {} : { partialPhrase: partial }),
    states: graph.keys.length,
    transitions,
    seconds: (performance.now() - started) / 1000,
    symmetry: graph.symmetryGroups.map((g) => g.map((k) => policy.keys[k]?.id ?? String(k))),
    // The kinds of initiative that entered the shared review (one never proposed did not).
    sharedReview: [
      ...new Set(graph.sharedBranches.flatMap((b) => graph.alphabetContext.branches[b]?.scope ?? [])),
    ],
    interchangeableHolders: graph.holderOrbits.flatMap((n, k) =>
      n > 0 ? [policy.keys[k]?.id ?? String(k)] : [],
    ),
    invariants: graph.complete ? results : results.map((r) => unproven(r, graph)),
    holes,
    vacuity,
    warnings: warnings.texts,
    ...(warnings.phrases === undefined ? {} : { warningPhrases: warnings.phrases }),
  }
}

/** On a partial search, "holds" only means "not seen violated in the part explored". */
function unproven(result: InvariantResult, graph: Exploration): InvariantResult {
  if (result.status !== 'holds') return result
  const held = STEP_INVARIANTS.some((i) => i.id === result.id)
    ? checkPhrase('note.heldOnTransitions', { transitions: graph.edges.count })
    : checkPhrase('note.heldOnStates', { states: graph.keys.length })
  return { ...result, status: 'unproven', ...noted(held) }
}

/** Why a step invariant says nothing about this policy, or null when it applies. */
function notApplicable(policy: Policy, id: InvariantId): CheckPhrase | null {
  if (id === 'TK4' && !policy.keys.some((k) => k.veto)) return checkPhrase('note.noVeto', {})
  if (id === 'TK7' && policy.approvals.lifetimeDays === null) return checkPhrase('note.neverExpire', {})
  if (id === 'TK13' && !policy.keys.some((k) => k.reach !== undefined)) return checkPhrase('note.noReach', {})
  return null
}

/** A result's note: its English and its phrase. */
const noted = (phrase: CheckPhrase) => ({ note: sayCheck(phrase), notePhrase: phrase })

function deadEndResult(graph: Exploration): Omit<InvariantResult, 'id' | 'name' | 'statement' | 'vacuous'> {
  const note = noted(
    graph.complete
      ? checkPhrase('note.deadEnds', { states: graph.keys.length })
      : checkPhrase('note.deadEndsPartial', { unexpanded: graph.keys.length - graph.expanded }),
  )
  const [dead] = findDeadEnds(graph)
  if (dead === undefined) return { status: 'holds', ...note }
  const snapshot = snapshotOf(graph, dead)
  // One letter per label, in the order first taken.
  const letters = new Map<string, CheckPhrase>()
  for (let i = 0; i < graph.edges.count; i++) {
    if (graph.edges.from[i] !== dead) continue
    const letter = graph.alphabet[graph.edges.event[i] as number]
    if (letter !== undefined && !letters.has(letter.label))
      letters.set(letter.label, letterPhrase(graph, letter))
  }
  const accepts =
    letters.size === 0
      ? checkPhrase('found.takesNothing', {})
      : checkPhrase('found.takesOnly', { letters: [...letters.values()].slice(0, 6), more: letters.size > 6 })
  return {
    status: 'violated',
    ...note,
    counterexample: counterexampleOf(
      graph,
      dead,
      checkPhrase('found.stuck', { state: JSON.stringify(snapshot.value) }),
      { notes: [accepts] },
    ),
  }
}

function orderResult(
  graph: Exploration,
  maxStarts: number,
  starts: readonly number[],
): Omit<InvariantResult, 'id' | 'name' | 'statement' | 'vacuous'> {
  if (graph.policy.keys.length < 2)
    return { status: 'not-applicable', ...noted(checkPhrase('note.oneKey', {})) }
  const check = checkOrders(graph, maxStarts, starts)
  const note = noted(
    checkPhrase('note.orders', { orders: check.orders, starts: check.starts, candidates: check.candidates }),
  )
  if (check.finding === null) return { status: 'holds', ...note }
  const orders = (check.finding.violation.details?.outcomes ?? []) as { value: string }[]
  return {
    status: 'violated',
    ...note,
    counterexample: counterexampleOf(
      graph,
      check.finding.state,
      check.finding.violation.phrase ?? check.finding.violation.message,
      { notes: orders.length === 2 ? [checkPhrase('found.twoOrders', {})] : [] },
    ),
  }
}
