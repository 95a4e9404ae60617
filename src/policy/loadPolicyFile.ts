import { readFileSync } from 'node:fs'
import { fileError } from './fileMessages.js'
import { loadPolicy } from './loadPolicy.js'
import type { Policy } from './PolicySchema.js'

// Its own file: the only part of policy loading that touches the file system, so the browser
// playground can load policies from text without pulling in node:fs.
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
    throw fileError('POLICY_INVALID', 'file.unreadable', { what: 'policy', path }, { cause })
  }
  return loadPolicy(text, path)
}
