import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { canonicalJson } from '../domain/canonicalHash.js'
import type { StoredSnapshot } from '../stores/Store.js'
import { engineError } from './engineMessages.js'

/** The shortest snapshot key accepted: 128 bits, as bytes or UTF-8 characters. */
export const MIN_SNAPSHOT_KEY_BYTES = 16

/** The bytes of an engine's snapshot key; refuses keys too short to keep a forger out. */
export function snapshotKeyBytes(key: string | Uint8Array): Uint8Array {
  const bytes = typeof key === 'string' ? utf8ToBytes(key) : key
  if (bytes.length < MIN_SNAPSHOT_KEY_BYTES) {
    throw engineError('CONFIG_INVALID', 'engine.snapshotKeyShort', {
      bytes: bytes.length,
      min: MIN_SNAPSHOT_KEY_BYTES,
    })
  }
  return bytes
}

/**
 * The seal of a snapshot: HMAC-SHA256, under a key only the engine holds, of the RFC 8785 form of
 * the snapshot and the initiative it belongs to, behind a fixed domain-separation label. Anyone
 * who can write the database can recompute a hash, but not this.
 *
 * @example
 * const seal = snapshotSeal(key, 'kazan', { seq: 50, hash, policyHash, state })
 */
export function snapshotSeal(
  key: Uint8Array,
  initiativeId: string,
  snapshot: Omit<StoredSnapshot, 'seal'>,
): string {
  const { seq, hash, policyHash, state } = snapshot
  const text = canonicalJson({ domain: 'twokeys/snapshot/v1', initiativeId, seq, hash, policyHash, state })
  return bytesToHex(hmac(sha256, key, utf8ToBytes(text)))
}

/** True when the snapshot's seal is the one this key makes (compared in constant time). */
export function snapshotSealValid(key: Uint8Array, initiativeId: string, snapshot: StoredSnapshot): boolean {
  if (typeof snapshot.seal !== 'string' || snapshot.seal.length !== 64) return false
  let expected: string
  try {
    expected = snapshotSeal(key, initiativeId, snapshot)
  } catch {
    return false // a state with no JSON form was not written by an engine
  }
  let difference = 0
  for (let i = 0; i < 64; i++) difference |= expected.charCodeAt(i) ^ snapshot.seal.charCodeAt(i)
  return difference === 0
}
