import { currentDecisions } from '../../machines/facts.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { type Exploration, type InitiativeSnapshot, snapshotOf } from '../explore/explore.js'
import { reviewOf } from '../explore/timeline.js'
import type { Violation } from '../invariants/Invariant.js'
import { keyOrders, tk11OrderFree } from '../invariants/tk11OrderFree.js'
import type { Policy } from '../policy/PolicySchema.js'

export interface OrderFinding {
  /** The state the orders start from. */
  state: number
  violation: Violation
}

export interface OrderCheck {
  /** How many start states were checked, and how many orders at most from each. */
  starts: number
  orders: number
  /** How many start states there were in all. */
  candidates: number
  finding: OrderFinding | null
}

/** Every rotation of a list: each holder gets to approve first. */
const rotations = <T>(list: readonly T[]): T[][] =>
  list.map((_, i) => [...list.slice(i), ...list.slice(0, i)])

/** At most `limit` combinations, one item from each list (the first combinations in order). */
function product<T>(lists: readonly (readonly T[])[], limit: number): T[][] {
  let out: T[][] = [[]]
  for (const list of lists) {
    const next: T[][] = []
    for (const prefix of out) {
      for (const item of list) {
        next.push([...prefix, item])
        if (next.length >= limit) break
      }
      if (next.length >= limit) break
    }
    out = next
  }
  return out
}

/** Every order of the keys' groups when there are at most five keys, else each rotation and its reverse. */
function sequencesOf<T>(groups: readonly (readonly T[])[]): T[][] {
  if (groups.length <= 5) return keyOrders(groups)
  return rotations(groups).flatMap((r) => [r.flat(), [...r].reverse().flat()])
}

/**
 * Whether a state is one TK11 starts from: review has just begun (every key pending, no decision
 * on the current revision). Asked of each state as the search finds it (`ExploreOptions.onState`).
 */
export function isOrderStart(policy: Policy, snapshot: InitiativeSnapshot): boolean {
  const review = reviewOf(snapshot.value)
  if (review === null) return false
  return policy.keys.every(
    (k) => review[k.id] === 'pending' && currentDecisions(snapshot.context, k.id).length === 0,
  )
}

/**
 * TK11 on the explored graph: from states where review has just begun (`starts`, the states
 * `isOrderStart` holds of, in breadth-first order), the approvals of every key — each key's
 * holders in turn, every holder given a chance to go first — are applied in every order of the
 * keys with the invariant's own `tk11OrderFree` predicate, which must find one outcome. At most
 * `maxStarts` start states are checked, the closest to the start first.
 */
export function checkOrders(graph: Exploration, maxStarts: number, starts: readonly number[]): OrderCheck {
  const { policy, machine } = graph
  let orders = 0
  const checked = starts.slice(0, maxStarts)
  for (const s of checked) {
    const start = snapshotOf(graph, s)
    const { context } = start
    const approve = (key: string, by: string): InitiativeEvent => ({
      type: 'DECIDE',
      by,
      at: context.now,
      key,
      revision: context.revision.hash,
      decision: 'approve',
    })
    const holderOrders = policy.keys.map((k) =>
      rotations(k.holders.filter((h) => h !== context.sponsor)).map((hs) => hs.map((h) => approve(k.id, h))),
    )
    for (const choice of product(holderOrders, 6)) {
      const sequences = sequencesOf(choice)
      orders = Math.max(orders, sequences.length)
      const [violation] = tk11OrderFree.check(machine, start, sequences)
      if (violation !== undefined) {
        return { starts: checked.length, orders, candidates: starts.length, finding: { state: s, violation } }
      }
    }
  }
  return { starts: checked.length, orders, candidates: starts.length, finding: null }
}
