import { canonicalHash } from './canonicalHash.js'

/** The parts of an initiative's state a digest binds: where in its log, under which policy, what. */
export interface StatePoint {
  seq: number
  /** Hash of event `seq`. */
  hash: string
  policyHash: string
  /** `machine.getPersistedSnapshot(snapshot)`: plain JSON. */
  state: unknown
}

/**
 * The digest of an initiative's machine state after event `seq`: SHA-256 (hex) of the RFC 8785
 * form of `{ domain: "twokeys/state/v1", initiativeId, seq, hash, policyHash, state }`. The engine
 * puts it on the event's Merkle-log leaf at each snapshot point; a snapshot whose digest is the
 * one a cosigned checkpoint covers is the state both institutions' witnesses saw recorded, and an
 * audit that replays the log checks every recorded digest against the replay.
 *
 * @example
 * stateDigest('kazan', { seq: 50, hash, policyHash, state }) // '3f9c…' (64 hex digits)
 */
export function stateDigest(initiativeId: string, point: StatePoint): string {
  const { seq, hash, policyHash, state } = point
  return canonicalHash({ domain: 'twokeys/state/v1', initiativeId, seq, hash, policyHash, state })
}
