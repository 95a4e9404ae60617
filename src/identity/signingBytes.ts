import { utf8ToBytes } from '@noble/hashes/utils.js'
import { canonicalJson } from '../domain/canonicalHash.js'

/** What a signature may be made for; each has its own prefix, so no signature counts for another kind. */
export type SigningDomain = 'twokeys/command/v1' | 'twokeys/keyring-change/v1'

/**
 * The bytes an Ed25519 signature covers: the domain-separation label, a newline, then the RFC 8785
 * canonical JSON of the payload, as UTF-8.
 *
 * @example
 * signingBytes('twokeys/command/v1', { command, keyId }) // "twokeys/command/v1\n{\"command\":…"
 */
export function signingBytes(domain: SigningDomain, payload: unknown): Uint8Array {
  return utf8ToBytes(`${domain}\n${canonicalJson(payload)}`)
}
