import type { z } from 'zod'
import { CONDITION_FIELDS, ConditionError, comparisonsOf, parseCondition } from './condition.js'
import { didYouMean } from './didYouMean.js'
import type { PolicyShape } from './PolicySchema.js'
import { addPhrased } from './phrasedIssue.js'
import { policyPhrase } from './policyMessages.js'

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
    addPhrased(ctx, ['keys'], policyPhrase('conditions.allConditional', {}))
  }
  policy.keys.forEach((key, k) => {
    if (key.appliesIf === undefined) return
    const path = ['keys', k, 'appliesIf']
    let condition: ReturnType<typeof parseCondition>
    try {
      condition = parseCondition(key.appliesIf)
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error
      addPhrased(
        ctx,
        path,
        policyPhrase('conditions.parse', {
          key: key.id,
          at: error.offset,
          detail: error.message,
          condition: key.appliesIf,
        }),
      )
      return
    }
    for (const c of comparisonsOf(condition)) {
      const field = CONDITION_FIELDS[c.field].content
      if (!policy.amendments.substantive.includes(field)) {
        addPhrased(
          ctx,
          path,
          policyPhrase('conditions.notSubstantive', { key: key.id, field: c.field, content: field }),
        )
      }
      const values = c.kind === 'in' ? c.values : [c.value]
      for (const value of values) {
        if (c.field === 'objective' && !policy.objectives.includes(String(value))) {
          const near = didYouMean(String(value), policy.objectives)
          addPhrased(
            ctx,
            path,
            policyPhrase('conditions.unknownObjective', {
              key: key.id,
              value: String(value),
              objectives: policy.objectives,
              ...(near === undefined ? {} : { near }),
            }),
          )
        }
        if (c.field === 'scope' && !SCOPES.includes(String(value))) {
          addPhrased(
            ctx,
            path,
            policyPhrase('conditions.unknownScope', { key: key.id, value: String(value) }),
          )
        }
      }
    }
  })
}
