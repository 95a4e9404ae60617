import { type Exploration, pathTo, snapshotOf } from '../explore/explore.js'
import type { Violation } from '../invariants/Invariant.js'
import { tk12Replay } from '../invariants/tk12Replay.js'
import { hashPolicy } from '../policy/hashPolicy.js'

export interface ReplayCheck {
  checked: number
  finding: { state: number; violation: Violation } | null
}

/**
 * TK12 on the explored graph: for a spread of states (every state when there are at most
 * `max`, else `max` of them evenly spaced, the deepest included), folding the state's shortest
 * path from a fresh machine with XState's `transition` must give back its representative exactly
 * (as `snapshotOf` rebuilds it with the explorer's stepper) — the invariant's own `tk12Replay`
 * predicate decides.
 */
export function checkReplays(graph: Exploration, max: number): ReplayCheck {
  const n = graph.keys.length
  const picks = new Set<number>()
  if (n <= max) for (let s = 1; s < n; s++) picks.add(s)
  else {
    for (let i = 1; i < max; i++) picks.add(Math.floor((i * (n - 1)) / (max - 1)))
    picks.add(n - 1)
  }
  const input = { policyHash: hashPolicy(graph.policy) }
  for (const s of [...picks].sort((a, b) => a - b)) {
    const { events } = pathTo(graph, s)
    const [violation] = tk12Replay.check(graph.machine, input, events, snapshotOf(graph, s))
    if (violation !== undefined) return { checked: picks.size, finding: { state: s, violation } }
  }
  return { checked: picks.size, finding: null }
}
