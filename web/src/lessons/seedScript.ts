import text from '../../../examples/seed-walkthrough.yaml?raw'
import { loadPolicy } from '../../../src/policy/loadPolicy.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { safeLoadDocument } from '../../../src/policy/safeLoadDocument.js'
import { type Script, ScriptSchema } from '../../../src/script/ScriptSchema.js'
import { shippedPolicy } from '../shippedPolicies.js'

export const SEED_SCRIPT_FILE = 'examples/seed-walkthrough.yaml'

/**
 * The seed story (examples/seed-walkthrough.yaml, bundled at build time) and the shipped policy
 * it names. The script's policy path is relative to the script; the page has the shipped
 * policies by file name.
 */
export function loadSeedScript(): { script: Script; policy: Policy; policyFile: string } {
  const result = safeLoadDocument(text, SEED_SCRIPT_FILE, ScriptSchema)
  if (!result.success) {
    throw new Error(`${SEED_SCRIPT_FILE} is invalid: ${result.issues.map((i) => i.message).join('; ')}`)
  }
  const policyFile = result.data.policy.slice(result.data.policy.lastIndexOf('/') + 1)
  return { script: result.data, policy: loadPolicy(shippedPolicy(policyFile).text, policyFile), policyFile }
}
