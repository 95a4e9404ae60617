import type { Command } from '../domain/Command.js'
import { fromBase64url } from './base64url.js'
import { ed25519VerifyBase64url } from './ed25519.js'
import { findKeyEntry, type KeyEntry, type Keyring, keyValidityProblem } from './KeyringSchema.js'
import { commandSigningBytes, commandSigningBytesOfCanonical } from './signCommand.js'

export type SignatureVerdict = { ok: true; entry: KeyEntry } | { ok: false; reason: string }

/** What a signed command must name, so that its signature cannot be replayed onto another. */
function missingBinding(command: Command): string | undefined {
  if (command.commandId === undefined) return 'a signed command must carry its commandId'
  if (command.initiativeId === undefined) return 'a signed command must carry its initiativeId'
  if (command.type === 'decide' && command.revision === undefined) {
    return 'a signed decision must carry the revision hash it decides on'
  }
  return undefined
}

/**
 * Checks a command's signature against a keyring at time `at`: signed at all, naming what it binds
 * (initiative, command id, revision for a decision), by a key of the acting principal that is
 * valid then and not revoked, and the signature verifies over the command's signing bytes.
 * `unsignedText`, when given, is the canonical JSON of the command without its signature (see
 * `commandTexts`), so that a caller who rendered it already does not pay for it again. `known`,
 * when given, may answer the Ed25519 check for this command and entry from a verification done
 * elsewhere (the audit verifies on worker threads); when it answers undefined, it is done here.
 *
 * @example
 * const verdict = verifyCommandSignature(keyring, command, Date.now())
 * if (!verdict.ok) throw new TwoKeysError('UNAUTHENTICATED', verdict.reason)
 */
export function verifyCommandSignature(
  keyring: Keyring,
  command: Command,
  at: number,
  unsignedText?: string,
  known?: (command: Command, entry: KeyEntry) => boolean | undefined,
): SignatureVerdict {
  const signature = command.signature
  if (signature === undefined)
    return { ok: false, reason: `${command.type} by "${command.by}" is not signed` }
  const missing = missingBinding(command)
  if (missing !== undefined) return { ok: false, reason: missing }
  const entry = findKeyEntry(keyring, signature.keyId)
  if (entry === undefined) {
    return { ok: false, reason: `key "${signature.keyId}" is not in keyring version ${keyring.version}` }
  }
  if (entry.principal !== command.by) {
    return {
      ok: false,
      reason: `key "${entry.keyId}" belongs to "${entry.principal}", but the command acts as "${command.by}"`,
    }
  }
  const invalid = keyValidityProblem(entry, at)
  if (invalid !== undefined) return { ok: false, reason: invalid }
  const bytes = fromBase64url(signature.value)
  if (bytes === undefined || bytes.length !== 64) {
    return { ok: false, reason: 'the signature is not 64 bytes of base64url' }
  }
  const answer = known?.(command, entry)
  if (answer !== undefined) {
    return answer
      ? { ok: true, entry }
      : { ok: false, reason: `the signature of "${command.by}" (key "${entry.keyId}") does not verify` }
  }
  const message =
    unsignedText === undefined
      ? commandSigningBytes(command, entry.keyId)
      : commandSigningBytesOfCanonical(unsignedText, entry.keyId)
  if (!ed25519VerifyBase64url(entry.publicKey, message, bytes)) {
    return { ok: false, reason: `the signature of "${command.by}" (key "${entry.keyId}") does not verify` }
  }
  return { ok: true, entry }
}
