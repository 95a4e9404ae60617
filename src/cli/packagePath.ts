import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  loadPolicyFile,
  PACKAGE_PATH,
  type Policy,
  shippedFile,
  shippedPolicy,
  TwoKeysError,
} from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { packageRoot } from './packageRoot.js'

/**
 * Where a file argument (a policy, a script) points: an existing file first; else a package path
 * such as `twokeys/policies/two-keys.yaml` or `twokeys/examples/seed-walkthrough.yaml`, resolved
 * through the `exports` of the installed twokeys (so it works from any folder); else the text
 * unchanged, for the reader to report as missing. A `twokeys/…` path the package does not ship
 * is NOT_FOUND.
 *
 * @example
 * resolvePackagePath('twokeys/policies/council.yaml') // …/node_modules/twokeys/machines/policies/council.yaml
 */
export function resolvePackagePath(text: string): string {
  if (existsSync(text) || !PACKAGE_PATH.test(text)) return text
  const file = shippedFile(text)
  if (file === undefined)
    throw new TwoKeysError('NOT_FOUND', cliErrorWords().noPackageFile(text, shippedPolicies()))
  return file
}

/** The policy files the package ships (twokeys/policies/…), as its folder holds them. */
function shippedPolicies(): string[] {
  try {
    return readdirSync(join(packageRoot(), 'machines', 'policies'))
      .filter((file) => file.endsWith('.yaml'))
      .sort()
  } catch {
    return ['two-keys.yaml', 'council.yaml', 'single-key.yaml']
  }
}

/**
 * Reads and validates the policy a CLI argument names: a file, a `twokeys/…` package path, or —
 * when no such file is here — a shipped policy's bare name (`two-keys.yaml`).
 */
export function loadCliPolicy(text: string): Policy {
  return loadPolicyFile(resolvePolicyPath(text))
}

/**
 * Where a policy argument points: `resolvePackagePath`, and besides, the bare name of a shipped
 * policy (`two-keys.yaml`) when no file of that name is here.
 *
 * @example
 * resolvePolicyPath('council.yaml') // …/machines/policies/council.yaml (unless ./council.yaml exists)
 */
export function resolvePolicyPath(text: string): string {
  const shipped = existsSync(text) ? undefined : shippedPolicy(text)
  return shipped ?? resolvePackagePath(text)
}
