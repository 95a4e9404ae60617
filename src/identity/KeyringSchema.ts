import { z } from 'zod'
import { PolicyRefSchema } from '../domain/PolicyRefSchema.js'
import { RecordIdSchema } from '../domain/RecordIdSchema.js'
import { fromBase64url } from './base64url.js'

const Instant = z.iso.datetime({ offset: true }).describe('An ISO-8601 time, such as "2026-01-01T00:00:00Z".')

/** An Ed25519 public key: 32 bytes, base64url without padding. */
export const PublicKeySchema = z.string().refine((text) => fromBase64url(text)?.length === 32, {
  message: 'an Ed25519 public key is 32 bytes written as base64url without padding (43 characters)',
})

/** One principal's public key, valid in [validFrom, validUntil) and never at or after revokedAt. */
export const KeyEntrySchema = z.strictObject({
  keyId: RecordIdSchema.describe('Names the key in signatures, e.g. "oreshkin-2026".'),
  principal: PolicyRefSchema.describe('The principal the key speaks for.'),
  publicKey: PublicKeySchema,
  validFrom: Instant,
  validUntil: Instant.optional(),
  revokedAt: Instant.optional(),
})

/**
 * Who holds which key: the public half of every principal's Ed25519 keys. A keyring changes
 * only by a keyring change signed by every key-holding institution; `version` counts changes.
 */
export const KeyringSchema = z.strictObject({
  version: z.number().int().min(1),
  entries: z.array(KeyEntrySchema),
})

export type KeyEntry = z.output<typeof KeyEntrySchema>
export type Keyring = z.output<typeof KeyringSchema>

/** The entry of `keyId`, if the keyring has one. */
export function findKeyEntry(keyring: Keyring, keyId: string): KeyEntry | undefined {
  return keyring.entries.find((e) => e.keyId === keyId)
}

/** Why a key may not sign at time `at`, or undefined when it may. */
export function keyValidityProblem(entry: KeyEntry, at: number): string | undefined {
  if (entry.revokedAt !== undefined && at >= Date.parse(entry.revokedAt)) {
    return `key "${entry.keyId}" was revoked at ${entry.revokedAt}`
  }
  if (at < Date.parse(entry.validFrom)) return `key "${entry.keyId}" is valid only from ${entry.validFrom}`
  if (entry.validUntil !== undefined && at >= Date.parse(entry.validUntil)) {
    return `key "${entry.keyId}" expired at ${entry.validUntil}`
  }
  return undefined
}
