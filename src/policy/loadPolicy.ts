import { readFileSync } from 'node:fs'
import { LineCounter, parseDocument } from 'yaml'
import { type Issue, TwoKeysError } from '../domain/TwoKeysError.js'
import { describeIssue } from './describeIssue.js'
import { formatPath } from './formatPath.js'
import { locateIssue } from './locateIssue.js'
import { type Policy, PolicySchema, PolicyShape } from './PolicySchema.js'

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
    issues: result.error.issues.flatMap((issue) => describeIssue(issue, value, PolicyShape)),
  }
}

/** Advice for yaml's messages, by what they say: the usual cause of each. */
const SYNTAX_ADVICE: [RegExp, string][] = [
  [/must be unique/, 'a field appears twice in one mapping; keep one'],
  [/Implicit (map )?keys/, 'is a colon missing after a field name (as in `quorum: 1`)?'],
  [/Tabs/, 'indent with spaces, not tabs'],
  [/closing .?quote/, 'close the quote'],
  [/Missing , /, 'separate the items with commas'],
  [/end with an? [\]}]/, 'close every [ and { that was opened'],
  [/indent|same column|Nested mappings|compact mappings/i, 'check the indentation'],
  [/multiple documents/, 'a policy is one document; remove the `---` line or split the file'],
]

/** yaml's messages end with " at line 3, column 1:" and a code excerpt; the location is kept apart. */
function syntaxMessage(message: string): string {
  const first = (message.split('\n')[0] ?? message)
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/; please use .*$/, '')
  const advice =
    SYNTAX_ADVICE.find(([pattern]) => pattern.test(first))?.[1] ?? 'fix the YAML so that it parses'
  return `YAML syntax error: ${first}; ${advice}`
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
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: true })
  // Only the first syntax error: the ones after it are usually its echoes.
  const [error] = doc.errors
  if (error !== undefined) {
    const start = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0])
    const issue = { code: 'syntax', path: [], message: syntaxMessage(error.message), file }
    return { success: false, issues: [{ ...issue, line: start.line, column: start.col }] }
  }
  let value: unknown
  try {
    value = doc.toJS()
  } catch (cause) {
    // e.g. an alias bomb: yaml refuses to expand too many aliases.
    const message = cause instanceof Error ? cause.message : String(cause)
    const issue = { code: 'syntax', path: [], message: syntaxMessage(message), file }
    return { success: false, issues: [{ ...issue, line: 1, column: 1 }] }
  }
  const result = safeParsePolicy(value)
  if (result.success) return result
  return {
    success: false,
    issues: result.issues.map((issue) => ({
      ...issue,
      file,
      ...locateIssue(doc, lineCounter, issue.path, issue.code === 'unrecognized_keys' ? 'key' : 'value'),
    })),
  }
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
  const lines = result.issues.map(
    (i) =>
      `  ✖ ${i.path.length === 0 ? '' : `${formatPath(i.path)}: `}${i.message}` +
      (i.line === undefined ? '' : `\n    → at ${i.file}:${i.line}:${i.column}`),
  )
  throw new TwoKeysError('POLICY_INVALID', `policy ${file} is invalid:\n${lines.join('\n')}`, {
    issues: result.issues,
  })
}

/**
 * Reads and validates a policy file (YAML or JSON).
 *
 * @example
 * const policy = loadPolicyFile('machines/policies/two-keys.yaml')
 */
export function loadPolicyFile(path: string): Policy {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new TwoKeysError('POLICY_INVALID', `cannot read policy file "${path}": check the path`, { cause })
  }
  return loadPolicy(text, path)
}
