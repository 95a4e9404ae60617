import { newKeyPair } from '../../src/identity/PrivateKeyFile.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'

/** The shipped two-keys policy, as asserted (the default) and as `identity: signed`. */
export const asserted = loadPolicyFile('machines/policies/two-keys.yaml')
export const signedPolicy = PolicySchema.parse({ ...asserted, id: 'two-keys-signed', identity: 'signed' })

/** When the test keys start to sign. */
export const KEYS_FROM = '2026-01-01T00:00:00Z'
const seed = (n: number) => new Uint8Array(32).fill(n)

/** Fixed private keys (seeds 1, 2, 3) of the two co-chairs and the sponsoring ministry. */
export const seedKeys = {
  oreshkin: newKeyPair('oreshkin', 'oreshkin-1', KEYS_FROM, seed(1)).privateKey,
  grigorenko: newKeyPair('grigorenko', 'grigorenko-1', KEYS_FROM, seed(2)).privateKey,
  minzifry: newKeyPair('minzifry', 'minzifry-1', KEYS_FROM, seed(3)).privateKey,
}
