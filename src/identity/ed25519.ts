import { ed25519 } from '@noble/curves/ed25519.js'
import { fromBase64url, toBase64url } from './base64url.js'

interface NodeCrypto {
  sign(algorithm: null, data: Uint8Array, key: unknown): Uint8Array
  verify(algorithm: null, data: Uint8Array, key: unknown, signature: Uint8Array): boolean
  createPublicKey(options: { key: object; format: 'jwk' }): unknown
  createPrivateKey(options: { key: object; format: 'jwk' }): unknown
}

// In Node, OpenSSL's Ed25519 is several times faster than pure JavaScript; the browser uses
// @noble/curves. Both implement RFC 8032, so signatures are interchangeable.
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => NodeCrypto | undefined } }
).process?.getBuiltinModule?.('node:crypto')

// Parsing a key is a large share of one verification; a keyring has few keys, so keep them parsed.
const publicKeys = new Map<string, unknown>()
const MAX_CACHED = 10_000

function nodePublicKey(publicKey: Uint8Array, crypto: NodeCrypto): unknown {
  const x = toBase64url(publicKey)
  let key = publicKeys.get(x)
  if (key === undefined) {
    key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' })
    if (publicKeys.size >= MAX_CACHED) publicKeys.clear()
    publicKeys.set(x, key)
  }
  return key
}

/** True when `signature` is an Ed25519 signature of `message` by `publicKey` (32 bytes). Never throws. */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32) return false
  return ed25519VerifyWith(publicKey, publicKey, message, signature)
}

/**
 * As {@link ed25519Verify}, for a public key given as base64url (as keyrings keep it): the parsed
 * key is cached under that text, so a keyring's keys are decoded once, not once per signature.
 */
export function ed25519VerifyBase64url(
  publicKey: string,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (nodeCrypto !== undefined) {
    let key = publicKeys.get(publicKey)
    if (key === undefined) {
      const bytes = fromBase64url(publicKey)
      if (bytes === undefined || bytes.length !== 32) return false
      key = nodePublicKey(bytes, nodeCrypto)
    }
    return ed25519VerifyWith(key, undefined, message, signature)
  }
  const bytes = fromBase64url(publicKey)
  return bytes !== undefined && bytes.length === 32 && ed25519VerifyWith(undefined, bytes, message, signature)
}

function ed25519VerifyWith(
  nodeKey: unknown,
  bytes: Uint8Array | undefined,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== 64) return false
  try {
    if (nodeCrypto === undefined) return ed25519.verify(signature, message, bytes as Uint8Array)
    const key = nodeKey instanceof Uint8Array ? nodePublicKey(nodeKey, nodeCrypto) : nodeKey
    return nodeCrypto.verify(null, message, key, signature)
  } catch {
    return false // not a point on the curve: no signature verifies
  }
}

/** The public key (32 bytes) of an Ed25519 private key given as its 32-byte seed. */
export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(seed)
}

/**
 * An Ed25519 signature (64 bytes) of `message` under the private key `seed` (32 bytes); pass the
 * public key when it is known (a key file carries it) to spare deriving it.
 */
export function ed25519Sign(seed: Uint8Array, message: Uint8Array, publicKey?: Uint8Array): Uint8Array {
  if (nodeCrypto === undefined) return ed25519.sign(message, seed)
  const x = toBase64url(publicKey ?? ed25519PublicKey(seed))
  const key = nodeCrypto.createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', x, d: toBase64url(seed) },
    format: 'jwk',
  })
  return new Uint8Array(nodeCrypto.sign(null, message, key))
}

/** A new private key seed from the platform's secure random source. */
export function ed25519RandomSeed(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32))
}
