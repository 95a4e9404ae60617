import type { Store, StoredCheckpoint, StoreLog } from '../stores/Store.js'
import { checkpointText } from '../tlog/checkpoint.js'
import { rootHash } from '../tlog/merkle.js'
import type { NoteSigner } from '../tlog/noteKey.js'
import { signNote } from '../tlog/signedNote.js'
import { logOf } from './logOf.js'
import { readLeafHashes } from './readLeafHashes.js'

/**
 * Signs a checkpoint of the log as it stands (origin = the key's name, size, RFC 6962 root) and
 * stores it; when nothing was appended since the latest checkpoint, returns that one. On
 * PostgreSQL one instance at a time publishes (an advisory lock); an instance that finds another
 * publishing returns the latest stored checkpoint instead of waiting.
 *
 * @example
 * const checkpoint = await publishCheckpoint(store, parseNoteSigner(readFileSync('log.key', 'utf8')))
 */
export async function publishCheckpoint(store: Store, signer: NoteSigner): Promise<StoredCheckpoint> {
  const log = logOf(store)
  const published = await log.exclusive('checkpoint', () => publish(log, signer))
  if (published.ran) return published.value
  const latest = await log.latestCheckpoint()
  if (latest !== undefined) return latest
  // The other publisher has not stored its first checkpoint yet: make ours (the same, if the same key).
  return publish(log, signer)
}

async function publish(log: StoreLog, signer: NoteSigner): Promise<StoredCheckpoint> {
  const size = await log.size()
  const latest = await log.latestCheckpoint()
  if (latest !== undefined && latest.size === size) return latest
  const root = rootHash(await readLeafHashes(log, size))
  const note = signNote(
    checkpointText({ origin: signer.name, size, root }),
    signer.name,
    signer.seed,
    signer.publicKey,
  )
  await log.saveCheckpoint({ size, note })
  return (await log.checkpoints()).find((c) => c.size === size) ?? { size, note }
}
