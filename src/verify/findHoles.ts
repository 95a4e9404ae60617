import { type CheckPhrase, checkPhrase, sayCheck } from '../../machines/checkPhrases.js'
import { explainEvent } from '../engine/explainEvent.js'
import { instantiate } from '../explore/alphabet.js'
import { type Exploration, type InitiativeSnapshot, snapshotOf } from '../explore/explore.js'
import { reviewOf } from '../explore/timeline.js'
import { counterexampleOf, stepsOf } from './counterexampleOf.js'
import type { Hole } from './VerifyResult.js'

/** Forward adjacency in compressed rows. */
function successors(graph: Exploration) {
  const n = graph.keys.length
  const start = new Int32Array(n + 1)
  for (let i = 0; i < graph.edges.count; i++) {
    const f = graph.edges.from[i] as number
    start[f + 1] = (start[f + 1] as number) + 1
  }
  for (let s = 0; s < n; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number)
  const fill = start.slice(0, n)
  const next = new Int32Array(graph.edges.count)
  for (let i = 0; i < graph.edges.count; i++) {
    const f = graph.edges.from[i] as number
    next[fill[f] as number] = graph.edges.to[i] as number
    fill[f] = (fill[f] as number) + 1
  }
  return (s: number) => next.subarray(start[s] as number, start[s + 1] as number)
}

/** Why the machine refuses the event there, as the rules phrase it. */
const reasonsOf = (
  graph: Exploration,
  snapshot: InitiativeSnapshot,
  event: Parameters<typeof explainEvent>[3],
) => explainEvent(graph.machine, graph.policy, snapshot, event).phrases

/**
 * Policy holes: kinds of initiative the policy declares but can never carry through. A
 * representative proposal no one can make (the machine refuses it: a routing rule is missing,
 * say), or one that, once made, can never be approved (the only holder of a key sponsors it).
 * Each comes with a story: the refused proposal, or the shortest way to the furthest the
 * initiative gets, and why each key still missing cannot be turned.
 */
export function findHoles(graph: Exploration): Hole[] {
  if (!graph.complete) return []
  const { alphabet, alphabetContext, policy } = graph
  const initial = graph.initial
  const proposals = alphabet.filter((e) => e.type === 'PROPOSE' && e.expected)
  const taken = new Map<number, number>()
  for (let i = 0; i < graph.edges.count; i++) {
    if (graph.edges.from[i] === 0) taken.set(graph.edges.event[i] as number, graph.edges.to[i] as number)
  }
  const holes: Hole[] = []

  // (a) Proposals nobody can make, one hole per branch.
  const refusedBranches = new Map<string, number[]>()
  for (const e of proposals) {
    if (!taken.has(e.index))
      refusedBranches.set(e.variant, [...(refusedBranches.get(e.variant) ?? []), e.index])
  }
  for (const [branch, indices] of refusedBranches) {
    const everyone = proposals.filter((e) => e.variant === branch).length === indices.length
    const first = alphabet[indices[0] as number]
    if (!everyone || first === undefined) continue
    const event = instantiate(alphabetContext, first, initial.value, initial.context)
    if (event === null) continue
    const [step] = stepsOf(graph.policy, [event], [initial])
    const title = checkPhrase('hole.neverProposed', { branch })
    const violation = checkPhrase('hole.refused', { reasons: reasonsOf(graph, initial, event) })
    holes.push({
      title: sayCheck(title),
      titlePhrase: title,
      counterexample: {
        steps: step === undefined ? [] : [step],
        violation: sayCheck(violation),
        violationPhrase: violation,
        notes: [],
      },
    })
  }

  // (b) Proposals that are taken but can never be approved, one hole per proposer.
  const next = successors(graph)
  const approvable = (from: number): { ok: boolean; furthest: number } => {
    const seen = new Set([from])
    const queue = [from]
    let furthest = from
    let best = -1
    for (let h = 0; h < queue.length; h++) {
      const s = queue[h] as number
      if (graph.facts.approved[s] === 1) return { ok: true, furthest: s }
      const review = reviewOf(graph.facts.values[graph.facts.value[s] as number])
      const turned = review === null ? -1 : policy.keys.filter((k) => review[k.id] === 'turned').length
      if (turned > best) {
        best = turned
        furthest = s
      }
      for (const t of next(s)) {
        if (!seen.has(t)) {
          seen.add(t)
          queue.push(t)
        }
      }
    }
    return { ok: false, furthest }
  }
  const stuck = new Map<string, { branches: string[]; furthest: number }>()
  for (const e of proposals) {
    const target = taken.get(e.index)
    if (target === undefined || e.actor === null) continue
    const { ok, furthest } = approvable(target)
    if (ok) continue
    const entry = stuck.get(e.actor) ?? { branches: [], furthest }
    entry.branches.push(e.variant)
    stuck.set(e.actor, entry)
  }
  for (const [proposer, { branches, furthest }] of stuck) {
    const snapshot = snapshotOf(graph, furthest)
    const review = reviewOf(snapshot.value)
    const notes: CheckPhrase[] = []
    if (review !== null) {
      for (const e of alphabet) {
        if (e.type !== 'DECIDE' || e.variant !== 'approve' || !e.expected) continue
        const key = policy.keys[e.key]
        if (key === undefined || review[key.id] !== 'pending') continue
        const event = instantiate(alphabetContext, e, snapshot.value, snapshot.context)
        if (event === null || event.type !== 'DECIDE') continue
        notes.push(
          checkPhrase('hole.cannotApprove', {
            by: event.by,
            key: key.id,
            reasons: reasonsOf(graph, snapshot, event),
          }),
        )
      }
    }
    const title = checkPhrase('hole.neverApproved', { proposer, branches })
    holes.push({
      title: sayCheck(title),
      titlePhrase: title,
      counterexample: counterexampleOf(graph, furthest, checkPhrase('hole.asFarAsItGets', {}), { notes }),
    })
  }
  return holes
}
