import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Store } from '../stores/Store.js'
import { type LogLeaf, logLeafData } from '../tlog/logLeaf.js'
import { inclusionProof } from '../tlog/merkle.js'
import type { TlogProof } from '../tlog/tlogProof.js'
import { logError } from './logMessages.js'
import { logOf } from './logOf.js'
import { readLeafHashes } from './readLeafHashes.js'

/**
 * An inclusion proof (c2sp.org/tlog-proof) that event `seq` of an initiative is in the latest
 * stored checkpoint, with that checkpoint's cosignatures; `extra` carries the event's leaf data
 * (`<initiativeId>\n<seq>\n<hash>\n`, then `<state>\n` at a snapshot point) so a reader can match
 * it with the event.
 */
export async function proveEvent(store: Store, initiativeId: string, seq: number): Promise<TlogProof> {
  const log = logOf(store)
  const index = (await log.placesOf(initiativeId))[seq - 1]?.index
  if (index === undefined) {
    throw logError('NOT_FOUND', 'prove.noEvent', { initiative: initiativeId, seq })
  }
  const checkpoint = await log.latestCheckpoint()
  if (checkpoint === undefined || checkpoint.size <= index) {
    throw logError('NOT_FOUND', 'prove.notCovered', {
      initiative: initiativeId,
      seq,
      index,
      size: checkpoint?.size ?? null,
    })
  }
  let leaf: LogLeaf | undefined
  const hashes = await readLeafHashes(log, checkpoint.size, (l, i) => {
    if (i === index) leaf = l
  })
  if (leaf === undefined) throw new TwoKeysError('INTERNAL', `entry ${index} was not read`)
  return { extra: logLeafData(leaf), index, proof: inclusionProof(hashes, index), note: checkpoint.note }
}
