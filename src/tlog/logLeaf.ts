import { utf8ToBytes } from '@noble/hashes/utils.js'
import { type Hash, leafHash } from './merkle.js'

/** What the Merkle log records of one event: which initiative, which seq, and its chained hash. */
export interface LogLeaf {
  initiativeId: string
  seq: number
  /** The event's `hash` (hex), which covers every field of the event and, by `prevHash`, its past. */
  hash: string
  /**
   * The digest (hex) of the initiative's machine state after this event, when the engine recorded
   * it (at a snapshot point): a cosigned checkpoint over this leaf vouches for that state, so a
   * snapshot matching it is trusted without replaying the events before it. See `stateDigest`.
   */
  state?: string
}

/** Where one event sits in the log, and the state digest its leaf carries (if any). */
export interface LogPlace {
  index: number
  state?: string
}

/**
 * The leaf data of an event in the store's Merkle log: the UTF-8 text
 * `<initiativeId>\n<seq>\n<hash>\n`, or `<initiativeId>\n<seq>\n<hash>\n<state>\n` when the leaf
 * records the state after the event (ids never contain a newline, so the two forms never meet).
 * The leaf hash is SHA-256(0x00 || data), as RFC 6962 says; the event hash already covers the
 * event's content, so the leaf names it without repeating it.
 */
export function logLeafData(leaf: LogLeaf): Uint8Array {
  const state = leaf.state === undefined ? '' : `${leaf.state}\n`
  return utf8ToBytes(`${leaf.initiativeId}\n${leaf.seq}\n${leaf.hash}\n${state}`)
}

/** RFC 6962 leaf hash of an event's leaf data. */
export function logLeafHash(leaf: LogLeaf): Hash {
  return leafHash(logLeafData(leaf))
}

/** A state digest as a leaf may carry it: 64 lower-case hex digits. */
export const STATE_DIGEST = /^[0-9a-f]{64}$/
