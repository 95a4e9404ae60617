import { z } from 'zod'
import { PolicyRefSchema } from '../domain/PolicyRefSchema.js'
import { RecordIdSchema } from '../domain/RecordIdSchema.js'
import { fromBase64url } from './base64url.js'
import { type KeyProblem, keyProblem, renderKeyProblem } from './identityMessages.js'

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

// The times of an entry, parsed once: a keyring is checked against every signed command, and
// three Date.parse calls per command were a visible share of a signature's cost. The texts are
// kept beside the numbers, so an entry changed in place is parsed again.
interface EntryTimes {
  texts: [string, string | undefined, string | undefined]
  from: number
  until: number
  revoked: number
}
const entryTimes = new WeakMap<KeyEntry, EntryTimes>()

function timesOf(entry: KeyEntry): EntryTimes {
  const cached = entryTimes.get(entry)
  if (
    cached !== undefined &&
    cached.texts[0] === entry.validFrom &&
    cached.texts[1] === entry.validUntil &&
    cached.texts[2] === entry.revokedAt
  )
    return cached
  const times: EntryTimes = {
    texts: [entry.validFrom, entry.validUntil, entry.revokedAt],
    from: Date.parse(entry.validFrom),
    until: entry.validUntil === undefined ? Number.NaN : Date.parse(entry.validUntil),
    revoked: entry.revokedAt === undefined ? Number.NaN : Date.parse(entry.revokedAt),
  }
  entryTimes.set(entry, times)
  return times
}

/** Why a key may not sign at time `at`, as a phrase, or undefined when it may. */
export function keyValidityPhrase(entry: KeyEntry, at: number): KeyProblem | undefined {
  const times = timesOf(entry)
  // A time that did not parse is NaN, which compares false, as it did when parsed here each time.
  if (entry.revokedAt !== undefined && at >= times.revoked) {
    return keyProblem('key.revoked', { keyId: entry.keyId, at: entry.revokedAt })
  }
  if (at < times.from) return keyProblem('key.notYetValid', { keyId: entry.keyId, from: entry.validFrom })
  if (entry.validUntil !== undefined && at >= times.until) {
    return keyProblem('key.expired', { keyId: entry.keyId, at: entry.validUntil })
  }
  return undefined
}

/** Why a key may not sign at time `at`, in English, or undefined when it may. */
export function keyValidityProblem(entry: KeyEntry, at: number): string | undefined {
  const problem = keyValidityPhrase(entry, at)
  return problem === undefined ? undefined : renderKeyProblem(problem)
}
