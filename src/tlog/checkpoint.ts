import { utf8ToBytes } from '@noble/hashes/utils.js'
import { ed25519Sign, ed25519Verify } from '../identity/ed25519.js'
import { fromBase64, toBase64 } from './base64.js'
import type { Hash } from './merkle.js'
import { isNoteProblem, type NoteProblem, noteProblem, noteProblemText } from './noteMessages.js'
import { COSIGNATURE_ED25519, noteKeyId, readNote, signatureLine, type VerifierKey } from './signedNote.js'

/** A tree head: the log's origin, its size and its RFC 6962 root (c2sp.org/tlog-checkpoint). */
export interface Checkpoint {
  origin: string
  size: number
  root: Hash
}

/** The checkpoint's note text: origin, size, base64 root, each on its own line. */
export function checkpointText(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${toBase64(checkpoint.root)}\n`
}

/** A checkpoint from note text, or the reason the text is not one. */
export function parseCheckpointText(text: string): Checkpoint | string {
  const read = readCheckpointText(text)
  return isNoteProblem(read) ? noteProblemText(read) : read
}

/** {@link parseCheckpointText} with the reason as a phrase of `NOTE_MESSAGES`, which the CLI words in its language. */
export function readCheckpointText(text: string): Checkpoint | NoteProblem {
  const lines = text.split('\n')
  const [origin = '', size = '', root = ''] = lines
  if (lines.length < 4 || origin === '') return noteProblem('checkpointText.lines', {})
  if (!/^(0|[1-9]\d*)$/.test(size) || !Number.isSafeInteger(Number(size)))
    return noteProblem('checkpointText.size', { size })
  const hash = fromBase64(root)
  if (hash === undefined || hash.length !== 32) return noteProblem('checkpointText.root', { root })
  return { origin, size: Number(size), root: hash }
}

/** The message a v1 Ed25519 cosignature signs: `cosignature/v1`, `time <t>`, then the checkpoint text. */
function cosignedMessage(text: string, timestamp: number): Uint8Array {
  return utf8ToBytes(`cosignature/v1\ntime ${timestamp}\n${text}`)
}

/**
 * A cosignature line (c2sp.org/tlog-cosignature, Ed25519, type 0x04): the witness states that as
 * of `timestamp` (POSIX seconds) this is the largest consistent tree head it has seen for the log.
 */
export function cosign(
  text: string,
  name: string,
  seed: Uint8Array,
  publicKey: Uint8Array,
  timestamp: number,
): string {
  const time = new Uint8Array(8)
  new DataView(time.buffer).setBigUint64(0, BigInt(timestamp))
  const signature = ed25519Sign(seed, cosignedMessage(text, timestamp))
  return signatureLine(
    name,
    noteKeyId(name, COSIGNATURE_ED25519, publicKey),
    new Uint8Array([...time, ...signature]),
  )
}

/**
 * Which trusted witnesses (type 0x04 keys) cosigned a checkpoint note, each with its timestamp;
 * a cosignature by a known key that fails to verify rejects the note.
 */
export function verifyCosignatures(note: string, witnesses: readonly VerifierKey[]): Cosignatures | string {
  const checked = checkCosignatures(note, witnesses)
  return isNoteProblem(checked) ? noteProblemText(checked) : checked
}

/** Who cosigned a checkpoint note, and when. */
export interface Cosignatures {
  text: string
  cosignedBy: { name: string; timestamp: number }[]
}

/** {@link verifyCosignatures} with the reason as a phrase of `NOTE_MESSAGES`, which the CLI words in its language. */
export function checkCosignatures(
  note: string,
  witnesses: readonly VerifierKey[],
): Cosignatures | NoteProblem {
  const parsed = readNote(note)
  if (isNoteProblem(parsed)) return parsed
  const cosignedBy: { name: string; timestamp: number }[] = []
  for (const s of parsed.signatures) {
    const key = witnesses.find(
      (k) => k.type === COSIGNATURE_ED25519 && k.name === s.name && k.keyId === s.keyId,
    )
    if (key === undefined) continue
    if (s.signature.length !== 72) return noteProblem('cosignature.malformed', { name: s.name })
    const timestamp = Number(new DataView(s.signature.buffer, s.signature.byteOffset).getBigUint64(0))
    if (!ed25519Verify(key.publicKey, cosignedMessage(parsed.text, timestamp), s.signature.slice(8))) {
      return noteProblem('cosignature.fails', { name: s.name })
    }
    cosignedBy.push({ name: s.name, timestamp })
  }
  return { text: parsed.text, cosignedBy }
}
