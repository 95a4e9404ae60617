import { logLeafHash, STATE_DIGEST } from '../tlog/logLeaf.js'
import type { Hash } from '../tlog/merkle.js'
import type { AuditLine } from './parseAuditLog.js'

/**
 * The Merkle log's leaves from an exported file: each line's event put at its `logIndex`, with the
 * state digest of its `logState` when it has one. Every
 * index from 0 must be there exactly once up to the last one; otherwise the reason (the log
 * cannot be rebuilt from this file).
 */
export function fileLeaves(lines: readonly AuditLine[]): Hash[] | string {
  const leaves: Hash[] = []
  for (const { line, value, logIndex, logState } of lines) {
    if (logIndex === undefined)
      return `line ${line} has no logIndex: export the log again with this version (twokeys audit export) to check it against a checkpoint`
    if (typeof logIndex !== 'number' || !Number.isSafeInteger(logIndex) || logIndex < 0)
      return `line ${line}: logIndex ${JSON.stringify(logIndex)} is not a whole number ≥ 0`
    const e = value as { initiativeId?: unknown; seq?: unknown; hash?: unknown }
    if (typeof e.initiativeId !== 'string' || typeof e.seq !== 'number' || typeof e.hash !== 'string')
      return `line ${line} is not an event record`
    if (logState !== undefined && (typeof logState !== 'string' || !STATE_DIGEST.test(logState)))
      return `line ${line}: logState ${JSON.stringify(logState)} is not a state digest (64 lower-case hex digits)`
    if (leaves[logIndex] !== undefined) return `line ${line}: a second event at logIndex ${logIndex}`
    const leaf = { initiativeId: e.initiativeId, seq: e.seq, hash: e.hash }
    leaves[logIndex] = logLeafHash(logState === undefined ? leaf : { ...leaf, state: logState })
  }
  for (let i = 0; i < leaves.length; i++) {
    if (leaves[i] === undefined) return `no event has logIndex ${i}: an event was removed from the file`
  }
  return leaves
}
