import { fromBase64url, toBase64url } from './base64url.js'
import { ed25519Sign } from './ed25519.js'
import { type KeyringChange, unsignedChange } from './KeyringChange.js'
import type { PrivateKeyFile } from './PrivateKeyFile.js'
import { signingBytes } from './signingBytes.js'

/**
 * Adds one institution's signature to a keyring change (each institution signs the same change,
 * in any order; `twokeys keys sign-change` does this from the command line).
 *
 * @example
 * const change = signKeyringChange(signKeyringChange(draft, oreshkinKey), grigorenkoKey)
 */
export function signKeyringChange(change: KeyringChange, key: PrivateKeyFile): KeyringChange {
  const bytes = signingBytes('twokeys/keyring-change/v1', unsignedChange(change))
  const value = toBase64url(ed25519Sign(fromBase64url(key.d) as Uint8Array, bytes))
  const others = change.signatures.filter((s) => s.keyId !== key.kid)
  return { ...change, signatures: [...others, { keyId: key.kid, value }] }
}
