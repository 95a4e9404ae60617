import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { type Issue, TwoKeysError } from '../domain/TwoKeysError.js'
import { type Policy, PolicySchema } from './PolicySchema.js'

export type SafePolicyResult = { success: true; policy: Policy } | { success: false; issues: Issue[] }

/** Validates an already-parsed policy value; issues are data, never thrown. */
export function safeParsePolicy(value: unknown): SafePolicyResult {
  const result = PolicySchema.safeParse(value)
  if (result.success) return { success: true, policy: result.data }
  return {
    success: false,
    issues: result.error.issues.map((i) => ({
      code: i.code,
      path: i.path as (string | number)[],
      message: i.message,
    })),
  }
}

/** Parses YAML or JSON policy text (JSON is YAML) and validates it. */
export function safeLoadPolicy(text: string, file = '<policy>'): SafePolicyResult {
  let value: unknown
  try {
    value = parse(text)
  } catch (cause) {
    return { success: false, issues: [{ code: 'syntax', path: [], message: String(cause), file }] }
  }
  const result = safeParsePolicy(value)
  return result.success ? result : { success: false, issues: result.issues.map((i) => ({ ...i, file })) }
}

/** Like {@link safeLoadPolicy} but throws a `POLICY_INVALID` TwoKeysError listing every issue. */
export function loadPolicy(text: string, file = '<policy>'): Policy {
  const result = safeLoadPolicy(text, file)
  if (result.success) return result.policy
  const lines = result.issues.map((i) => `  ✖ ${i.path.join('.') || '(root)'}: ${i.message}`)
  throw new TwoKeysError('POLICY_INVALID', `policy ${file} is invalid:\n${lines.join('\n')}`, {
    issues: result.issues,
  })
}

/** Reads and validates a policy file (YAML or JSON). */
export function loadPolicyFile(path: string): Policy {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new TwoKeysError('POLICY_INVALID', `cannot read policy file "${path}": check the path`, { cause })
  }
  return loadPolicy(text, path)
}
