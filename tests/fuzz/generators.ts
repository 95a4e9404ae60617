/**
 * The fuzzer's generators and targets, shared by `npm run fuzz` (scripts/fuzz.ts, at scale) and its
 * CI slice (tests/fuzz/fuzz.test.ts). Each target pairs a fast-check arbitrary of hostile inputs —
 * structured mutations of valid commands, policies, scripts, scenarios and audit logs — with the
 * laws every input must keep (tests/fuzz/laws.ts).
 */
import { auditImportTarget, mangledLog } from './auditTarget.js'
import { type CliCase, cliCase, cliTarget } from './cliTarget.js'
import { type Attempt, attempt, type EngineCase, engineCase } from './commandAttempts.js'
import { documentFrom, policyTarget, scenarioTarget, scriptTarget } from './documentTargets.js'
import { engineMemoryTarget, engineStoresTarget } from './engineTargets.js'
import type { FuzzTarget } from './FuzzTarget.js'

export type { Attempt, CliCase, EngineCase }
export { attempt, cliCase, documentFrom, engineCase, mangledLog }

/** Every target; `spawnEvery` > 0 also runs every n-th CLI input as a real process. */
export function fuzzTargets(options: { spawnEvery?: number } = {}): FuzzTarget[] {
  return [
    engineMemoryTarget,
    engineStoresTarget,
    policyTarget,
    scenarioTarget,
    scriptTarget,
    auditImportTarget,
    cliTarget(options.spawnEvery ?? 0),
  ] as FuzzTarget[]
}
