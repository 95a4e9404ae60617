import { fromBase64 } from '../tlog/base64.js'
import { type Checkpoint, parseCheckpointText } from '../tlog/checkpoint.js'
import type { Hash } from '../tlog/merkle.js'

/** An add-checkpoint request body, read but not yet checked against any key or state. */
export interface AddCheckpointRequest {
  /** The size of the checkpoint the log believes the witness last cosigned. */
  oldSize: number
  /** The consistency proof from `oldSize` to the checkpoint's size. */
  proof: Hash[]
  /** The checkpoint as sent: its note text and every signature line. */
  note: string
  /** What the note's text says; its signatures are not checked yet. */
  checkpoint: Checkpoint
}

/** c2sp.org/tlog-witness: "The client MUST NOT send more than 63 consistency proof lines". */
export const MAX_PROOF_LINES = 63

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads `old <size>\n`, up to 63 base64 hash lines, an empty line and a checkpoint note
 * (c2sp.org/tlog-witness add-checkpoint). Returns the reason when the body is malformed — the
 * witness answers that with 400. The note's signatures are only split off here, to find the
 * origin; checking them is the caller's job (a bad one is a 403, not a 400).
 */
export function parseAddCheckpoint(body: Uint8Array | string): AddCheckpointRequest | string {
  let text: string
  try {
    text = typeof body === 'string' ? body : utf8.decode(body)
  } catch {
    return 'the body is not UTF-8 text'
  }
  const firstEnd = text.indexOf('\n')
  if (firstEnd < 0) return 'the body starts with a line "old <size>" ending in a newline'
  const oldLine = text.slice(0, firstEnd)
  const old = /^old (0|[1-9][0-9]*)$/.exec(oldLine)
  if (old === null || !Number.isSafeInteger(Number(old[1])))
    return `the first line is "old <size>" (a decimal with no leading zeros), not "${oldLine}"`

  const proof: Hash[] = []
  let at = firstEnd + 1
  for (;;) {
    const end = text.indexOf('\n', at)
    if (end < 0) return 'the proof lines end with an empty line before the checkpoint'
    const line = text.slice(at, end)
    at = end + 1
    if (line === '') break
    if (proof.length === MAX_PROOF_LINES) return `more than ${MAX_PROOF_LINES} consistency proof lines`
    const hash = fromBase64(line)
    if (hash === undefined || hash.length !== 32)
      return `proof line ${proof.length + 1} "${line.slice(0, 60)}" is not a base64 SHA-256 hash`
    proof.push(hash)
  }

  const note = text.slice(at)
  // The note's text runs to its last blank line; what follows are signature lines.
  const split = note.lastIndexOf('\n\n')
  if (split < 0) return 'the checkpoint is a signed note: its text, an empty line, then signature lines'
  const checkpoint = parseCheckpointText(note.slice(0, split + 1))
  if (typeof checkpoint === 'string') return `the checkpoint is malformed: ${checkpoint}`
  return { oldSize: Number(old[1]), proof, note, checkpoint }
}
