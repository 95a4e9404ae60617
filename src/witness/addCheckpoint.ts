import { TwoKeysError } from '../domain/TwoKeysError.js'
import { fromBase64, toBase64 } from '../tlog/base64.js'
import { cosign } from '../tlog/checkpoint.js'
import { EMPTY_ROOT, verifyConsistency } from '../tlog/merkle.js'
import type { NoteSigner } from '../tlog/noteKey.js'
import { isNoteProblem } from '../tlog/noteMessages.js'
import { checkNote, NOTE_ED25519, type VerifierKey } from '../tlog/signedNote.js'
import {
  type AddCheckpointBodyProblem,
  type AddCheckpointReason,
  addCheckpointReasonText,
} from './addCheckpointMessages.js'
import { type AddCheckpointRequest, readAddCheckpoint } from './parseAddCheckpoint.js'
import type { WitnessLogState, WitnessState } from './WitnessState.js'

/** The statuses of c2sp.org/tlog-witness add-checkpoint. */
export type AddCheckpointStatus = 200 | 400 | 403 | 404 | 409 | 422

/** The answer to one add-checkpoint request, as HTTP would carry it. */
export interface AddCheckpointOutcome {
  status: AddCheckpointStatus
  contentType: string
  /** 200: the cosignature line(s); 409: the size last cosigned; otherwise the reason. */
  body: string
  /** Why, in a sentence, for the operator's log and the CLI (`said` in English). */
  reason: string
  /** {@link reason} as a phrase of `ADD_CHECKPOINT_MESSAGES`, which the CLI words in its language. */
  said: AddCheckpointReason
  /** On 200 only: the state to persist BEFORE the answer is sent. */
  newState?: WitnessState
  /** The log the request was for, when the body named one. */
  origin?: string
}

export const TEXT = 'text/plain; charset=utf-8'
/** The Content-Type c2sp.org/tlog-witness requires for a 409 answer. */
export const SIZE_TYPE = 'text/x.tlog.size'

/** A reason and its phrase, from one key and its parameters. */
function said<K extends AddCheckpointReason['key']>(
  key: K,
  params: Extract<AddCheckpointReason, { key: K }>['params'],
): { reason: string; said: AddCheckpointReason } {
  const phrase = { key, params } as AddCheckpointReason
  return { reason: addCheckpointReasonText(phrase), said: phrase }
}

const refuse = (
  status: AddCheckpointStatus,
  why: { reason: string; said: AddCheckpointReason },
  origin?: string,
): AddCheckpointOutcome => ({
  status,
  contentType: TEXT,
  body: `${why.reason}\n`,
  ...why,
  ...(origin === undefined ? {} : { origin }),
})

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i])

/** The log keys a witness trusts for an origin: a log's key is named by its origin. */
export function keysForOrigin(logKeys: readonly VerifierKey[], origin: string): VerifierKey[] {
  return logKeys.filter((k) => k.type === NOTE_ED25519 && k.name === origin)
}

/** What the witness last cosigned for `origin`, if anything (own keys only: origins are data). */
export function lastCosigned(state: WitnessState, origin: string): WitnessLogState | undefined {
  return Object.hasOwn(state.logs, origin) ? state.logs[origin] : undefined
}

export interface AddCheckpointInput {
  state: WitnessState
  /** The log verifier keys this witness trusts (type 0x01), each named by its log's origin. */
  logKeys: readonly VerifierKey[]
  /** The witness's own cosigning key (type 0x04). */
  signer: NoteSigner
  /** The request body, or the request already parsed (or why it could not be). */
  request: Uint8Array | string | AddCheckpointRequest | AddCheckpointBodyProblem
  /** The time, POSIX seconds. */
  now: number
}

/**
 * Decides one add-checkpoint request exactly as c2sp.org/tlog-witness orders the checks: a
 * malformed body 400, unknown origin 404, no valid trusted signature 403, old size above the
 * checkpoint's 400, old size other than the one last cosigned 409 (body: that size), then the
 * consistency checks 422. Pure: the caller persists `newState` before it sends a 200, and runs
 * this for one origin at a time so that the old-size check and the update are one step.
 */
export function addCheckpoint(input: AddCheckpointInput): AddCheckpointOutcome {
  const { state, signer, now } = input
  const request =
    typeof input.request === 'string' || input.request instanceof Uint8Array
      ? readAddCheckpoint(input.request)
      : input.request
  if (!('note' in request)) return refuse(400, said('addCheckpoint.malformed', { problem: request }))
  const { oldSize, proof, note, checkpoint } = request
  const { origin, size, root } = checkpoint

  const keys = keysForOrigin(input.logKeys, origin)
  if (keys.length === 0) return refuse(404, said('addCheckpoint.unknownLog', { origin }), origin)
  const verified = checkNote(note, keys)
  if (isNoteProblem(verified))
    return refuse(403, said('addCheckpoint.notSignedByLog', { origin, problem: verified }), origin)

  if (oldSize > size) return refuse(400, said('addCheckpoint.oldTooLarge', { oldSize, size }), origin)

  const last = lastCosigned(state, origin)
  const lastSize = last?.size ?? 0
  if (oldSize !== lastSize) {
    return {
      status: 409,
      contentType: SIZE_TYPE,
      body: `${lastSize}\n`,
      ...said('addCheckpoint.otherOldSize', { lastSize, origin, oldSize }),
      origin,
    }
  }

  if (size === 0 && !equal(root, EMPTY_ROOT))
    return refuse(422, said('addCheckpoint.emptyTreeRoot', {}), origin)
  if (oldSize === 0 && proof.length > 0) return refuse(422, said('addCheckpoint.proofFromZero', {}), origin)
  if (last !== undefined && oldSize === size && toBase64(root) !== last.root)
    return refuse(422, said('addCheckpoint.splitView', { size, origin, root: last.root }), origin)
  // From the state's own root — never one the client sends — so only true extensions verify.
  if (last !== undefined && oldSize > 0 && oldSize < size) {
    const oldRoot = fromBase64(last.root) as Uint8Array // the schema checked it
    if (!verifyConsistency(oldSize, size, proof, oldRoot, root))
      return refuse(422, said('addCheckpoint.inconsistent', { oldSize, size, origin }), origin)
  }
  if (oldSize === size && proof.length > 0)
    return refuse(422, said('addCheckpoint.proofAtSameSize', {}), origin)

  if (!(Number.isSafeInteger(now) && now >= 1))
    throw new TwoKeysError('INTERNAL', `the clock reads ${now}: a cosignature's timestamp is never 0`)
  // Never date a cosignature before the last one for this log: each says "as of t, the largest".
  const timestamp = Math.max(Math.floor(now), last?.cosignedAt ?? 0)
  const line = cosign(verified.text, signer.name, signer.seed, signer.publicKey, timestamp)
  const newState: WitnessState = {
    ...state,
    logs: { ...state.logs, [origin]: { size, root: toBase64(root), cosignedAt: timestamp } },
  }
  return {
    status: 200,
    contentType: TEXT,
    body: line,
    ...said('addCheckpoint.cosigned', { size, origin }),
    newState,
    origin,
  }
}
