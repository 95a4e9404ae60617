import { z } from 'zod'
import { PolicyRefSchema } from '../domain/PolicyRefSchema.js'
import { RecordIdSchema } from '../domain/RecordIdSchema.js'
import { fromBase64url, toBase64url } from './base64url.js'
import { ed25519PublicKey, ed25519RandomSeed } from './ed25519.js'
import { type KeyEntry, PublicKeySchema } from './KeyringSchema.js'

/**
 * A principal's private key as a file: an Ed25519 JSON Web Key (RFC 8037: `kty` OKP, `crv`
 * Ed25519, `x` the public key, `d` the 32-byte seed, both base64url) with `kid`, the key id, and
 * `principal`. Readable by jose, Python's cryptography and OpenSSL tools.
 */
export const PrivateKeyFileSchema = z
  .strictObject({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: PublicKeySchema,
    d: z
      .string()
      .refine((d) => fromBase64url(d)?.length === 32, { message: 'd must be a 32-byte seed, base64url' }),
    kid: RecordIdSchema,
    principal: PolicyRefSchema,
    note: z.string().max(500).optional().describe('Free text, e.g. that a key is a demo key.'),
  })
  .refine(
    (k) => {
      const seed = fromBase64url(k.d)
      // a bad seed is d's own issue (this check runs beside it, and the key maths would throw)
      return seed?.length !== 32 || toBase64url(ed25519PublicKey(seed)) === k.x
    },
    {
      message: 'x is not the public key of d: the file is damaged',
    },
  )

export type PrivateKeyFile = z.output<typeof PrivateKeyFileSchema>

/**
 * A new key pair for `principal`: the private key file to keep (owner-only) and the public entry
 * to add to the keyring through a keyring change.
 *
 * @example
 * const { privateKey, entry } = newKeyPair('oreshkin', 'oreshkin-2026', '2026-01-01T00:00:00Z')
 */
export function newKeyPair(
  principal: string,
  keyId: string,
  validFrom: string,
  seed: Uint8Array = ed25519RandomSeed(),
): { privateKey: PrivateKeyFile; entry: KeyEntry } {
  const x = toBase64url(ed25519PublicKey(seed))
  return {
    privateKey: { kty: 'OKP', crv: 'Ed25519', x, d: toBase64url(seed), kid: keyId, principal },
    entry: { keyId, principal, publicKey: x, validFrom },
  }
}
