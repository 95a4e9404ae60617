import { logLeafHash, STATE_DIGEST } from '../tlog/logLeaf.js'
import type { Hash } from '../tlog/merkle.js'
import { type AuditPhrase, auditPhrase, renderAuditPhrase } from './auditMessages.js'
import type { AuditLine } from './parseAuditLog.js'

/**
 * The Merkle log's leaves from an exported file: each line's event put at its `logIndex`, with the
 * state digest of its `logState` when it has one. Every
 * index from 0 must be there exactly once up to the last one; otherwise the reason (the log
 * cannot be rebuilt from this file), as a phrase (`AUDIT_MESSAGES`' `unplaced.*`).
 */
export function fileLeavesOrWhy(lines: readonly AuditLine[]): Hash[] | AuditPhrase {
  const leaves: Hash[] = []
  for (const { line, value, logIndex, logState } of lines) {
    if (logIndex === undefined) return auditPhrase('unplaced.noLogIndex', { line })
    if (typeof logIndex !== 'number' || !Number.isSafeInteger(logIndex) || logIndex < 0)
      return auditPhrase('unplaced.badLogIndex', { line, logIndex: JSON.stringify(logIndex) })
    const e = value as { initiativeId?: unknown; seq?: unknown; hash?: unknown }
    if (typeof e.initiativeId !== 'string' || typeof e.seq !== 'number' || typeof e.hash !== 'string')
      return auditPhrase('unplaced.notAnEvent', { line })
    if (logState !== undefined && (typeof logState !== 'string' || !STATE_DIGEST.test(logState)))
      return auditPhrase('unplaced.badLogState', { line, logState: JSON.stringify(logState) })
    if (leaves[logIndex] !== undefined) return auditPhrase('unplaced.secondEvent', { line, logIndex })
    const leaf = { initiativeId: e.initiativeId, seq: e.seq, hash: e.hash }
    leaves[logIndex] = logLeafHash(logState === undefined ? leaf : { ...leaf, state: logState })
  }
  for (let i = 0; i < leaves.length; i++) {
    if (leaves[i] === undefined) return auditPhrase('unplaced.gap', { logIndex: i })
  }
  return leaves
}

/** {@link fileLeavesOrWhy} with the reason in English. */
export function fileLeaves(lines: readonly AuditLine[]): Hash[] | string {
  const leaves = fileLeavesOrWhy(lines)
  return Array.isArray(leaves) ? leaves : renderAuditPhrase(leaves)
}
