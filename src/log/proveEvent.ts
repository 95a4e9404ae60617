import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Store } from '../stores/Store.js'
import { type LogLeaf, logLeafData } from '../tlog/logLeaf.js'
import { inclusionProof } from '../tlog/merkle.js'
import type { TlogProof } from '../tlog/tlogProof.js'
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
    throw new TwoKeysError(
      'NOT_FOUND',
      `initiative "${initiativeId}" has no event ${seq} in this store; check the id and seq (twokeys history)`,
    )
  }
  const checkpoint = await log.latestCheckpoint()
  if (checkpoint === undefined || checkpoint.size <= index) {
    throw new TwoKeysError(
      'NOT_FOUND',
      `event ${seq} of "${initiativeId}" is entry ${index} of the log, which no checkpoint covers yet (latest size ${checkpoint?.size ?? 'none'}); publish one with twokeys log checkpoint, then prove again`,
    )
  }
  let leaf: LogLeaf | undefined
  const hashes = await readLeafHashes(log, checkpoint.size, (l, i) => {
    if (i === index) leaf = l
  })
  if (leaf === undefined) throw new TwoKeysError('INTERNAL', `entry ${index} was not read`)
  return { extra: logLeafData(leaf), index, proof: inclusionProof(hashes, index), note: checkpoint.note }
}
