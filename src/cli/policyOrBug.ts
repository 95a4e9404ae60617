import { join } from 'node:path'
import { findBug, type InitiativeMachine, type Policy, TwoKeysError } from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { loadCliPolicy } from './packagePath.js'
import { packageRoot } from './packageRoot.js'

/**
 * The policy (and machine) a command that takes `[policy] [--bug name]` works on: the catalogued
 * broken machine on its shipped policy (or on the policy given), else the policy file; `machine`
 * is undefined for a policy's own machine, and `bugBase` is the policy a bug was built from (worker
 * threads rebuild the bug's machine from it). `doing` says what the command does, for the error
 * when neither is given.
 *
 * @example
 * policyOrBug(undefined, 'quorum-off-by-one', 'verify') // council.yaml with the broken machine
 */
export function policyOrBug(
  policyPath: string | undefined,
  bugName: string | undefined,
  doing: string,
): { policy: Policy; machine: InitiativeMachine | undefined; bugBase?: Policy } {
  if (bugName !== undefined) {
    const bug = findBug(bugName)
    const base = loadCliPolicy(
      policyPath ?? join(packageRoot(), 'machines', 'policies', `${bug.basePolicy}.yaml`),
    )
    return { ...bug.build(base), bugBase: base }
  }
  if (policyPath === undefined) {
    throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().givePolicyOrBug(doing))
  }
  return { policy: loadCliPolicy(policyPath), machine: undefined }
}
