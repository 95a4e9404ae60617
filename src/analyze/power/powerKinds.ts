import { castOf } from '../../explore/cast.js'
import { representativeContents } from '../../explore/contents.js'
import { keyApplies } from '../../policy/condition.js'
import type { Policy } from '../../policy/PolicySchema.js'
import { trackFor } from '../../policy/routing.js'
import type { PowerKind } from './PowerKind.js'

/**
 * The kinds of initiative of a policy: the explorer's representative proposals (one per scope,
 * per objective that routing tells apart, per set of conditional keys that applies), each with
 * the sponsor who proposes it — a principal whose only role is to sponsor where there is one, so
 * the sponsor holds no seat that would muddle the game.
 *
 * @example
 * powerKinds(policy).map((k) => `${k.objective} → ${k.track}`) // ['infrastructure → federal', …]
 */
export function powerKinds(policy: Policy): PowerKind[] {
  const branches = representativeContents(policy)
  const cast = castOf(policy, branches)
  const sponsor = (cast.proposers.find((p) => p.kind === 'sponsor') ?? cast.proposers[0])?.id
  if (sponsor === undefined) return []
  return branches.map((b) => ({
    name: b.name,
    objective: b.content.objective,
    scope: b.scope,
    track: trackFor(policy, b.content.objective, b.scope),
    keys: policy.keys.filter((k) => keyApplies(k, b.content)).map((k) => k.id),
    content: b.content,
    sponsor,
  }))
}
