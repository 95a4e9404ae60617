import {
  type ComparisonOp,
  type ConditionOver,
  compareValues,
  conditionHolds,
} from '../../policy/condition.js'
import { queryFact } from './queryFields.js'
import type { StateFacts } from './stateFacts.js'

/** A fact's value: a number, an id, the approvers of a key (a set), or null when it has none yet. */
export type FactValue = number | string | string[] | null

/**
 * The value of one query field in a state's facts.
 *
 * @example
 * factValue(facts, 'key.government-apparatus.by') // ['ga-aide']
 */
export function factValue(facts: StateFacts, field: string): FactValue {
  const fact = queryFact(field)
  switch (fact.fact) {
    case 'key':
      return facts.keys[fact.key]?.status ?? null
    case 'key.by':
      return facts.keys[fact.key]?.by ?? []
    case 'key.as':
      return facts.keys[fact.key]?.as ?? null
    case 'content':
      return facts[fact.field]
    case 'track':
      // Before routing there is no track: the query names that `none`.
      return facts.track ?? 'none'
    default:
      return facts[fact.fact]
  }
}

/**
 * Whether one comparison holds. A key's approvers are a set: `by = p` holds when p is one of
 * them, `by != p` when p is none of them. A missing fact (null) equals nothing: only `!=` holds.
 */
function comparisonHolds(value: FactValue, op: ComparisonOp, wanted: number | string): boolean {
  if (Array.isArray(value))
    return op === '!=' ? !value.includes(String(wanted)) : value.includes(String(wanted))
  if (value === null) return op === '!='
  return compareValues(value, op, wanted)
}

/**
 * Whether a query's condition holds in a state with these facts.
 *
 * @example
 * queryHolds(parseQuery(policy, 'phase = approved').condition, stateFacts(policy, snapshot))
 */
export function queryHolds(condition: ConditionOver<string>, facts: StateFacts): boolean {
  return conditionHolds(condition, (field, op, value) => comparisonHolds(factValue(facts, field), op, value))
}
