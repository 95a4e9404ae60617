import { canonicalHash } from './canonicalHash.js'

/**
 * The hash of a recorded event: SHA-256 (hex) of the RFC 8785 canonical JSON of every field
 * except `hash` itself and `logIndex` (an export's note of where the store's Merkle log put the
 * event; the log's checkpoints cover it, not the chain). Since `prevHash` is one of those fields, the events form a chain: an
 * edit, deletion, insertion or swap anywhere breaks every later link.
 */
export function eventHash<T extends object>(record: T & { hash?: string; logIndex?: unknown }): string {
  const { hash: _own, logIndex: _placed, ...fields } = record
  return canonicalHash(fields)
}
