import type { Issue } from '../domain/TwoKeysError.js'
import { capIssues } from './capIssues.js'
import { describeIssue } from './describeIssue.js'
import { fileError } from './fileMessages.js'
import { type Policy, PolicySchema, PolicyShape } from './PolicySchema.js'
import { safeLoadDocument } from './safeLoadDocument.js'

export type SafePolicyResult = { success: true; policy: Policy } | { success: false; issues: Issue[] }

/**
 * Validates an already-parsed policy value; issues are data, never thrown. Each issue names the
 * field, quotes the bad value and says what to do; it has no location (there is no text).
 *
 * @example
 * const result = safeParsePolicy(JSON.parse(text))
 * if (!result.success) for (const issue of result.issues) console.log(issue.path, issue.message)
 */
export function safeParsePolicy(value: unknown): SafePolicyResult {
  const result = PolicySchema.safeParse(value)
  if (result.success) return { success: true, policy: result.data }
  return {
    success: false,
    issues: capIssues(result.error.issues.flatMap((issue) => describeIssue(issue, value, PolicyShape))),
  }
}

/**
 * Parses YAML or JSON policy text (JSON is YAML, so one parser serves both) and validates it.
 * Every issue carries `file`, and `line` and `column` (1-based) of the value it is about; a
 * missing field points at the mapping that should hold it.
 *
 * @example
 * const result = safeLoadPolicy(readFileSync('council.yaml', 'utf8'), 'council.yaml')
 * if (!result.success) console.log(result.issues[0]) // { path: ['keys', 1, 'quorum'], line: 31, column: 13, … }
 */
export function safeLoadPolicy(text: string, file = '<policy>'): SafePolicyResult {
  const result = safeLoadDocument(text, file, PolicySchema, PolicyShape)
  return result.success ? { success: true, policy: result.data } : result
}

/**
 * Like {@link safeLoadPolicy} but throws a `POLICY_INVALID` TwoKeysError listing every issue.
 *
 * @example
 * const policy = loadPolicy(text, 'two-keys.yaml')
 */
export function loadPolicy(text: string, file = '<policy>'): Policy {
  const result = safeLoadPolicy(text, file)
  if (result.success) return result.policy
  throw fileError(
    'POLICY_INVALID',
    'file.invalid',
    { what: 'policy', file, issues: result.issues },
    { issues: result.issues },
  )
}
