import type { Store, StoredCheckpoint } from '../stores/Store.js'
import { parseCheckpointText, verifyCosignatures } from '../tlog/checkpoint.js'
import { consistencyProof } from '../tlog/merkle.js'
import type { WitnessList } from '../tlog/witnessList.js'
import { addCheckpointBody } from './addCheckpointBody.js'
import { logError } from './logMessages.js'
import { logOf } from './logOf.js'
import { logSignedPart } from './logSignedPart.js'
import { readLeafHashes } from './readLeafHashes.js'

/**
 * The add-checkpoint request (c2sp.org/tlog-witness) for the latest checkpoint, from the size the
 * witness cosigned last: for a witness with no network, carried over on a file.
 */
export async function addCheckpointRequest(store: Store, oldSize: number): Promise<string> {
  const log = logOf(store)
  const checkpoint = await log.latestCheckpoint()
  if (checkpoint === undefined) throw logError('NOT_FOUND', 'checkpoint.none', {})
  if (oldSize > checkpoint.size)
    throw logError('COMMAND_INVALID', 'cosign.oldTooLarge', { old: oldSize, size: checkpoint.size })
  const proof = oldSize === 0 ? [] : consistencyProof(await readLeafHashes(log, checkpoint.size), oldSize)
  return addCheckpointBody(oldSize, proof, logSignedPart(checkpoint.note))
}

/**
 * Stores the cosignature lines a witness answered, after checking each against the listed
 * witness keys on the checkpoint it names; a line no listed witness made, or one that does not
 * verify, is refused (nothing is stored).
 */
export async function acceptCosignatures(
  store: Store,
  list: WitnessList,
  answer: string,
): Promise<StoredCheckpoint> {
  const log = logOf(store)
  const lines = answer.split('\n').filter((l) => l.trim() !== '')
  if (lines.length === 0) throw logError('COMMAND_INVALID', 'cosign.emptyAnswer', {})
  for (const checkpoint of [...(await log.checkpoints())].reverse()) {
    const base = logSignedPart(checkpoint.note)
    const checked = verifyCosignatures(
      `${base}${lines.join('\n')}\n`,
      list.witnesses.map((w) => w.key),
    )
    if (typeof checked === 'string' || checked.cosignedBy.length !== lines.length) continue
    const size = (parseCheckpointText(checked.text) as { size: number }).size
    await log.addCosignatures(size, lines)
    return (await log.checkpoints()).find((c) => c.size === size) as StoredCheckpoint
  }
  throw logError('COMMAND_INVALID', 'cosign.noCheckpoint', {})
}
