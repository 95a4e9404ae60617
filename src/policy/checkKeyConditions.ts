import type { z } from 'zod'
import { CONDITION_FIELDS, ConditionError, comparisonsOf, parseCondition } from './condition.js'
import { didYouMean } from './didYouMean.js'
import type { PolicyShape } from './PolicySchema.js'

type PolicyDraft = z.output<typeof PolicyShape>

const SCOPES = ['federal', 'regional', 'export']

/**
 * Checks each key's `appliesIf`: it parses; the ids it compares with exist (objectives, scope
 * kinds); and it reads only fields the policy calls substantive — otherwise an amendment could move
 * an initiative across the condition while keeping its approvals (a key that starts to apply would
 * apply to a revision its holders never saw).
 */
export function checkKeyConditions(policy: PolicyDraft, ctx: z.RefinementCtx): void {
  // Some initiative would otherwise need no key at all: approved by nobody.
  if (policy.keys.length > 0 && policy.keys.every((k) => k.appliesIf !== undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['keys'],
      message:
        'every key applies only by condition, so an initiative that meets none would be approved by no one; leave appliesIf off at least one key',
    })
  }
  policy.keys.forEach((key, k) => {
    if (key.appliesIf === undefined) return
    const path = ['keys', k, 'appliesIf']
    let condition: ReturnType<typeof parseCondition>
    try {
      condition = parseCondition(key.appliesIf)
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error
      const caret = `${key.appliesIf}\n${' '.repeat(error.offset)}^`
      ctx.addIssue({
        code: 'custom',
        path,
        message: `condition of key "${key.id}" does not parse at character ${error.offset + 1}: ${error.message}\n${caret}\nsee "Keys that apply by condition" in the README for the grammar`,
      })
      return
    }
    for (const c of comparisonsOf(condition)) {
      const field = CONDITION_FIELDS[c.field].content
      if (!policy.amendments.substantive.includes(field)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `key "${key.id}" applies by "${c.field}", but "${field}" is not in amendments.substantive: an amendment could cross the condition and keep its approvals; add "${field}" to amendments.substantive`,
        })
      }
      const values = c.kind === 'in' ? c.values : [c.value]
      for (const value of values) {
        if (c.field === 'objective' && !policy.objectives.includes(String(value))) {
          const near = didYouMean(String(value), policy.objectives)
          ctx.addIssue({
            code: 'custom',
            path,
            message: `key "${key.id}": objective "${value}" is not one of the policy's objectives (${policy.objectives.join(', ')})${near === undefined ? '' : `; did you mean "${near}"?`}`,
          })
        }
        if (c.field === 'scope' && !SCOPES.includes(String(value))) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `key "${key.id}": scope "${value}" is not a kind of scope; use federal, regional or export`,
          })
        }
      }
    }
  })
}
