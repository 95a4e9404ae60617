import type { TwoKeysError } from '../../domain/TwoKeysError.js'
import {
  type ComparisonOp,
  ConditionError,
  type ConditionOver,
  type ConditionVocabulary,
  comparisonsOf,
  formatCondition,
  parseConditionOver,
} from '../../policy/condition.js'
import { didYouMean } from '../../policy/didYouMean.js'
import type { Policy } from '../../policy/PolicySchema.js'
import { analyzeError } from '../analyzeMessages.js'
import type { ParsedQuery } from './ParsedQuery.js'
import { fieldKind, queryFact, queryFieldNames, STATE_FIELDS, wordsOf } from './queryFields.js'

const suggest = (word: string, candidates: readonly string[]) => {
  const near = didYouMean(word, candidates)
  return near === undefined ? '' : ` (did you mean "${near}"?)`
}

/** The fields of `policy` as the parser resolves them, with located errors for unknown words. */
function queryVocabulary(policy: Policy): ConditionVocabulary<string> {
  const keyIds = policy.keys.map((k) => k.id)
  const names = queryFieldNames(policy)
  const plain = [
    ...STATE_FIELDS,
    'key.<key>',
    'key.<key>.by',
    'key.<key>.as',
    'budget',
    'objective',
    'scope',
    'regions',
    'destinations',
  ]
  return {
    fieldList: plain.join(', '),
    field(word, at) {
      if (word.startsWith('key.')) {
        const [, key = '', part, ...rest] = word.split('.')
        if (!keyIds.includes(key)) {
          throw new ConditionError(
            `unknown key "${key}"${suggest(key, keyIds)}; the policy's keys are ${keyIds.join(', ')}`,
            at + 'key.'.length,
          )
        }
        if ((part !== undefined && part !== 'by' && part !== 'as') || rest.length > 0) {
          throw new ConditionError(
            `unknown fact "${word.slice(`key.${key}.`.length)}" of key "${key}"; a key has key.${key} (its status), key.${key}.by and key.${key}.as`,
            at + `key.${key}.`.length,
          )
        }
      } else if (!names.includes(word)) {
        throw new ConditionError(
          `unknown field "${word}"${suggest(word, names)}; a query reads ${plain.join(', ')}`,
          at,
        )
      }
      return { field: word, kind: fieldKind(queryFact(word)) }
    },
    value(field, value, at) {
      const { what, words } = wordsOf(policy, queryFact(field))
      if (!words.includes(value)) {
        throw new ConditionError(
          `unknown ${what} "${value}"${suggest(value, words)}; "${field}" is one of ${words.join(', ')}`,
          at,
        )
      }
    },
    op(field, op: ComparisonOp | 'in', at) {
      if (field === 'days' && op !== '<' && op !== '<=') {
        throw new ConditionError(
          `"days" is compared only with < or <= ("within n days"): the search acts at the earliest instant the rules allow, so it knows how soon a state can be reached, not how late; write days <= n`,
          at,
        )
      }
    },
  }
}

/** The comparisons of a condition, in the order written, each with whether it sits under an odd number of "not". */
function polarities(condition: ConditionOver<string>, negated = false): boolean[] {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return [...polarities(condition.left, negated), ...polarities(condition.right, negated)]
    case 'not':
      return polarities(condition.operand, !negated)
    default:
      return [negated]
  }
}

/** The largest number compared with `field`, or null when the condition does not read it. */
function boundOf(condition: ConditionOver<string>, field: string): number | null {
  let bound: number | null = null
  for (const c of comparisonsOf(condition)) {
    if (c.field !== field) continue
    for (const v of c.kind === 'in' ? c.values : [c.value]) {
      if (typeof v === 'number') bound = Math.max(bound ?? 0, v)
    }
  }
  return bound
}

/** A located query error: what, where (a caret under the text), and how to fix it. */
function queryError(text: string, error: ConditionError): TwoKeysError {
  const at = error.offset + 1
  return analyzeError(
    'COMMAND_INVALID',
    'query.parse',
    { at, problem: error.message, text },
    {
      issues: [{ code: 'QUERY_INVALID', path: ['query'], message: error.message, column: at }],
      cause: error,
    },
  )
}

/**
 * Parses a query over a policy's states: the policy conditions' grammar (and, or, not,
 * parentheses, comparisons, `in [...]`) over the facts of a state. Unknown fields, keys,
 * principals and phases are located errors (COMMAND_INVALID, with a caret and a did-you-mean).
 *
 * @example
 * parseQuery(policy, 'phase = approved and deputies = 2').fields // ['phase', 'deputies']
 */
export function parseQuery(policy: Policy, text: string): ParsedQuery {
  const offsets: number[] = []
  const vocabulary = queryVocabulary(policy)
  const field = vocabulary.field
  let condition: ConditionOver<string>
  try {
    condition = parseConditionOver(text, {
      ...vocabulary,
      field(word, at) {
        offsets.push(at)
        return field(word, at)
      },
    })
    // `not (days <= 3)` asks how late, which the search cannot answer (see the op check).
    const comparisons = comparisonsOf(condition)
    polarities(condition).forEach((negated, i) => {
      if (negated && comparisons[i]?.field === 'days')
        throw new ConditionError(
          '"days" may not stand under "not": the search knows how soon a state can be reached, not how late; write days <= n without "not"',
          offsets[i] ?? 0,
        )
    })
  } catch (error) {
    if (error instanceof ConditionError) throw queryError(text, error)
    throw error
  }
  const fields = [...new Set(comparisonsOf(condition).map((c) => c.field))]
  return {
    text: formatCondition(condition),
    condition,
    fields,
    revisionBound: boundOf(condition, 'revision') ?? (fields.includes('revision') ? 0 : null),
    daysBound: boundOf(condition, 'days') ?? (fields.includes('days') ? 0 : null),
    readsKeys: fields.some((f) => f.startsWith('key.') || f === 'keys_turned' || f === 'deputies'),
    readsKeyStatus: fields.some((f) => queryFact(f).fact === 'key'),
  }
}
