import { ed25519PublicKey, ed25519RandomSeed } from '../identity/ed25519.js'
import { fromBase64, toBase64 } from './base64.js'
import {
  isNoteKeyProblem,
  type NoteKeyProblem,
  noteKeyProblem,
  noteKeyProblemText,
} from './noteKeyMessages.js'
import {
  COSIGNATURE_ED25519,
  formatVerifierKey,
  NOTE_ED25519,
  noteKeyId,
  splitKeyFields,
} from './signedNote.js'

/**
 * A signed-note private key: a log's checkpoint key (type 0x01) or a witness's cosigning key
 * (type 0x04). Its text is the one golang.org/x/mod/sumdb/note uses,
 * `PRIVATE+KEY+<name>+<hex key id>+base64(type || 32-byte Ed25519 seed)`, so the same file works
 * with Go's tools; the public half is the verifier key `<name>+<hex key id>+base64(type || key)`.
 */
export interface NoteSigner {
  name: string
  type: number
  seed: Uint8Array
  publicKey: Uint8Array
  keyId: number
}

const PREFIX = 'PRIVATE+KEY+'
const hex8 = (n: number) => n.toString(16).padStart(8, '0')

/** A new random key named `name` (a log's origin, or a witness's name). */
export function generateNoteSigner(name: string, type: number = NOTE_ED25519): NoteSigner {
  return signerFromSeed(name, type, ed25519RandomSeed())
}

/** The key with a given seed (for tests and deterministic demos). */
export function signerFromSeed(name: string, type: number, seed: Uint8Array): NoteSigner {
  const bad = checkKeyName(name)
  if (bad !== undefined) throw new Error(bad)
  if (type !== NOTE_ED25519 && type !== COSIGNATURE_ED25519)
    throw new Error(`key type ${type} is not 1 (a log's Ed25519 key) or 4 (a witness's cosignature key)`)
  const publicKey = ed25519PublicKey(seed)
  return { name, type, seed, publicKey, keyId: noteKeyId(name, type, publicKey) }
}

/** Why a name cannot name a note key, or undefined when it can. */
export function checkKeyName(name: string): string | undefined {
  const problem = keyNameProblem(name)
  return problem === undefined ? undefined : noteKeyProblemText(problem)
}

/**
 * {@link checkKeyName} as a phrase of `NOTE_KEY_MESSAGES`, which the CLI words in its language.
 *
 * @example
 * keyNameProblem('a b') // { key: 'keyName.bad', params: { name: 'a b' } }
 */
export function keyNameProblem(name: string): NoteKeyProblem | undefined {
  const control = [...name].some((c) => (c.codePointAt(0) as number) < 0x20 || c === '\u007f')
  if (name === '' || /[\s+]/.test(name) || control) return noteKeyProblem('keyName.bad', { name })
  return undefined
}

/** The private key text (keep it secret; file mode 0600). */
export function formatNoteSigner(signer: NoteSigner): string {
  return `${PREFIX}${signer.name}+${hex8(signer.keyId)}+${toBase64(new Uint8Array([signer.type, ...signer.seed]))}`
}

/** The public verifier key text, to hand to those who check. */
export function verifierKeyOf(signer: NoteSigner): string {
  return formatVerifierKey(signer.name, signer.type, signer.publicKey)
}

/** A private key from its text, or the reason it is not one (the key id must match the key). */
export function parseNoteSigner(text: string): NoteSigner | string {
  const read = readNoteSignerText(text)
  return isNoteKeyProblem(read) ? noteKeyProblemText(read) : read
}

/**
 * {@link parseNoteSigner} with its problem as a phrase of `NOTE_KEY_MESSAGES`, which the CLI
 * words in its language.
 *
 * @example
 * readNoteSignerText('nonsense') // { key: 'privateKey.prefix', params: {} }
 */
export function readNoteSignerText(text: string): NoteSigner | NoteKeyProblem {
  const trimmed = text.trim()
  if (!trimmed.startsWith(PREFIX)) return noteKeyProblem('privateKey.prefix', {})
  // The base64 key may itself hold "+": only the first two separate fields.
  const [name = '', id = '', key] = splitKeyFields(trimmed.slice(PREFIX.length))
  if (key === undefined) return noteKeyProblem('privateKey.fields', {})
  const bytes = fromBase64(key)
  if (bytes === undefined || bytes.length !== 33) return noteKeyProblem('privateKey.seed', { name })
  const type = bytes[0] as number
  if (type !== NOTE_ED25519 && type !== COSIGNATURE_ED25519)
    return noteKeyProblem('privateKey.type', { name, type })
  const bad = keyNameProblem(name)
  if (bad !== undefined) return bad
  const signer = signerFromSeed(name, type, bytes.slice(1))
  if (hex8(signer.keyId) !== id)
    return noteKeyProblem('privateKey.keyId', { name, id, expected: hex8(signer.keyId) })
  return signer
}
