import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileError } from '../policy/fileMessages.js'
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
    throw fileError('COMMAND_INVALID', 'file.unreadable', { what: 'script', path }, { cause })
  }
  const result = safeLoadDocument(text, path, ScriptSchema)
  if (!result.success) {
    throw fileError(
      'COMMAND_INVALID',
      'file.invalid',
      { what: 'script', file: path, issues: result.issues },
      { issues: result.issues },
    )
  }
  return { script: result.data, policyPath: resolve(dirname(path), result.data.policy) }
}
