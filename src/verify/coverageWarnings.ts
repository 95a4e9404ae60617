import type { AnyStateNode } from 'xstate'
import { type CheckPhrase, checkPhrase } from '../../machines/checkPhrases.js'
import type { AbstractEvent } from '../explore/alphabet.js'
import type { Exploration } from '../explore/explore.js'
import { letterPhrase } from './letterPhrase.js'

/** Every state node of the chart below the root, by id, with a readable dotted path. */
export function chartNodes(root: AnyStateNode): Map<string, string> {
  const nodes = new Map<string, string>()
  const visit = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      nodes.set(child.id, child.path.join('.'))
      visit(child)
    }
  }
  visit(root)
  return nodes
}

/**
 * Warnings about what the exploration never saw: states of the chart no run enters (`entered`
 * holds the node ids seen in any snapshot or microstep) and commands the policy means to be
 * possible that the machine never takes from any reachable state. Meaningful only for a complete
 * exploration: `verify` calls it only then.
 */
export function coverageWarnings(graph: Exploration, entered: ReadonlySet<string>): CheckPhrase[] {
  const warnings: CheckPhrase[] = []
  const unreached = [...chartNodes(graph.machine.root)]
    .filter(([id]) => !entered.has(id))
    .map(([, path]) => path)
  if (unreached.length > 0) {
    warnings.push(checkPhrase('warn.unreached', { states: unreached }))
  }
  // Under holder symmetry a state stands for its renamings, so an event stands for the same
  // event by any interchangeable holder of its key: taken by one, taken (from a renamed state) by all.
  // Likewise a command on an alike key left to its twin stands for the twin's (`letterTwin`).
  const orbitOf = (letter: AbstractEvent) => {
    const event = graph.alphabet[graph.letterTwin[letter.index] as number] as AbstractEvent
    const key = graph.policy.keys[event.key]
    const interchangeable =
      key !== undefined &&
      (graph.holderOrbits[event.key] ?? 0) > 0 &&
      event.actor !== null &&
      key.holders.includes(event.actor)
    return interchangeable
      ? `${event.type}|${event.role}|${event.key}|${event.target}|${event.variant}`
      : `#${event.index}`
  }
  const taken = new Set<string>()
  for (let i = 0; i < graph.edges.count; i++)
    taken.add(orbitOf(graph.alphabet[graph.edges.event[i] as number] as AbstractEvent))
  const never = new Map<string, CheckPhrase[]>()
  for (const event of graph.alphabet) {
    if (event.expected && !taken.has(orbitOf(event)))
      never.set(event.type, [...(never.get(event.type) ?? []), letterPhrase(graph, event)])
  }
  for (const [type, letters] of never) {
    warnings.push(checkPhrase('warn.neverTaken', { command: type, letters }))
  }
  return warnings
}
