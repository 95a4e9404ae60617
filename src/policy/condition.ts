import type { InitiativeContent } from '../domain/InitiativeContent.js'
import type { ComparisonOp, Condition, ConditionField, ConditionOver } from './conditionSyntax.js'
import { parseCondition } from './conditionSyntax.js'

// What a condition means: evaluated on content, its comparisons, and how it prints. The grammar
// and its parser are in conditionSyntax.ts (re-exported here, so one import serves both).
export * from './conditionSyntax.js'

/** The value of a field on an initiative's content. */
export function fieldValue(content: InitiativeContent, field: ConditionField): number | string {
  switch (field) {
    case 'budget':
      return content.budget ?? 0
    case 'objective':
      return content.objective
    case 'scope':
      return content.scope.kind
    case 'regions':
      return content.scope.kind === 'regional' ? content.scope.regions.length : 0
    case 'destinations':
      return content.scope.kind === 'export' ? content.scope.destinations.length : 0
  }
}

/** One comparison of two values (numbers, or ids with = and !=); the analyses' queries use it too. */
export function compareValues(a: number | string, op: ComparisonOp, b: number | string): boolean {
  switch (op) {
    case '=':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '>':
      return a > b
    case '>=':
      return a >= b
  }
}

/**
 * Whether a condition holds, each comparison judged by `compare` (`in` holds when the field
 * equals one of its values): one walker for content conditions and the analyses' queries.
 *
 * @example
 * conditionHolds(parseCondition('budget > 10e9'), (field, op, value) => compareValues(budgetOf(content), op, value))
 */
export function conditionHolds<F extends string>(
  condition: ConditionOver<F>,
  compare: (field: F, op: ComparisonOp, value: number | string) => boolean,
): boolean {
  switch (condition.kind) {
    case 'and':
      return conditionHolds(condition.left, compare) && conditionHolds(condition.right, compare)
    case 'or':
      return conditionHolds(condition.left, compare) || conditionHolds(condition.right, compare)
    case 'not':
      return !conditionHolds(condition.operand, compare)
    case 'compare':
      return compare(condition.field, condition.op, condition.value)
    case 'in':
      return condition.values.some((value) => compare(condition.field, '=', value))
  }
}

/** Whether a condition holds for an initiative's content. */
export function holds(condition: Condition, content: InitiativeContent): boolean {
  return conditionHolds(condition, (field, op, value) => compareValues(fieldValue(content, field), op, value))
}

/** Every comparison of a condition, for the fields it reads and the thresholds it names. */
export function comparisonsOf<F extends string = ConditionField>(
  condition: ConditionOver<F>,
): Extract<ConditionOver<F>, { kind: 'compare' } | { kind: 'in' }>[] {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return [...comparisonsOf(condition.left), ...comparisonsOf(condition.right)]
    case 'not':
      return comparisonsOf(condition.operand)
    default:
      return [condition]
  }
}

/** A number as a condition writes it: thousands grouped with `_` (`10_000_000_000`), which parses back. */
const formatNumber = (n: number) =>
  Number.isInteger(n) && n >= 10_000 ? String(n).replace(/\B(?=(\d{3})+$)/g, '_') : String(n)

/** A condition in its canonical written form (what diagrams and messages show). */
export function formatCondition<F extends string = ConditionField>(
  condition: ConditionOver<F>,
  parent: Condition['kind'] | null = null,
): string {
  switch (condition.kind) {
    case 'and':
    case 'or': {
      const text = `${formatCondition(condition.left, condition.kind)} ${condition.kind} ${formatCondition(condition.right, condition.kind)}`
      return parent !== null && parent !== condition.kind && parent !== 'compare' ? `(${text})` : text
    }
    case 'not':
      return `not ${formatCondition(condition.operand, 'not')}`
    case 'compare':
      return `${condition.field} ${condition.op} ${typeof condition.value === 'number' ? formatNumber(condition.value) : condition.value}`
    case 'in':
      return `${condition.field} in [${condition.values.map((v) => (typeof v === 'number' ? formatNumber(v) : v)).join(', ')}]`
  }
}

const parsedByKey = new WeakMap<object, Condition | null>()

/**
 * A key's `appliesIf`, parsed once per key (a validated policy's conditions always parse); null
 * when the key always applies.
 */
export function conditionOf(key: { appliesIf?: string | undefined }): Condition | null {
  let parsed = parsedByKey.get(key)
  if (parsed === undefined) {
    parsed = key.appliesIf === undefined ? null : parseCondition(key.appliesIf)
    parsedByKey.set(key, parsed)
  }
  return parsed
}

/** Whether a key applies to an initiative's content (no content yet: every key applies). */
export function keyApplies(
  key: { appliesIf?: string | undefined },
  content: InitiativeContent | null,
): boolean {
  // Most keys have no condition: answer them without the parsed-condition lookup (a guard's hot path).
  if (key.appliesIf === undefined) return true
  const condition = conditionOf(key)
  return condition === null || content === null || holds(condition, content)
}
