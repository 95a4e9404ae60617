import type { Policy } from '../policy/PolicySchema.js'
import { fromBase64url } from './base64url.js'
import { ed25519Verify } from './ed25519.js'
import { identityError, type KeyProblem, keyProblem, renderKeyProblem } from './identityMessages.js'
import { type KeyringChange, keyringHash, unsignedChange } from './KeyringChange.js'
import { findKeyEntry, type KeyEntry, type Keyring, keyValidityPhrase } from './KeyringSchema.js'
import { signingBytes } from './signingBytes.js'

/** A refused change: each problem is one of `reasons`, in English; the phrases word them elsewhere. */
const refuse = (...problems: KeyProblem[]) =>
  identityError(
    'UNAUTHENTICATED',
    'keyring.refused',
    { problems },
    { reasons: problems.map((p) => renderKeyProblem(p)) },
  )

/** The institutions whose signatures a keyring change needs: one per key of the policy. */
export function signingInstitutions(policy: Policy): string[] {
  return [...new Set(policy.keys.map((k) => k.institution))]
}

/**
 * The keyring after a change, if the change is signed by a key of **every** key-holding
 * institution — two keys for the keyring too, never the operator alone. Signing keys are taken
 * from the keyring the change applies to (for the first keyring, from the keys it adds), must be
 * valid at `at` and belong to a principal of that institution. Throws UNAUTHENTICATED naming each
 * missing or bad signature; the keyring is never changed in part.
 *
 * @example
 * const next = applyKeyringChange(policy, current, change, Date.now())
 */
export function applyKeyringChange(
  policy: Policy,
  keyring: Keyring | null,
  change: KeyringChange,
  at: number,
): Keyring {
  if (change.base !== keyringHash(keyring)) {
    throw refuse(
      keyProblem('keyring.otherBase', {
        base: change.base.slice(0, 12),
        current: keyringHash(keyring).slice(0, 12),
      }),
    )
  }
  const expected = (keyring?.version ?? 0) + 1
  if (change.version !== expected)
    throw refuse(keyProblem('keyring.otherVersion', { version: change.version, next: expected }))

  const signers: Keyring = keyring ?? { version: 0, entries: change.add }
  const bytes = signingBytes('twokeys/keyring-change/v1', unsignedChange(change))
  const problems: KeyProblem[] = []
  const signedBy = new Set<string>()
  for (const signature of change.signatures) {
    const entry = findKeyEntry(signers, signature.keyId)
    const problem = signatureProblem(entry, signature.keyId, signature.value, bytes, at)
    if (problem !== undefined) problems.push(problem)
    else signedBy.add(institutionOf(policy, (entry as KeyEntry).principal) ?? '')
  }
  const missing = signingInstitutions(policy).filter((i) => !signedBy.has(i))
  for (const institution of missing) problems.push(keyProblem('keyring.noSignatureFrom', { institution }))
  if (problems.length > 0) throw refuse(...problems)

  return applyUnchecked(keyring, change)
}

function institutionOf(policy: Policy, principal: string): string | undefined {
  return policy.principals.find((p) => p.id === principal)?.institution
}

function signatureProblem(
  entry: KeyEntry | undefined,
  keyId: string,
  value: string,
  bytes: Uint8Array,
  at: number,
): KeyProblem | undefined {
  if (entry === undefined) return keyProblem('keyring.notInKeyring', { keyId })
  const invalid = keyValidityPhrase(entry, at)
  if (invalid !== undefined) return invalid
  const signature = fromBase64url(value)
  const publicKey = fromBase64url(entry.publicKey)
  if (signature === undefined || publicKey === undefined || !ed25519Verify(publicKey, bytes, signature)) {
    return keyProblem('keyring.signatureFails', { keyId })
  }
  return undefined
}

/** Adds and revokes, after the signatures were checked. Key ids stay unique across versions. */
function applyUnchecked(keyring: Keyring | null, change: KeyringChange): Keyring {
  const entries = [...(keyring?.entries ?? [])]
  for (const entry of change.add) {
    if (entries.some((e) => e.keyId === entry.keyId))
      throw refuse(keyProblem('keyring.keyIdTaken', { keyId: entry.keyId }))
    entries.push(entry)
  }
  for (const { keyId, at } of change.revoke) {
    const index = entries.findIndex((e) => e.keyId === keyId)
    if (index < 0) throw refuse(keyProblem('keyring.revokeUnknown', { keyId }))
    entries[index] = { ...(entries[index] as KeyEntry), revokedAt: at }
  }
  return { version: change.version, entries }
}
