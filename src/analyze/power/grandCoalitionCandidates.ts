import { DEFAULT_MAX_STATES, explore } from '../../explore/explore.js'
import { analyzeError } from '../analyzeMessages.js'
import { type CoalitionGame, isApproved, isBackground } from './coalitionGame.js'
import { isSubset } from './masks.js'

export interface CandidateOptions {
  maxStates?: number
  maxHeapBytes?: number
}

/** Adds `mask` to an antichain of minimal coalitions; false when nothing changed. */
function addMinimal(antichain: number[], mask: number): boolean {
  if (antichain.some((m) => isSubset(m, mask))) return false
  for (let i = antichain.length - 1; i >= 0; i--)
    if (isSubset(mask, antichain[i] as number)) antichain.splice(i, 1)
  antichain.push(mask)
  return true
}

/**
 * The accelerator: one exploration of the grand coalition's play (everyone may act), then, for
 * every explored state, the minimal coalitions whose commands label some path from it to
 * approval (a backward fixpoint over the graph's edges). Every restricted play is a part of the
 * grand one, so these are the minimal winning coalitions — provided the explorer's abstraction
 * keeps restricted plays inside it, which `certifyMinimalWinning` then checks with the machine,
 * one restricted play per claim.
 *
 * @example
 * grandCoalitionCandidates(game).map(game.namesOf) // [['oreshkin', 'grigorenko'], …]
 */
export function grandCoalitionCandidates(game: CoalitionGame, options: CandidateOptions = {}): number[] {
  const { kind, policy, machine } = game
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  // The approved states, read off each state as the search finds it.
  const approved: number[] = []
  const graph = explore(policy, machine, {
    symmetry: false,
    onState: (s, snapshot) => {
      if (isApproved(snapshot)) approved.push(s)
    },
    scopes: [kind.scope],
    only: (e) => isBackground(kind, e) || e.type !== 'PROPOSE',
    maxStates,
    ...(options.maxHeapBytes === undefined ? {} : { maxHeapBytes: options.maxHeapBytes }),
  })
  if (!graph.complete) {
    throw analyzeError('LIMIT_REACHED', 'power.grandStopped', {
      kind: kind.name,
      policy: policy.id,
      by: graph.stoppedBy === 'memory' ? 'memory' : 'states',
      max: maxStates,
    })
  }
  // Proposals other than the background's are never taken here: they carry no player.
  const bitOf = graph.alphabet.map((e) =>
    isBackground(kind, e) || e.type === 'PROPOSE' ? 0 : game.maskOf([e.actor ?? kind.sponsor]),
  )
  const into: number[][] = graph.keys.map(() => [])
  for (let i = 0; i < graph.edges.count; i++) into[graph.edges.to[i] as number]?.push(i)
  const winners: number[][] = graph.keys.map(() => [])
  const queue: number[] = []
  for (const s of approved) {
    winners[s] = [0]
    queue.push(s)
  }
  while (queue.length > 0) {
    const t = queue.pop() as number
    for (const edge of into[t] ?? []) {
      const s = graph.edges.from[edge] as number
      const bit = bitOf[graph.edges.event[edge] as number] as number
      let changed = false
      for (const m of winners[t] ?? [])
        changed = addMinimal(winners[s] as number[], (m | bit) >>> 0) || changed
      if (changed) queue.push(s)
    }
  }
  return (winners[0] ?? []).slice()
}
