import { PHASES } from '../../../machines/describeState.js'
import { CONDITION_FIELDS, type ConditionField } from '../../policy/condition.js'
import type { Policy } from '../../policy/PolicySchema.js'

/**
 * What one field of a query reads: a fact of the state (phase, track, revision, counts, days
 * since submission), one of a key's facts (its status, who turned it, in which capacity), or a
 * field of the initiative's content (the policy grammar's fields).
 */
export type QueryFact =
  | { fact: 'phase' | 'approved' | 'track' | 'revision' | 'keys_turned' | 'deputies' | 'days' }
  | { fact: 'content'; field: ConditionField }
  | { fact: 'key' | 'key.by' | 'key.as'; key: string }

/** The state facts a query may read besides the keys' and the content's. */
export const STATE_FIELDS = [
  'phase',
  'approved',
  'track',
  'revision',
  'keys_turned',
  'deputies',
  'days',
] as const

/** A key's status as a query names it: the key board's statuses, and `none` before any review. */
export const KEY_STATUSES = ['turned', 'pending', 'refused', 'waived', 'stale', 'expired', 'none'] as const
export type QueryKeyStatus = (typeof KEY_STATUSES)[number]

/** In which capacity a turned key's approvals were given. */
export const CAPACITIES = ['deputy', 'holder'] as const

/** The scope kinds a query may compare `scope` with. */
export const SCOPES = ['federal', 'regional', 'export'] as const

const NUMBER_FACTS = new Set(['revision', 'keys_turned', 'deputies', 'days'])

/**
 * What a query field reads (`key.presidential-administration.by` → that key's approvers). The
 * field is known to be valid: `parseQuery` resolves every field before it is read.
 *
 * @example
 * queryFact('key.government-apparatus.as') // { fact: 'key.as', key: 'government-apparatus' }
 */
export function queryFact(field: string): QueryFact {
  if (field.startsWith('key.')) {
    const [, key = '', part] = field.split('.')
    return part === undefined ? { fact: 'key', key } : { fact: part === 'by' ? 'key.by' : 'key.as', key }
  }
  if (field in CONDITION_FIELDS) return { fact: 'content', field: field as ConditionField }
  return { fact: field as 'phase' }
}

/** Whether a field holds a number (compared with <, <=, …) or an id. */
export function fieldKind(fact: QueryFact): 'number' | 'word' {
  if (fact.fact === 'content') return CONDITION_FIELDS[fact.field].kind
  return NUMBER_FACTS.has(fact.fact) ? 'number' : 'word'
}

/** Every field a query may read on `policy`, for error messages: `key.<id>` spelled out per key. */
export function queryFieldNames(policy: Policy): string[] {
  return [
    ...STATE_FIELDS,
    ...policy.keys.flatMap((k) => [`key.${k.id}`, `key.${k.id}.by`, `key.${k.id}.as`]),
    ...Object.keys(CONDITION_FIELDS),
  ]
}

/** The words a word field may be compared with on `policy` (`by`: the principals' ids). */
export function wordsOf(policy: Policy, fact: QueryFact): { what: string; words: readonly string[] } {
  switch (fact.fact) {
    case 'phase':
      return { what: 'phase', words: PHASES }
    case 'approved':
      return { what: 'answer', words: ['yes', 'no'] }
    case 'track':
      return { what: 'track', words: [...new Set(policy.routing.map((r) => r.track)), 'none'] }
    case 'key':
      return { what: 'key status', words: KEY_STATUSES }
    case 'key.by':
      return { what: 'principal', words: policy.principals.map((p) => p.id) }
    case 'key.as':
      return { what: 'capacity', words: CAPACITIES }
    case 'content':
      return fact.field === 'objective'
        ? { what: 'objective', words: policy.objectives }
        : { what: 'scope', words: SCOPES }
    default:
      return { what: 'value', words: [] }
  }
}
