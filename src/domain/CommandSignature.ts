import { z } from 'zod'
import { RecordIdSchema } from './RecordIdSchema.js'

/**
 * A command's signature: the key that made it (an id in the keyring) and the Ed25519 signature,
 * 64 bytes in base64url, over the command's signing bytes (see the README, "The signed command").
 */
export const CommandSignatureSchema = z.strictObject({
  keyId: RecordIdSchema.describe('The keyring entry of the signing key.'),
  value: z.string().max(128).describe('The Ed25519 signature, base64url without padding.'),
})

export type CommandSignature = z.output<typeof CommandSignatureSchema>
