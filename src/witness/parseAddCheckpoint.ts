import { fromBase64 } from '../tlog/base64.js'
import { type Checkpoint, readCheckpointText } from '../tlog/checkpoint.js'
import type { Hash } from '../tlog/merkle.js'
import { isNoteProblem } from '../tlog/noteMessages.js'
import { type AddCheckpointBodyProblem, bodyProblemText } from './addCheckpointMessages.js'

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
  const read = readAddCheckpoint(body)
  return 'note' in read ? read : bodyProblemText(read)
}

const problem = <K extends AddCheckpointBodyProblem['key']>(
  key: K,
  params: Extract<AddCheckpointBodyProblem, { key: K }>['params'],
) => ({ key, params }) as AddCheckpointBodyProblem

/** {@link parseAddCheckpoint} with the reason as a phrase of `ADD_CHECKPOINT_BODY_MESSAGES`, which the CLI words in its language. */
export function readAddCheckpoint(
  body: Uint8Array | string,
): AddCheckpointRequest | AddCheckpointBodyProblem {
  let text: string
  try {
    text = typeof body === 'string' ? body : utf8.decode(body)
  } catch {
    return problem('addCheckpointBody.notUtf8', {})
  }
  const firstEnd = text.indexOf('\n')
  if (firstEnd < 0) return problem('addCheckpointBody.noOldLine', {})
  const oldLine = text.slice(0, firstEnd)
  const old = /^old (0|[1-9][0-9]*)$/.exec(oldLine)
  if (old === null || !Number.isSafeInteger(Number(old[1])))
    return problem('addCheckpointBody.badOldLine', { line: oldLine })

  const proof: Hash[] = []
  let at = firstEnd + 1
  for (;;) {
    const end = text.indexOf('\n', at)
    if (end < 0) return problem('addCheckpointBody.noEmptyLine', {})
    const line = text.slice(at, end)
    at = end + 1
    if (line === '') break
    if (proof.length === MAX_PROOF_LINES)
      return problem('addCheckpointBody.tooManyProofLines', { max: MAX_PROOF_LINES })
    const hash = fromBase64(line)
    if (hash === undefined || hash.length !== 32)
      return problem('addCheckpointBody.badProofLine', { n: proof.length + 1, line: line.slice(0, 60) })
    proof.push(hash)
  }

  const note = text.slice(at)
  // The note's text runs to its last blank line; what follows are signature lines.
  const split = note.lastIndexOf('\n\n')
  if (split < 0) return problem('addCheckpointBody.notANote', {})
  const checkpoint = readCheckpointText(note.slice(0, split + 1))
  if (isNoteProblem(checkpoint)) return problem('addCheckpointBody.badCheckpoint', { problem: checkpoint })
  return { oldSize: Number(old[1]), proof, note, checkpoint }
}
