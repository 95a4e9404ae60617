import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import type { Command, CommandInput } from '../../../src/domain/Command.js'
import { fromBase64url } from '../../../src/identity/base64url.js'
import { firstKeyringChange } from '../../../src/identity/firstKeyringChange.js'
import type { KeyringChange } from '../../../src/identity/KeyringChange.js'
import { newKeyPair, type PrivateKeyFile } from '../../../src/identity/PrivateKeyFile.js'
import { signCommand } from '../../../src/identity/signCommand.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'

/** The keyring lists the page's keys from here; the sandbox's calendar starts after it. */
export const KEYS_VALID_FROM = '2026-01-01T00:00:00Z'

/** One principal's key, made in this browser for this session: the private half never leaves the page. */
export interface PrincipalKey {
  principal: string
  keyId: string
  /** The Ed25519 public key, base64url (as keyrings keep it). */
  publicKey: string
  /** The first 8 bytes of SHA-256 of the public key, in hex groups: what a person compares. */
  fingerprint: string
  /** Listed in the keyring (every principal of the policy); an outsider's key is not. */
  inKeyring: boolean
  privateKey: PrivateKeyFile
}

export interface SessionKeys {
  keys: PrincipalKey[]
  /** The first keyring, signed by one key of each key-holding institution; null when none can be made. */
  keyringChange: KeyringChange | null
  /** Why the policy cannot run with signed identity, when it cannot. */
  problem?: string
}

/** The fingerprint of an Ed25519 public key (base64url): `3fa9 c2d1 0b7e 44a8`. */
export function fingerprintOf(publicKey: string): string {
  const bytes = fromBase64url(publicKey) ?? new Uint8Array(0)
  const hex = bytesToHex(sha256(bytes)).slice(0, 16)
  return hex.replace(/(.{4})(?=.)/g, '$1 ')
}

/**
 * A fresh Ed25519 key for every principal of the policy (and for each of `others`, such as the
 * page's outsider, who gets a key the keyring does not list), made with the browser's secure random
 * source, and the first keyring listing the principals' keys, signed by every key-holding
 * institution as the engine demands. `seeds` fixes the keys in tests.
 */
export function makeSessionKeys(
  policy: Policy,
  others: readonly string[] = [],
  seeds?: (principal: string) => Uint8Array,
): SessionKeys {
  const members = new Set(policy.principals.map((p) => p.id))
  const keys = [...policy.principals.map((p) => p.id), ...others.filter((o) => !members.has(o))].map(
    (principal): PrincipalKey => {
      const seed = seeds?.(principal)
      const { privateKey } =
        seed === undefined
          ? newKeyPair(principal, 'pending', KEYS_VALID_FROM)
          : newKeyPair(principal, 'pending', KEYS_VALID_FROM, seed)
      const fingerprint = fingerprintOf(privateKey.x)
      const keyId = `${principal}-${fingerprint.slice(0, 4)}`
      return {
        principal,
        keyId,
        publicKey: privateKey.x,
        fingerprint,
        inKeyring: members.has(principal),
        privateKey: { ...privateKey, kid: keyId },
      }
    },
  )
  try {
    const keyringChange = firstKeyringChange(
      policy,
      keys.filter((k) => k.inKeyring).map((k) => k.privateKey),
      KEYS_VALID_FROM,
      'the keys made in this browser for this playground session',
    )
    return { keys, keyringChange }
  } catch (error) {
    return { keys, keyringChange: null, problem: error instanceof Error ? error.message : String(error) }
  }
}

/** The key of a principal, if the session made one. */
export function keyOf(keys: readonly PrincipalKey[], principal: string): PrincipalKey | undefined {
  return keys.find((k) => k.principal === principal)
}

/**
 * The command signed by its actor's key, with the command id and (for a decision) the revision
 * the signature binds; the command as given when the actor has no key. Throws the engine's
 * COMMAND_INVALID when the command does not parse.
 */
export function signAs(
  keys: readonly PrincipalKey[],
  input: CommandInput,
  commandId: string,
  revision?: string,
): CommandInput | Command {
  const key = keyOf(keys, input.by)
  if (key === undefined) return { ...input, commandId }
  const bound =
    input.type === 'decide' && input.revision === undefined && revision !== undefined
      ? { ...input, commandId, revision }
      : { ...input, commandId }
  return signCommand(bound, key.privateKey)
}
