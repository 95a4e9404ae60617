import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { formatIssues } from '../policy/formatIssues.js'
import { safeLoadDocument } from '../policy/safeLoadDocument.js'
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
  const result = safeLoadDocument(text, path, ScriptSchema)
  if (!result.success) {
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `script ${path} is invalid:\n${formatIssues(result.issues, { color: false })}`,
      { issues: result.issues },
    )
  }
  return { script: result.data, policyPath: resolve(dirname(path), result.data.policy) }
}
