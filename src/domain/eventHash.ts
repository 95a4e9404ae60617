import { canonicalHash } from './canonicalHash.js'

/**
 * The hash of a recorded event: SHA-256 (hex) of the RFC 8785 canonical JSON of every field
 * except `hash` itself, `logIndex` and `logState` (an export's note of where the store's Merkle log
 * put the event and which state digest its leaf records; the log's checkpoints cover them, not the
 * chain). Since `prevHash` is one of those fields, the events form a chain: an edit, deletion,
 * insertion or swap anywhere breaks every later link.
 */
export function eventHash<T extends object>(
  record: T & { hash?: string; logIndex?: unknown; logState?: unknown },
): string {
  const { hash: _own, logIndex: _placed, logState: _state, ...fields } = record
  return canonicalHash(fields)
}
