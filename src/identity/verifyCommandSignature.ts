import type { Command } from '../domain/Command.js'
import { withPhrase } from '../policy/phrased.js'
import { fromBase64url } from './base64url.js'
import { ed25519VerifyBase64url } from './ed25519.js'
import { type KeyProblem, keyProblem, renderKeyProblem } from './identityMessages.js'
import { findKeyEntry, type KeyEntry, type Keyring, keyValidityPhrase } from './KeyringSchema.js'
import { commandSigningBytes, commandSigningBytesOfCanonical } from './signCommand.js'

export type SignatureVerdict = { ok: true; entry: KeyEntry } | { ok: false; reason: string }

/** A refusal: `reason` is the phrase in English; the phrase rides along (`phraseOf`) for other languages. */
const refused = (phrase: KeyProblem): SignatureVerdict =>
  withPhrase({ ok: false as const, reason: renderKeyProblem(phrase) }, phrase)

/** What a signed command must name, so that its signature cannot be replayed onto another. */
function missingBinding(command: Command): KeyProblem | undefined {
  if (command.commandId === undefined) return keyProblem('signature.noCommandId', {})
  if (command.initiativeId === undefined) return keyProblem('signature.noInitiativeId', {})
  if (command.type === 'decide' && command.revision === undefined) {
    return keyProblem('signature.noRevision', {})
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
    return refused(keyProblem('signature.unsigned', { type: command.type, by: command.by }))
  const missing = missingBinding(command)
  if (missing !== undefined) return refused(missing)
  const entry = findKeyEntry(keyring, signature.keyId)
  if (entry === undefined) {
    return refused(
      keyProblem('signature.keyNotInVersion', { keyId: signature.keyId, version: keyring.version }),
    )
  }
  if (entry.principal !== command.by) {
    return refused(
      keyProblem('signature.otherPrincipal', {
        keyId: entry.keyId,
        principal: entry.principal,
        by: command.by,
      }),
    )
  }
  const invalid = keyValidityPhrase(entry, at)
  if (invalid !== undefined) return refused(invalid)
  const bytes = fromBase64url(signature.value)
  if (bytes === undefined || bytes.length !== 64) {
    return refused(keyProblem('signature.notBase64url', {}))
  }
  const answer = known?.(command, entry)
  if (answer !== undefined) {
    return answer
      ? { ok: true, entry }
      : refused(keyProblem('signature.doesNotVerify', { by: command.by, keyId: entry.keyId }))
  }
  const message =
    unsignedText === undefined
      ? commandSigningBytes(command, entry.keyId)
      : commandSigningBytesOfCanonical(unsignedText, entry.keyId)
  if (!ed25519VerifyBase64url(entry.publicKey, message, bytes)) {
    return refused(keyProblem('signature.doesNotVerify', { by: command.by, keyId: entry.keyId }))
  }
  return { ok: true, entry }
}
