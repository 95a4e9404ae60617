import { utf8ToBytes } from '@noble/hashes/utils.js'
import { type Hash, leafHash } from './merkle.js'

/** What the Merkle log records of one event: which initiative, which seq, and its chained hash. */
export interface LogLeaf {
  initiativeId: string
  seq: number
  /** The event's `hash` (hex), which covers every field of the event and, by `prevHash`, its past. */
  hash: string
}

/**
 * The leaf data of an event in the store's Merkle log: the UTF-8 text
 * `<initiativeId>\n<seq>\n<hash>\n` (ids never contain a newline). The leaf hash is
 * SHA-256(0x00 || data), as RFC 6962 says; the event hash already covers the event's content, so
 * the leaf names it without repeating it.
 */
export function logLeafData(leaf: LogLeaf): Uint8Array {
  return utf8ToBytes(`${leaf.initiativeId}\n${leaf.seq}\n${leaf.hash}\n`)
}

/** RFC 6962 leaf hash of an event's leaf data. */
export function logLeafHash(leaf: LogLeaf): Hash {
  return leafHash(logLeafData(leaf))
}
