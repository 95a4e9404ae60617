import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import { quoteText } from '../domain/quoteText.js'
import type { Issue } from '../domain/TwoKeysError.js'
import { capIssues } from './capIssues.js'
import { describeIssue } from './describeIssue.js'
import { findDuplicateField } from './findDuplicateField.js'
import { locateIssue } from './locateIssue.js'

export type SafeLoadResult<T> = { success: true; data: T } | { success: false; issues: Issue[] }

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
 * Parses YAML or JSON text (JSON is YAML, so one parser serves both) and validates it with a
 * zod schema. Every issue carries `file`, and `line` and `column` (1-based) of the value it is
 * about; a missing field points at the mapping that should hold it. `shape` is the schema used
 * to suggest field names (the schema without its refinements, when it has some).
 *
 * @example
 * const result = safeLoadDocument(text, 'baseline.yaml', ScenarioSchema)
 * if (!result.success) console.log(formatIssues(result.issues))
 */
export function safeLoadDocument<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  shape: z.core.$ZodType = schema,
): SafeLoadResult<T> {
  try {
    return loadDocument(text, file, schema, shape)
  } catch (cause) {
    // The YAML parser and the walkers recurse: a document nested thousands deep overflows the stack.
    if (!(cause instanceof RangeError)) throw cause
    const message = `YAML syntax error: the document nests too deeply to read (${cause.message}); flatten it`
    return { success: false, issues: [{ code: 'syntax', path: [], message, file }] }
  }
}

function loadDocument<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  shape: z.core.$ZodType,
): SafeLoadResult<T> {
  const lineCounter = new LineCounter()
  // yaml's own duplicate-field check is quadratic in a mapping's size; findDuplicateField is not.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false })
  // Only the first syntax error: the ones after it are usually its echoes.
  const [error] = doc.errors
  if (error !== undefined) {
    const start = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0])
    const issue = { code: 'syntax', path: [], message: syntaxMessage(error.message), file }
    return { success: false, issues: [{ ...issue, line: start.line, column: start.col }] }
  }
  const twice = findDuplicateField(doc)
  if (twice !== undefined) {
    const { line, col } = lineCounter.linePos(twice.range?.[0] ?? 0)
    const message = `YAML syntax error: the field ${quoteText(String(twice.value))} appears twice in one mapping; keep one`
    return { success: false, issues: [{ code: 'syntax', path: [], message, file, line, column: col }] }
  }
  let value: unknown
  try {
    value = doc.toJS()
  } catch (cause) {
    // e.g. an alias bomb: yaml refuses to expand too many aliases.
    const message = cause instanceof Error ? cause.message : String(cause)
    return { success: false, issues: [{ code: 'syntax', path: [], message: syntaxMessage(message), file }] }
  }
  const result = schema.safeParse(value)
  if (result.success) return { success: true, data: result.data }
  const issues = capIssues(result.error.issues.flatMap((issue) => describeIssue(issue, value, shape)))
  return {
    success: false,
    issues: issues.map((issue) => ({
      ...issue,
      file,
      ...locateIssue(doc, lineCounter, issue.path, issue.code === 'unrecognized_keys' ? 'key' : 'value'),
    })),
  }
}
