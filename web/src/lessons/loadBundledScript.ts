import { loadPolicy } from '../../../src/policy/loadPolicy.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { safeLoadDocument } from '../../../src/policy/safeLoadDocument.js'
import { type Script, ScriptSchema } from '../../../src/script/ScriptSchema.js'
import { shippedPolicy } from '../shippedPolicies.js'

/** A script bundled into the page, with the policy it runs on. */
export interface BundledScript {
  script: Script
  policy: Policy
  /** The policy's file name (`seed.yaml`). */
  policyFile: string
  /** Where the script lives in the repository (`examples/seed-walkthrough.yaml`). */
  scriptFile: string
}

/**
 * Parses a script bundled at build time and loads the policy it names. The script's policy path
 * is relative to the script, which the page does not have: the policy is the shipped one of that
 * file name, unless its text is bundled alongside (`policyText`).
 */
export function loadBundledScript(text: string, scriptFile: string, policyText?: string): BundledScript {
  const result = safeLoadDocument(text, scriptFile, ScriptSchema)
  if (!result.success) {
    throw new Error(`${scriptFile} is invalid: ${result.issues.map((i) => i.message).join('; ')}`)
  }
  const policyFile = result.data.policy.slice(result.data.policy.lastIndexOf('/') + 1)
  const policy = loadPolicy(policyText ?? shippedPolicy(policyFile).text, policyFile)
  return { script: result.data, policy, policyFile, scriptFile }
}
