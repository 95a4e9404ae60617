import { canonicalHash } from './canonicalHash.js'

/**
 * The hash of a recorded event: SHA-256 (hex) of the RFC 8785 canonical JSON of every field
 * except `hash` itself. Since `prevHash` is one of those fields, the events form a chain: an
 * edit, deletion, insertion or swap anywhere breaks every later link.
 */
export function eventHash<T extends object>(record: T & { hash?: string }): string {
  const { hash: _own, ...fields } = record
  return canonicalHash(fields)
}
