import type { StoreLog } from '../stores/Store.js'
import type { LogLeaf } from '../tlog/logLeaf.js'
import { logLeafHash } from '../tlog/logLeaf.js'
import type { Hash } from '../tlog/merkle.js'
import { logError } from './logMessages.js'

const PAGE = 10_000

/**
 * The leaf hashes of the log's entries `start` … `size − 1` (the first `size` by default), read in
 * pages (a large log is never held as rows). A missing leaf (its event deleted behind the store's
 * back) is an AUDIT_TAMPERED error naming the index: the log cannot be rebuilt without it.
 */
export async function readLeafHashes(
  log: StoreLog,
  size: number,
  onLeaf?: (leaf: LogLeaf, index: number) => void,
  start = 0,
): Promise<Hash[]> {
  const hashes: Hash[] = []
  for (let from = start; from < size; from += PAGE) {
    const to = Math.min(size, from + PAGE)
    const page = await log.leaves(from, to)
    if (page.length !== to - from) {
      throw logError('AUDIT_TAMPERED', 'leaves.deleted', { from, listed: to - from, found: page.length })
    }
    page.forEach((leaf, i) => {
      onLeaf?.(leaf, from + i)
      hashes.push(logLeafHash(leaf))
    })
  }
  return hashes
}
