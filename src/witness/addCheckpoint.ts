import { TwoKeysError } from '../domain/TwoKeysError.js'
import { fromBase64, toBase64 } from '../tlog/base64.js'
import { cosign } from '../tlog/checkpoint.js'
import { EMPTY_ROOT, verifyConsistency } from '../tlog/merkle.js'
import type { NoteSigner } from '../tlog/noteKey.js'
import { NOTE_ED25519, type VerifierKey, verifyNote } from '../tlog/signedNote.js'
import { type AddCheckpointRequest, parseAddCheckpoint } from './parseAddCheckpoint.js'
import type { WitnessLogState, WitnessState } from './WitnessState.js'

/** The statuses of c2sp.org/tlog-witness add-checkpoint. */
export type AddCheckpointStatus = 200 | 400 | 403 | 404 | 409 | 422

/** The answer to one add-checkpoint request, as HTTP would carry it. */
export interface AddCheckpointOutcome {
  status: AddCheckpointStatus
  contentType: string
  /** 200: the cosignature line(s); 409: the size last cosigned; otherwise the reason. */
  body: string
  /** Why, in a sentence, for the operator's log and the CLI. */
  reason: string
  /** On 200 only: the state to persist BEFORE the answer is sent. */
  newState?: WitnessState
  /** The log the request was for, when the body named one. */
  origin?: string
}

export const TEXT = 'text/plain; charset=utf-8'
/** The Content-Type c2sp.org/tlog-witness requires for a 409 answer. */
export const SIZE_TYPE = 'text/x.tlog.size'

const refuse = (status: AddCheckpointStatus, reason: string, origin?: string): AddCheckpointOutcome => ({
  status,
  contentType: TEXT,
  body: `${reason}\n`,
  reason,
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
  /** The request body, or the request already parsed. */
  request: Uint8Array | string | AddCheckpointRequest
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
      ? parseAddCheckpoint(input.request)
      : input.request
  if (typeof request === 'string') return refuse(400, `malformed add-checkpoint body: ${request}`)
  const { oldSize, proof, note, checkpoint } = request
  const { origin, size, root } = checkpoint

  const keys = keysForOrigin(input.logKeys, origin)
  if (keys.length === 0)
    return refuse(
      404,
      `unknown log "${origin}": this witness has no verifier key for that origin (its operator adds one with --log-key)`,
      origin,
    )
  const verified = verifyNote(note, keys)
  if (typeof verified === 'string')
    return refuse(403, `the checkpoint of "${origin}" is not validly signed by its log: ${verified}`, origin)

  if (oldSize > size)
    return refuse(400, `old size ${oldSize} is larger than the checkpoint's size ${size}`, origin)

  const last = lastCosigned(state, origin)
  const lastSize = last?.size ?? 0
  if (oldSize !== lastSize) {
    return {
      status: 409,
      contentType: SIZE_TYPE,
      body: `${lastSize}\n`,
      reason: `I last cosigned size ${lastSize} of "${origin}", not ${oldSize}; send "old ${lastSize}" and a proof from there`,
      origin,
    }
  }

  if (size === 0 && !equal(root, EMPTY_ROOT))
    return refuse(422, 'a checkpoint of size 0 must have the empty tree’s root, SHA-256("")', origin)
  if (oldSize === 0 && proof.length > 0)
    return refuse(422, 'from old size 0 the consistency proof must be empty', origin)
  if (last !== undefined && oldSize === size && toBase64(root) !== last.root)
    return refuse(
      422,
      `split view: I cosigned size ${size} of "${origin}" with root ${last.root}, and this checkpoint gives the same size another root`,
      origin,
    )
  // From the state's own root — never one the client sends — so only true extensions verify.
  if (last !== undefined && oldSize > 0 && oldSize < size) {
    const oldRoot = fromBase64(last.root) as Uint8Array // the schema checked it
    if (!verifyConsistency(oldSize, size, proof, oldRoot, root))
      return refuse(
        422,
        `the consistency proof from size ${oldSize} to ${size} of "${origin}" does not verify: the checkpoint does not extend the one I cosigned`,
        origin,
      )
  }
  if (oldSize === size && proof.length > 0)
    return refuse(422, 'for a checkpoint of the size I cosigned the consistency proof must be empty', origin)

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
    reason: `cosigned size ${size} of "${origin}"`,
    newState,
    origin,
  }
}
