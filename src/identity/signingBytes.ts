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
  return signingBytesOfCanonical(domain, canonicalJson(payload))
}

// One encoder for every call: @noble's utf8ToBytes made a new one, then copied and wiped its output,
// which showed in the cost of every signed command.
const encoder = new TextEncoder()

/** As {@link signingBytes}, for a payload whose canonical JSON the caller has rendered already. */
export function signingBytesOfCanonical(domain: SigningDomain, canonical: string): Uint8Array {
  return encoder.encode(`${domain}\n${canonical}`)
}
