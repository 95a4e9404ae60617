import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileError } from '../policy/fileMessages.js'
import { safeLoadDocument } from '../policy/safeLoadDocument.js'
import { PACKAGE_PATH, shippedFile, shippedPolicy } from '../policy/shippedFile.js'
import { type Script, ScriptSchema } from './ScriptSchema.js'

/**
 * Where a script's `policy:` points, as `twokeys run --policy` finds a policy: a file next to the
 * script first; else a `twokeys/…` package path, or the bare name of a shipped policy
 * (`two-keys.yaml`). A `twokeys/…` path the package does not ship comes back as written, so that
 * the CLI refuses it naming what the package ships.
 */
function scriptPolicyPath(scriptPath: string, policy: string): string {
  const beside = resolve(dirname(scriptPath), policy)
  if (existsSync(beside)) return beside
  if (PACKAGE_PATH.test(policy)) return shippedFile(policy) ?? policy
  return shippedPolicy(policy) ?? beside
}

/**
 * Reads a script (YAML or JSON) with located errors, and resolves its policy: a path relative to
 * the script's folder, else a shipped policy (`twokeys/policies/two-keys.yaml`, or `two-keys.yaml`).
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
  const result = safeLoadDocument(text, path, ScriptSchema, ScriptSchema, 'script')
  if (!result.success) {
    throw fileError(
      'COMMAND_INVALID',
      'file.invalid',
      { what: 'script', file: path, issues: result.issues },
      { issues: result.issues },
    )
  }
  return { script: result.data, policyPath: scriptPolicyPath(path, result.data.policy) }
}
