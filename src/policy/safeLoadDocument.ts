import { LineCounter, parseDocument } from 'yaml'
import type { z } from 'zod'
import type { Issue } from '../domain/TwoKeysError.js'
import { capIssues } from './capIssues.js'
import { describeIssue } from './describeIssue.js'
import type { DocumentKind } from './fileMessages.js'
import { findDuplicateField } from './findDuplicateField.js'
import { locateIssue } from './locateIssue.js'
import { keepPhrase } from './phrased.js'
import { phrasedIssue } from './phrasedIssue.js'
import { policyPhrase, type SyntaxAdvice } from './policyMessages.js'

export type SafeLoadResult<T> = { success: true; data: T } | { success: false; issues: Issue[] }

/** Advice for yaml's messages, by what they say: the usual cause of each. */
const ADVICE_FOR: [RegExp, SyntaxAdvice][] = [
  [/must be unique/, 'unique'],
  [/Implicit (map )?keys/, 'colon'],
  [/Tabs/, 'tabs'],
  [/closing .?quote/, 'quote'],
  [/Missing , /, 'commas'],
  [/end with an? [\]}]/, 'brackets'],
  [/indent|same column|Nested mappings|compact mappings/i, 'indent'],
  [/multiple documents/, 'documents'],
]

/** yaml's messages end with " at line 3, column 1:" and a code excerpt; the location is kept apart. */
function syntaxIssue(message: string): Issue {
  const detail = (message.split('\n')[0] ?? message)
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/; please use .*$/, '')
  const advice = ADVICE_FOR.find(([pattern]) => pattern.test(detail))?.[1] ?? null
  return phrasedIssue('syntax', [], policyPhrase('syntax.yaml', { detail, advice }))
}

/**
 * Parses YAML or JSON text (JSON is YAML, so one parser serves both) and validates it with a
 * zod schema. Every issue carries `file`, and `line` and `column` (1-based) of the value it is
 * about; a missing field points at the mapping that should hold it. `shape` is the schema used
 * to suggest field names (the schema without its refinements, when it has some); `what` is the
 * kind of document, named when the text is empty or not a mapping.
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
  what: DocumentKind = 'policy',
): SafeLoadResult<T> {
  try {
    return loadDocument(text, file, schema, shape, what)
  } catch (cause) {
    // The YAML parser and the walkers recurse: a document nested thousands deep overflows the stack.
    if (!(cause instanceof RangeError)) throw cause
    const issue = phrasedIssue('syntax', [], policyPhrase('syntax.tooDeep', { detail: cause.message }))
    return { success: false, issues: [keepPhrase(issue, { ...issue, file })] }
  }
}

function loadDocument<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  shape: z.core.$ZodType,
  what: DocumentKind,
): SafeLoadResult<T> {
  const lineCounter = new LineCounter()
  // yaml's own duplicate-field check is quadratic in a mapping's size; findDuplicateField is not.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false })
  // Only the first syntax error: the ones after it are usually its echoes.
  const [error] = doc.errors
  if (error !== undefined) {
    const start = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0])
    const issue = syntaxIssue(error.message)
    return {
      success: false,
      issues: [keepPhrase(issue, { ...issue, file, line: start.line, column: start.col })],
    }
  }
  const twice = findDuplicateField(doc)
  if (twice !== undefined) {
    const { line, col } = lineCounter.linePos(twice.range?.[0] ?? 0)
    const issue = phrasedIssue(
      'syntax',
      [],
      policyPhrase('syntax.fieldTwice', { field: String(twice.value) }),
    )
    return { success: false, issues: [keepPhrase(issue, { ...issue, file, line, column: col })] }
  }
  let value: unknown
  try {
    value = doc.toJS()
  } catch (cause) {
    // e.g. an alias bomb: yaml refuses to expand too many aliases.
    const issue = syntaxIssue(cause instanceof Error ? cause.message : String(cause))
    return { success: false, issues: [keepPhrase(issue, { ...issue, file })] }
  }
  const result = schema.safeParse(value)
  if (result.success) return { success: true, data: result.data }
  const issues = capIssues(result.error.issues.flatMap((issue) => describeIssue(issue, value, shape, what)))
  return {
    success: false,
    issues: issues.map((issue) =>
      keepPhrase(issue, {
        ...issue,
        file,
        ...locateIssue(doc, lineCounter, issue.path, issue.code === 'unrecognized_keys' ? 'key' : 'value'),
      }),
    ),
  }
}
