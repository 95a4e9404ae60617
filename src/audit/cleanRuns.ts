import type { RecordedEvent } from '../stores/Store.js'
import type { AuditHead } from './AuditResult.js'
import { hashMatches, isRecordShape } from './chainFinding.js'

/**
 * The heads of a part of the log that is plainly sound — each initiative's events in one run,
 * seq 1, 2, 3 … each linking to the one before, every hash matching, the anchored heads where
 * they must be — or undefined when anything is off, for the full analysis to say what. The common
 * case costs one pass and no index; `checkInitiative` finds nothing in such a part.
 */
export function cleanRuns(
  part: readonly unknown[],
  anchorOf: (id: string) => AuditHead | undefined,
  exact: boolean,
  earlier: ReadonlyMap<string, AuditHead>,
): Map<string, AuditHead> | undefined {
  const heads = new Map<string, AuditHead>()
  let id: string | undefined
  let prev: RecordedEvent | undefined
  let anchored = false
  const close = (): boolean => {
    if (id === undefined || prev === undefined) return true
    const anchor = anchorOf(id)
    const atHead = anchor !== undefined && prev.seq === anchor.seq && prev.hash === anchor.hash
    if (exact ? !atHead : anchor !== undefined && !anchored) return false
    heads.set(id, { seq: prev.seq, hash: prev.hash })
    return true
  }
  for (const value of part) {
    if (!isRecordShape(value) || !hashMatches(value)) return undefined
    if (value.initiativeId !== id) {
      if (!close()) return undefined
      // An initiative seen before, here or in an earlier part, is split: the full analysis says where.
      if (heads.has(value.initiativeId) || earlier.has(value.initiativeId)) return undefined
      id = value.initiativeId
      prev = undefined
      anchored = false
    }
    if (value.seq !== (prev?.seq ?? 0) + 1 || value.prevHash !== (prev?.hash ?? '')) return undefined
    const anchor = anchorOf(id)
    if (anchor !== undefined && value.seq === anchor.seq && value.hash === anchor.hash) anchored = true
    prev = value
  }
  return close() ? heads : undefined
}
