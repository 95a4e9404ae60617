import { canonicalHash } from '../domain/canonicalHash.js'
import type { Policy } from './PolicySchema.js'

const byId = <T extends { id: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.id.localeCompare(b.id))
const sorted = (items: readonly string[]) => [...items].sort()

/**
 * The canonical hash of a policy: SHA-256 over the RFC 8785 form of the validated policy,
 * with defaults filled in and every list whose order means nothing sorted (principals, keys,
 * holders, regions, destinations). Routing keeps its order: the first matching rule wins.
 * Reformatting a file or reordering its keys never changes the hash; changing a rule does.
 *
 * @example
 * hashPolicy(loadPolicyFile('machines/policies/two-keys.yaml')) // 'a3f1…'
 */
export function hashPolicy(policy: Policy): string {
  const { $schema: _editorHint, ...rest } = policy
  return canonicalHash({
    ...rest,
    objectives: sorted(rest.objectives),
    principals: byId(rest.principals).map((p) => ({
      ...p,
      affiliations: sorted(p.affiliations),
      roles: sorted(p.roles),
    })),
    keys: byId(rest.keys).map((k) => ({
      ...k,
      holders: sorted(k.holders),
      deputies:
        k.deputies.eligible === undefined
          ? k.deputies
          : { ...k.deputies, eligible: sorted(k.deputies.eligible) },
    })),
    regions: byId(rest.regions),
    friendlyDestinations: sorted(rest.friendlyDestinations),
    amendments: { substantive: sorted(rest.amendments.substantive) },
  })
}
