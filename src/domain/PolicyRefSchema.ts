import { checkedString } from './checkedString.js'
import { ID_MAX, ID_PATTERN, ID_RULE } from './IdSchema.js'
import { quoteText } from './quoteText.js'

/**
 * Why `id` cannot name a principal, key, region or destination of a policy, or undefined when
 * it can: the same check as the policy's own ids, with the value quoted for a command's caller.
 */
export function policyRefProblem(id: string): string | undefined {
  if (id.length > ID_MAX)
    return `${quoteText(id)} is ${id.length} characters long; a policy id has at most ${ID_MAX}`
  if (!ID_PATTERN.test(id)) return `${quoteText(id)} is not a policy id: ${ID_RULE}`
  return undefined
}

/** A command's reference to something its policy names (a principal, key, region, destination or objective). */
export const PolicyRefSchema = checkedString(policyRefProblem).describe(
  'A kebab-case id from the policy, such as "presidential-administration".',
)
