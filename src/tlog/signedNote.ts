import { sha256 } from '@noble/hashes/sha2.js'
import { utf8ToBytes } from '@noble/hashes/utils.js'
import { ed25519Sign, ed25519Verify } from '../identity/ed25519.js'
import { fromBase64, toBase64 } from './base64.js'
import {
  isNoteKeyProblem,
  type NoteKeyProblem,
  noteKeyProblem,
  noteKeyProblemText,
} from './noteKeyMessages.js'
import { isNoteProblem, type NoteProblem, noteProblem, noteProblemText } from './noteMessages.js'

/** The signature types of c2sp.org/signed-note that twokeys uses. */
export const NOTE_ED25519 = 0x01
export const COSIGNATURE_ED25519 = 0x04

/** One `— <name> base64(keyId || signature)` line of a note. */
export interface NoteSignature {
  name: string
  /** The 32-bit key id, big-endian. */
  keyId: number
  /** The bytes after the key id. */
  signature: Uint8Array
}

/** A verifier key: `<name>+<hex key id>+base64(type || public key)`. */
export interface VerifierKey {
  name: string
  type: number
  publicKey: Uint8Array
  keyId: number
}

const EM_DASH = '\u2014'

/** SHA-256(name || 0x0A || type || public key)[:4], big-endian: the key id of c2sp.org/signed-note. */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): number {
  const digest = sha256(new Uint8Array([...utf8ToBytes(name), 0x0a, type, ...publicKey]))
  return (
    (((digest[0] as number) << 24) |
      ((digest[1] as number) << 16) |
      ((digest[2] as number) << 8) |
      (digest[3] as number)) >>>
    0
  )
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0')

/** The vkey text of a key, e.g. `example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k`. */
export function formatVerifierKey(name: string, type: number, publicKey: Uint8Array): string {
  return `${name}+${hex8(noteKeyId(name, type, publicKey))}+${toBase64(new Uint8Array([type, ...publicKey]))}`
}

/** `<name>+<id>+<key>`: split at the first two "+" only, as a base64 key may itself hold "+". */
export function splitKeyFields(text: string): [string, string, string | undefined] {
  const first = text.indexOf('+')
  const second = first < 0 ? -1 : text.indexOf('+', first + 1)
  if (second < 0) return [text, '', undefined]
  return [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)]
}

/** A vkey from its text, or a reason it is not one (the key id must match the key). */
export function parseVerifierKey(text: string): VerifierKey | string {
  const read = readVerifierKey(text)
  return isNoteKeyProblem(read) ? noteKeyProblemText(read) : read
}

/**
 * {@link parseVerifierKey} with its problem as a phrase of `NOTE_KEY_MESSAGES`, which the CLI
 * words in its language.
 *
 * @example
 * readVerifierKey('x') // { key: 'verifierKey.fields', params: { text: 'x' } }
 */
export function readVerifierKey(text: string): VerifierKey | NoteKeyProblem {
  const [name, id, key] = splitKeyFields(text.trim())
  if (key === undefined) return noteKeyProblem('verifierKey.fields', { text })
  const bytes = fromBase64(key)
  if (name === '' || /\s/.test(name)) return noteKeyProblem('verifierKey.name', { text })
  if (bytes === undefined || bytes.length !== 33) return noteKeyProblem('verifierKey.bytes', { text })
  const type = bytes[0] as number
  const publicKey = bytes.slice(1)
  const keyId = noteKeyId(name, type, publicKey)
  if (hex8(keyId) !== id)
    return noteKeyProblem('verifierKey.keyId', { text, id: id as string, expected: hex8(keyId) })
  return { name, type, publicKey, keyId }
}

/** A note: text and signature lines, split at the last blank line; a reason when malformed. */
export function parseNote(note: string): { text: string; signatures: NoteSignature[] } | string {
  const read = readNote(note)
  return isNoteProblem(read) ? noteProblemText(read) : read
}

/** {@link parseNote} with its problem as a phrase of `NOTE_MESSAGES`, which the CLI words in its language. */
export function readNote(note: string): { text: string; signatures: NoteSignature[] } | NoteProblem {
  for (let i = 0; i < note.length; i++) {
    const code = note.charCodeAt(i)
    if (code < 0x20 && code !== 0x0a) return noteProblem('note.controlCharacter', {})
  }
  if (!note.endsWith('\n')) return noteProblem('note.noFinalNewline', {})
  const split = note.lastIndexOf('\n\n')
  if (split < 0) return noteProblem('note.noBlankLine', {})
  const text = note.slice(0, split + 1)
  const lines = note.slice(split + 2, -1).split('\n')
  const signatures: NoteSignature[] = []
  for (const line of lines) {
    const match = new RegExp(`^${EM_DASH} (\\S+) (\\S+)$`).exec(line)
    const bytes = match === null ? undefined : fromBase64(match[2] as string)
    if (match === null || bytes === undefined || bytes.length < 5)
      return noteProblem('note.badSignatureLine', { line })
    const keyId =
      (((bytes[0] as number) << 24) |
        ((bytes[1] as number) << 16) |
        ((bytes[2] as number) << 8) |
        (bytes[3] as number)) >>>
      0
    signatures.push({ name: match[1] as string, keyId, signature: bytes.slice(4) })
  }
  if (signatures.length === 0) return noteProblem('note.unsigned', {})
  return { text, signatures }
}

/** One signature line for a note. */
export function signatureLine(name: string, keyId: number, signature: Uint8Array): string {
  const id = new Uint8Array([keyId >>> 24, (keyId >>> 16) & 255, (keyId >>> 8) & 255, keyId & 255])
  return `${EM_DASH} ${name} ${toBase64(new Uint8Array([...id, ...signature]))}\n`
}

/** Signs note text (ending in a newline) with an Ed25519 key: the text, a blank line, the signature line. */
export function signNote(text: string, name: string, seed: Uint8Array, publicKey: Uint8Array): string {
  const signature = ed25519Sign(seed, utf8ToBytes(text))
  return `${text}\n${signatureLine(name, noteKeyId(name, NOTE_ED25519, publicKey), signature)}`
}

/**
 * Verifies a note against trusted Ed25519 note keys (type 0x01): signatures from unknown keys are
 * ignored; one from a known key that fails rejects the note; at least one must verify. Returns the
 * text and the names that signed it, or the reason it is rejected.
 */
export function verifyNote(
  note: string,
  keys: readonly VerifierKey[],
): { text: string; signedBy: string[] } | string {
  const checked = checkNote(note, keys)
  return isNoteProblem(checked) ? noteProblemText(checked) : checked
}

/** {@link verifyNote} with the reason as a phrase of `NOTE_MESSAGES`, which the CLI words in its language. */
export function checkNote(
  note: string,
  keys: readonly VerifierKey[],
): { text: string; signedBy: string[] } | NoteProblem {
  const parsed = readNote(note)
  if (isNoteProblem(parsed)) return parsed
  const signedBy: string[] = []
  for (const s of parsed.signatures) {
    const key = keys.find((k) => k.type === NOTE_ED25519 && k.name === s.name && k.keyId === s.keyId)
    if (key === undefined) continue
    if (!ed25519Verify(key.publicKey, utf8ToBytes(parsed.text), s.signature)) {
      return noteProblem('note.signatureFails', { name: s.name })
    }
    signedBy.push(s.name)
  }
  if (signedBy.length === 0) return noteProblem('note.noTrustedSignature', {})
  return { text: parsed.text, signedBy }
}
