import { z } from 'zod'
import { CommandSignatureSchema } from '../domain/CommandSignature.js'
import { canonicalHash } from '../domain/canonicalHash.js'
import { RecordIdSchema } from '../domain/RecordIdSchema.js'
import { KeyEntrySchema, type Keyring } from './KeyringSchema.js'

/**
 * A change to a keyring: keys added, keys revoked. It applies to exactly one keyring (`base`, the
 * hash of the keyring it changes; "" for the first) and makes version `version`. It takes effect
 * only with a signature from a key of every key-holding institution (see applyKeyringChange).
 */
export const KeyringChangeSchema = z.strictObject({
  base: z.string().describe('canonicalHash of the keyring this change applies to; "" for the first keyring.'),
  version: z.number().int().min(1),
  reason: z.string().max(2000).optional(),
  add: z.array(KeyEntrySchema).default([]),
  revoke: z
    .array(z.strictObject({ keyId: RecordIdSchema, at: z.iso.datetime({ offset: true }) }))
    .default([]),
  signatures: z.array(CommandSignatureSchema).default([]),
})

export type KeyringChange = z.output<typeof KeyringChangeSchema>
export type KeyringChangeInput = z.input<typeof KeyringChangeSchema>

/** The hash that names a keyring in a change's `base` and in events: SHA-256 of its RFC 8785 form. */
export function keyringHash(keyring: Keyring | null): string {
  return keyring === null ? '' : canonicalHash(keyring)
}

/** The change without its signatures: what each institution signs. */
export function unsignedChange(change: KeyringChange): Omit<KeyringChange, 'signatures'> {
  const { signatures: _all, ...rest } = change
  return rest
}
