import type { InitiativeContext } from '../../../machines/InitiativeContext.js'
import { createInitiativeMachine } from '../../../machines/initiative.js'
import type { InitiativeContent } from '../../domain/InitiativeContent.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import { createExpander } from '../../explore/expander.js'
import { DEFAULT_MAX_STATES } from '../../explore/explore.js'
import { defaultHeapBudget, heapUsed } from '../../explore/heapBudget.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import { memoryReached, partialReason } from '../../explore/limitReached.js'
import { comparisonsOf } from '../../policy/condition.js'
import type { Policy } from '../../policy/PolicySchema.js'
import { stepsOf } from '../../verify/counterexampleOf.js'
import type { CounterexampleStep } from '../../verify/VerifyResult.js'
import { queryHolds } from './evaluateQuery.js'
import { factsKey } from './factsKey.js'
import type { ParsedQuery } from './ParsedQuery.js'
import { parseQuery } from './parseQuery.js'
import type { QueryResult } from './QueryResult.js'
import { type StateFacts, stateFacts } from './stateFacts.js'

export interface QueryOptions {
  /** Stop after this many states without a verdict (LIMIT_REACHED). Default 200 000. */
  maxStates?: number
  /** Stop when the V8 heap holds more than this many bytes. Default: 85 % of the heap limit. */
  maxHeapBytes?: number
}

/** An initiative the search proposes, in words: "infrastructure initiative, regional (tatarstan, novosibirsk)". */
function contentWords(content: InitiativeContent): string {
  const scope = content.scope
  const targets =
    scope.kind === 'regional'
      ? ` (${scope.regions.join(', ')})`
      : scope.kind === 'export'
        ? ` (${scope.destinations.join(', ')})`
        : ''
  const budget = content.budget === undefined ? '' : `, budget ${content.budget}`
  return `${content.objective} initiative, ${scope.kind}${targets}${budget}`
}

/**
 * Answers a query over a policy's reachable states: breadth-first from a fresh initiative, with the
 * explorer's expander (every command of its alphabet, each taken by the machine itself), the first
 * state whose facts satisfy the condition ends a shortest story. States are the explorer's abstract
 * states without symmetry reduction (every key and principal keeps its name) told apart further by
 * the facts the query reads (`factsKey`), so the search misses no story the query tells apart.
 * `text` is parsed with `parseQuery` (or pass a `ParsedQuery`).
 *
 * @example
 * const result = query(policy, 'phase = approved and deputies = 2')
 * result.outcome // 'reachable'
 * result.steps.map((s) => s.text) // ['minzifry proposes a federal infrastructure initiative', …]
 */
export function query(policy: Policy, text: string | ParsedQuery, options: QueryOptions = {}): QueryResult {
  const started = performance.now()
  const parsed = typeof text === 'string' ? parseQuery(policy, text) : text
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  const maxHeapBytes = options.maxHeapBytes ?? defaultHeapBudget()
  const machine = createInitiativeMachine(policy)
  // No symmetry: a query names keys and principals, which the reduction would swap. And a query
  // reads who approved (`key.<key>.by`, `.as`, `deputies`), which `deputyAsSeat` forgets.
  const expander = createExpander(policy, machine, { symmetry: false, deputyAsSeat: false })
  const keyOf = (snapshot: InitiativeSnapshot, facts: StateFacts) =>
    `${expander.abstractKey(snapshot)}\u0001${factsKey(policy, parsed, facts, snapshot as { status: string; context: InitiativeContext })}`

  const snapshots: InitiativeSnapshot[] = [expander.initial]
  const parent: number[] = [-1]
  const via: (InitiativeEvent | null)[] = [null]
  const initialFacts = stateFacts(policy, expander.initial)
  const index = new Map<string, number>([[keyOf(expander.initial, initialFacts), 0]])
  let transitions = 0
  let found = queryHolds(parsed.condition, initialFacts) ? 0 : -1
  let foundFacts: StateFacts | null = found === 0 ? initialFacts : null
  let stoppedBy: 'states' | 'memory' | null = null
  let next = 0
  for (; found < 0 && next < snapshots.length; next++) {
    if (snapshots.length > maxStates) stoppedBy = 'states'
    else if (maxHeapBytes !== undefined && (next & 1023) === 0 && heapUsed() > maxHeapBytes)
      stoppedBy = 'memory'
    if (stoppedBy !== null) break
    const from = next
    expander.expand(snapshots[from] as InitiativeSnapshot, (_event, concrete, after) => {
      transitions++
      if (found >= 0) return
      const facts = stateFacts(policy, after)
      const key = keyOf(after, facts)
      if (index.has(key)) return
      index.set(key, snapshots.length)
      snapshots.push(after)
      parent.push(from)
      via.push(concrete)
      // Breadth-first: states are found in order of depth, so the first that holds is a shortest story.
      if (queryHolds(parsed.condition, facts)) {
        found = snapshots.length - 1
        foundFacts = facts
      }
    })
  }
  const complete = stoppedBy === null
  const base = {
    policy: policy.id,
    query: parsed.text,
    states: snapshots.length,
    expanded: next,
    transitions,
    complete: found < 0 && complete,
    maxStates,
    contents: expander.branches.map((b) => contentWords(b.content)),
    notes: [] as string[],
  }
  const seconds = () => (performance.now() - started) / 1000
  if (found >= 0) {
    return {
      ...base,
      outcome: 'reachable',
      steps: storyTo(policy, found, snapshots, parent, via),
      facts: foundFacts,
      seconds: seconds(),
      limit: null,
    }
  }
  if (stoppedBy !== null) {
    const message =
      stoppedBy === 'memory' && maxHeapBytes !== undefined
        ? memoryReached(policy.id, maxHeapBytes).message
        : `policy "${policy.id}": no answer to "${parsed.text}": ${partialReason({ maxStates, states: snapshots.length, expanded: next, stoppedAtViolation: false })}`
    return {
      ...base,
      outcome: 'limit',
      steps: [],
      facts: null,
      seconds: seconds(),
      limit: { code: 'LIMIT_REACHED', message },
    }
  }
  return {
    ...base,
    outcome: 'unreachable',
    steps: [],
    facts: null,
    seconds: seconds(),
    limit: null,
    notes: notesOn(parsed),
  }
}

/** Why an unreachable answer may surprise: the approved phase is passed through in the step that approves. */
function notesOn(parsed: ParsedQuery): string[] {
  const namesApproved = comparisonsOf(parsed.condition).some(
    (c) => c.field === 'phase' && (c.kind === 'in' ? c.values : [c.value]).includes('approved'),
  )
  return namesApproved ? [APPROVED_NOTE] : []
}

/** The note on `phase = approved` (exported for the CLI's words). */
export const APPROVED_NOTE =
  'an initiative rests in phase "approved" only where no routing rule matches: the step that approves it routes it to its track at once; "approved = yes" asks whether it was approved'

/** The numbered steps from the initial state to state `s`, each described as `verify` prints them. */
function storyTo(
  policy: Policy,
  s: number,
  snapshots: readonly InitiativeSnapshot[],
  parent: readonly number[],
  via: readonly (InitiativeEvent | null)[],
): CounterexampleStep[] {
  const states: number[] = []
  for (let at = s; at > 0; at = parent[at] as number) states.push(at)
  states.reverse()
  return stepsOf(
    policy,
    states.map((at) => via[at] as InitiativeEvent),
    states.map((at) => snapshots[parent[at] as number] as InitiativeSnapshot),
  )
}
