import type { Command } from '../domain/Command.js'
import type { Keyring } from './KeyringSchema.js'
import { type SignatureVerdict, verifyCommandSignature } from './verifyCommandSignature.js'

/**
 * Remembers the signatures that verified, so that a second check of the same signed command
 * (`twokeys serve`'s rate limiter names the actor, then the engine judges the command) does not pay
 * for Ed25519 again. Only the Ed25519 step is remembered, and only for the exact text it verified:
 * the signature's key must still be in the keyring, its principal's and valid at the time — those
 * checks run every time — and a signature copied onto another command is checked afresh (and fails).
 * Bounded: the oldest entries go first.
 *
 * @example
 * const memo = createSignatureMemo()
 * memo.verify(keyring, command, Date.now(), commandTexts(command).unsigned)
 */
export interface SignatureMemo {
  verify(keyring: Keyring, command: Command, at: number, unsignedText: string): SignatureVerdict
  /** How many checks were answered from memory. */
  readonly hits: number
}

export function createSignatureMemo(capacity = 1024): SignatureMemo {
  // public key and signature → the unsigned canonical text the signature verified over.
  const verified = new Map<string, string>()
  let hits = 0
  return {
    get hits() {
      return hits
    },
    verify(keyring, command, at, unsignedText) {
      const slot = (publicKey: string) => `${publicKey} ${command.signature?.value ?? ''}`
      const verdict = verifyCommandSignature(keyring, command, at, unsignedText, (_c, entry) => {
        if (verified.get(slot(entry.publicKey)) !== unsignedText) return undefined
        hits++
        return true
      })
      if (verdict.ok) {
        const key = slot(verdict.entry.publicKey)
        verified.delete(key)
        verified.set(key, unsignedText)
        if (verified.size > capacity) verified.delete(verified.keys().next().value as string)
      }
      return verdict
    },
  }
}
