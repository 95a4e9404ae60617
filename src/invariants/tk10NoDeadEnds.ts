import { type SnapshotFrom, transition } from 'xstate'
import type { InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { InvariantInfo, Violation } from './Invariant.js'
import { DAY_MS, stageOf } from './restated.js'

export type InitiativeSnapshot = SnapshotFrom<InitiativeMachine>

/** The events worth trying from a snapshot when searching for a way out of it. */
export type Alphabet = (snapshot: InitiativeSnapshot) => InitiativeEvent[]

/**
 * Events every participant could send next, at the snapshot's own time: the sponsor withdrawing,
 * submitting or completing; each holder approving the current revision; each governor accepting
 * its region, each named ministry accepting for itself; the sponsor and every agency recording
 * each destination; a proposal from idle (naming the policy's first ministry, where ministries
 * accept a federal rollout); and TICKs one day and past every review, plenary and approval
 * deadline ahead.
 */
export function finalAlphabet(policy: Policy): Alphabet {
  const sponsors = policy.principals.filter((p) => p.roles.includes('sponsor')).map((p) => p.id)
  const agencies = policy.principals.filter((p) => p.roles.includes('agency')).map((p) => p.id)
  const ministries =
    policy.rollout?.federal === 'ministries'
      ? policy.principals
          .filter((p) => p.roles.includes('ministry'))
          .map((p) => p.id)
          .slice(0, 1)
      : []
  const farDays =
    policy.review.windowDays + policy.review.plenaryDays + (policy.approvals.lifetimeDays ?? 0) + 1
  return (snapshot) => {
    const { context } = snapshot
    const at = context.now
    const events: InitiativeEvent[] = []
    if (context.sponsor === null) {
      for (const by of sponsors.slice(0, 1)) {
        const content = {
          title: 'probe',
          summary: '',
          objective: policy.objectives[0] ?? 'infrastructure',
          scope: { kind: 'federal' as const, ministries },
        }
        events.push({ type: 'PROPOSE', by, at, id: 'probe', content })
      }
    } else {
      const by = context.sponsor
      events.push({ type: 'WITHDRAW', by, at }, { type: 'SUBMIT', by, at }, { type: 'COMPLETE', by, at })
      const scope = context.content?.scope
      for (const destination of scope?.kind === 'export' ? scope.destinations : []) {
        for (const recorder of [by, ...agencies]) {
          events.push({ type: 'DESTINATION', by: recorder, at, destination, agreed: true })
        }
      }
      const answering = scope?.kind === 'federal' && policy.rollout?.federal === 'ministries'
      for (const ministry of answering ? scope.ministries : []) {
        events.push({ type: 'MINISTRY', by: ministry, at, ministry, accept: true })
      }
    }
    for (const key of policy.keys) {
      for (const by of key.holders) {
        events.push({
          type: 'DECIDE',
          by,
          at,
          key: key.id,
          revision: context.revision.hash,
          decision: 'approve',
        })
      }
    }
    for (const region of policy.regions) {
      events.push({ type: 'RESPOND', by: region.governor, at, region: region.id, accept: true })
    }
    events.push({ type: 'TICK', at: at + DAY_MS }, { type: 'TICK', at: at + farDays * DAY_MS })
    return events
  }
}

export interface Reachability {
  reachable: boolean
  /** The events that lead to a final state, when one was found. */
  path: InitiativeEvent[]
  /** How many distinct snapshots the search visited. */
  explored: number
}

const identity = (s: InitiativeSnapshot) => JSON.stringify([s.value, s.context])

/**
 * Breadth-first search, with XState's pure `transition`, for a final state reachable from
 * `snapshot` within `maxDepth` events of `alphabet`.
 *
 * @example
 * canReachFinal(machine, snapshot, finalAlphabet(policy), 6).reachable // true
 */
export function canReachFinal(
  machine: InitiativeMachine,
  snapshot: InitiativeSnapshot,
  alphabet: Alphabet,
  maxDepth = 6,
): Reachability {
  if (snapshot.status === 'done') return { reachable: true, path: [], explored: 1 }
  const seen = new Set([identity(snapshot)])
  let frontier: { snapshot: InitiativeSnapshot; path: InitiativeEvent[] }[] = [{ snapshot, path: [] }]
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = []
    for (const node of frontier) {
      for (const event of alphabet(node.snapshot)) {
        if (!node.snapshot.can(event)) continue
        const [after] = transition(machine, node.snapshot, event)
        const path = [...node.path, event]
        if (after.status === 'done') return { reachable: true, path, explored: seen.size }
        const id = identity(after)
        if (seen.has(id)) continue
        seen.add(id)
        next.push({ snapshot: after, path })
      }
    }
    frontier = next
  }
  return { reachable: false, path: [], explored: seen.size }
}

/** TK10 no dead ends: from the snapshot, some final state is reachable. */
export const tk10NoDeadEnds = {
  id: 'TK10',
  name: 'no dead ends',
  statement: 'from every reachable state a final state is reachable',
  scope: 'reachability',
  check(policy: Policy, machine: InitiativeMachine, snapshot: InitiativeSnapshot, maxDepth = 6): Violation[] {
    const result = canReachFinal(machine, snapshot, finalAlphabet(policy), maxDepth)
    if (result.reachable) return []
    return [
      {
        id: 'TK10',
        message: `no final state is reachable from "${stageOf(snapshot)}" within ${maxDepth} events (${result.explored} snapshots explored)`,
        details: { value: snapshot.value },
      },
    ]
  },
} as const satisfies InvariantInfo & { check: unknown }
