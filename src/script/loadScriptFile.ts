import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { LineCounter, parseDocument } from 'yaml'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { describeIssue } from '../policy/describeIssue.js'
import { formatPath } from '../policy/formatPath.js'
import { locateIssue } from '../policy/locateIssue.js'
import { type Script, ScriptSchema } from './ScriptSchema.js'

/**
 * Reads a script (YAML or JSON) with located errors, and resolves its policy path against the
 * script's folder.
 *
 * @example
 * const { script, policyPath } = loadScriptFile('examples/seed-walkthrough.yaml')
 */
export function loadScriptFile(path: string): { script: Script; policyPath: string } {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new TwoKeysError('COMMAND_INVALID', `cannot read script file "${path}": check the path`, { cause })
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  const [error] = doc.errors
  if (error !== undefined) {
    const at = error.linePos?.[0]
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `script ${path} is not valid YAML: ${error.message.split('\n')[0]}${at === undefined ? '' : `\n    → at ${path}:${at.line}:${at.col}`}`,
    )
  }
  const value = doc.toJS()
  const result = ScriptSchema.safeParse(value)
  if (!result.success) {
    const issues = result.error.issues
      .flatMap((issue) => describeIssue(issue, value, ScriptSchema))
      .map((issue) => ({ ...issue, file: path, ...locateIssue(doc, lineCounter, issue.path) }))
    const lines = issues.map(
      (i) =>
        `  ✖ ${i.path.length === 0 ? '' : `${formatPath(i.path)}: `}${i.message}\n    → at ${path}:${i.line}:${i.column}`,
    )
    throw new TwoKeysError('COMMAND_INVALID', `script ${path} is invalid:\n${lines.join('\n')}`, { issues })
  }
  return { script: result.data, policyPath: resolve(dirname(path), result.data.policy) }
}
