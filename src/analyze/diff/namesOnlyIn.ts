import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { DiffSide, OnlyIn } from './DiffResult.js'

/** The principals and the key an event names (the actor, a deputy, the key decided on). */
function namesOf(event: InitiativeEvent): { principals: string[]; keys: string[] } {
  const fields = event as Partial<{ by: string; deputy: string; key: string }>
  return {
    principals: [fields.by, fields.deputy].filter((id) => id !== undefined),
    keys: fields.key === undefined ? [] : [fields.key],
  }
}

/**
 * The names in `event` that `knower` has and `other` lacks — a key only one policy defines, a
 * principal only one lists — or null when there are none. Such an event is refused by `other` as
 * unknown; `diffPolicies` reports that difference apart ("only A has key government-apparatus"),
 * since it follows from the casts differing, not from a rule.
 *
 * @example
 * namesOnlyIn(decideByGrigorenko, twoKeys, singleKey, 'A') // { side: 'A', keys: ['government-apparatus'], principals: [] }
 */
export function namesOnlyIn(
  event: InitiativeEvent,
  knower: Policy,
  other: Policy,
  side: DiffSide,
): OnlyIn | null {
  const { principals, keys } = namesOf(event)
  const hasPrincipal = (p: Policy, id: string) => p.principals.some((x) => x.id === id)
  const hasKey = (p: Policy, id: string) => p.keys.some((k) => k.id === id)
  const onlyKeys = keys.filter((id) => hasKey(knower, id) && !hasKey(other, id))
  const onlyPrincipals = principals.filter((id) => hasPrincipal(knower, id) && !hasPrincipal(other, id))
  return onlyKeys.length + onlyPrincipals.length === 0
    ? null
    : { side, keys: onlyKeys, principals: [...new Set(onlyPrincipals)] }
}
