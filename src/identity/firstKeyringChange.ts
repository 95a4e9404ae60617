import type { Policy } from '../policy/PolicySchema.js'
import { signingInstitutions } from './applyKeyringChange.js'
import { identityError } from './identityMessages.js'
import type { KeyringChange } from './KeyringChange.js'
import type { PrivateKeyFile } from './PrivateKeyFile.js'
import { signKeyringChange } from './signKeyringChange.js'

/**
 * The first keyring of a set of private keys, listing each from `validFrom`, signed — as every
 * keyring change must be — by one key of each key-holding institution of the policy (the first
 * such key given). For scripts, demos, tests and benchmarks that hold every key themselves.
 *
 * @example
 * await engine.changeKeyring(firstKeyringChange(policy, [oreshkinKey, grigorenkoKey], '2026-01-01T00:00:00Z'))
 */
export function firstKeyringChange(
  policy: Policy,
  keys: readonly PrivateKeyFile[],
  validFrom: string,
  reason?: string,
): KeyringChange {
  let change: KeyringChange = {
    base: '',
    version: 1,
    ...(reason === undefined ? {} : { reason }),
    add: keys.map((k) => ({ keyId: k.kid, principal: k.principal, publicKey: k.x, validFrom })),
    revoke: [],
    signatures: [],
  }
  for (const institution of signingInstitutions(policy)) {
    const signer = keys.find(
      (k) => policy.principals.find((p) => p.id === k.principal)?.institution === institution,
    )
    if (signer === undefined) {
      throw identityError('SCENARIO_INVALID', 'keyring.noSigner', { institution })
    }
    change = signKeyringChange(change, signer)
  }
  return change
}
