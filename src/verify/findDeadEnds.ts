import type { Exploration } from '../explore/explore.js'

/**
 * TK10 on the explored graph: the states from which no final state can be reached, found by
 * searching backwards from every final state. States the exploration did not expand (it was
 * stopped by `maxStates`) count as able to finish, so an incomplete run never reports a dead
 * end it has not seen. Returned in breadth-first order: the first is the closest to the start.
 *
 * @example
 * findDeadEnds(explore(policy, machine)) // [] when every state can still finish
 */
export function findDeadEnds(graph: Exploration): number[] {
  const n = graph.keys.length
  const { count, from, to } = graph.edges
  // Reverse adjacency in compressed rows: who leads into each state.
  const start = new Int32Array(n + 1)
  const indegree = new Int32Array(n)
  for (let i = 0; i < count; i++) indegree[to[i] as number] = (indegree[to[i] as number] as number) + 1
  for (let s = 0; s < n; s++) start[s + 1] = (start[s] as number) + (indegree[s] as number)
  const fill = start.slice(0, n)
  const into = new Int32Array(count)
  for (let i = 0; i < count; i++) {
    const t = to[i] as number
    into[fill[t] as number] = from[i] as number
    fill[t] = (fill[t] as number) + 1
  }
  const finishes = new Uint8Array(n)
  const queue = new Int32Array(n)
  let tail = 0
  for (let s = 0; s < n; s++) {
    const done = graph.facts.active[s] === 0
    const unexpanded = s >= graph.expanded
    if (done || unexpanded) {
      finishes[s] = 1
      queue[tail++] = s
    }
  }
  for (let head = 0; head < tail; head++) {
    const s = queue[head] as number
    for (let j = start[s] as number; j < (start[s + 1] as number); j++) {
      const p = into[j] as number
      if (finishes[p] === 0) {
        finishes[p] = 1
        queue[tail++] = p
      }
    }
  }
  const dead: number[] = []
  for (let s = 0; s < n; s++) if (finishes[s] === 0) dead.push(s)
  return dead
}
