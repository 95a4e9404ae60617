import { firstKeyringChange } from '../identity/firstKeyringChange.js'
import type { KeyringChange } from '../identity/KeyringChange.js'
import { newKeyPair, type PrivateKeyFile } from '../identity/PrivateKeyFile.js'
import type { Policy } from '../policy/PolicySchema.js'

/** The keys a signed script run signs with, by principal, and the first keyring they make. */
export interface ScriptKeys {
  byPrincipal: Map<string, PrivateKeyFile>
  genesis: KeyringChange
}

/**
 * The keys of a signed run: the given private key files, or — when none are given — a fresh key
 * for every principal of the policy, made for this run and never written anywhere. The first
 * keyring lists them all from `validFrom` and is signed by one key of each key-holding
 * institution, as any keyring change must be.
 *
 * @example
 * const { byPrincipal, genesis } = scriptKeys(policy, [], '2026-03-02T09:00:00Z')
 */
export function scriptKeys(policy: Policy, files: readonly PrivateKeyFile[], validFrom: string): ScriptKeys {
  const keys =
    files.length > 0
      ? [...files]
      : policy.principals.map((p) => newKeyPair(p.id, `${p.id}-run`, validFrom).privateKey)
  const byPrincipal = new Map(keys.map((k) => [k.principal, k]))
  const reason = files.length > 0 ? 'the keys of this script run' : 'keys made for this run and forgotten'
  const genesis = firstKeyringChange(policy, keys, validFrom, reason)
  return { byPrincipal, genesis }
}
