import { z } from 'zod'
import { PolicyShape } from './PolicySchema.js'

/**
 * The JSON Schema (draft-07, which editors support widely) of a policy document as an author
 * writes it: fields with defaults are optional. It covers the shape only; the cross-field rules
 * (holders are principals, quorums are reachable, one key per principal…) are not expressible
 * in JSON Schema and are checked by `twokeys validate`. `schema/policy.schema.json` is this,
 * written by `npm run schema`.
 *
 * @example
 * writeFileSync('schema/policy.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`)
 */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicyShape, { io: 'input', target: 'draft-07' })
  const { $schema, ...rest } = schema as Record<string, unknown>
  return {
    $schema,
    title: 'twokeys policy',
    description:
      'A dual-key governance policy: principals, keys with holders and quorums, review, routing. ' +
      'Cross-field rules are checked by `twokeys validate`.',
    ...rest,
  }
}
