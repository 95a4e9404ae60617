import { type CheckPhrase, checkPhrase } from '../../machines/checkPhrases.js'
import type { AbstractEvent } from '../explore/alphabet.js'
import type { Exploration } from '../explore/explore.js'

/**
 * A letter of the explorer's alphabet as a phrase: its English label (what the warnings have
 * always printed) and the ids another language words it from — the key, the region a governor
 * answers for, the deputy a holder names.
 *
 * @example
 * sayCheck(letterPhrase(graph, graph.alphabet[3])) // 'governor gov-tatarstan accepts rollout in tatarstan'
 */
export function letterPhrase(graph: Exploration, event: AbstractEvent): CheckPhrase {
  const { policy } = graph
  const dual = event.variant.startsWith('to-dual:') ? event.variant.slice('to-dual:'.length) : null
  return checkPhrase('letter', {
    label: event.label,
    type: event.type,
    role: event.role,
    actor: event.actor,
    key: policy.keys[event.key]?.id ?? null,
    variant: event.variant,
    region:
      event.type === 'RESPOND' ? (policy.regions.find((r) => r.governor === event.actor)?.id ?? null) : null,
    deputy:
      dual ?? (event.type === 'DELEGATE' ? (graph.alphabetContext.cast.deputies[event.key] ?? null) : null),
  })
}
