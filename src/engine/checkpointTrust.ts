import { readLeafHashes } from '../log/readLeafHashes.js'
import type { Store, StoreLog } from '../stores/Store.js'
import { type LogLeaf, logLeafHash } from '../tlog/logLeaf.js'
import { equalHashes, type Hash, MerkleFrontier } from '../tlog/merkle.js'
import { checkCosigned, parseWitnessList, type WitnessList } from '../tlog/witnessList.js'
import { engineError } from './engineMessages.js'

const HASH_BYTES = 32

/**
 * What the engine knows of its store's Merkle log from checkpoints that every institution's
 * witness cosigned: the leaf hashes of the log's first `size` entries, all checked against a
 * cosigned root. A leaf read later counts as covered only if it hashes to the leaf kept at its
 * index. Following the log costs the new entries only (a Merkle frontier carries the tree from one
 * checkpoint to the next) and 32 bytes of memory per entry.
 */
export function createCheckpointTrust(log: StoreLog, witnesses: WitnessList) {
  let trusted = new MerkleFrontier()
  let hashes = new Uint8Array(HASH_BYTES * 1024)
  let lastNote = ''

  function keep(frontier: MerkleFrontier, hash: Hash): void {
    const at = frontier.size * HASH_BYTES
    if (at + HASH_BYTES > hashes.length) {
      const grown = new Uint8Array(Math.max(hashes.length * 2, at + HASH_BYTES))
      grown.set(hashes)
      hashes = grown
    }
    hashes.set(hash, at)
    frontier.append(hash)
  }

  /**
   * Reads the latest stored checkpoint; if every institution's witness cosigned it (and the log's
   * key signed it, when the list names that key) and it is larger than the one trusted so far,
   * reads the new entries of the log and checks the root. A log that does not hash to a cosigned
   * root was rewritten or cut off after the witnesses saw it: AUDIT_TAMPERED.
   */
  async function refresh(): Promise<void> {
    const latest = await log.latestCheckpoint()
    if (latest === undefined || latest.note === lastNote) return
    const cosigned = checkCosigned(latest.note, witnesses)
    if (typeof cosigned === 'string') return // not (yet) settled: keep trusting the last one that was
    const { origin, size, root } = cosigned.checkpoint
    if (size > trusted.size) {
      const next = trusted.clone()
      // The entries the trusted view lacks; a missing one is AUDIT_TAMPERED (the log was cut).
      for (const hash of await readLeafHashes(log, size, undefined, next.size)) keep(next, hash)
      if (!equalHashes(next.root(), root)) {
        throw engineError('AUDIT_TAMPERED', 'engine.checkpointRoot', { origin, size })
      }
      trusted = next
    }
    lastNote = latest.note
  }

  /** True when `leaf` is entry `index` of the log as a cosigned checkpoint fixed it. */
  function covers(index: number, leaf: LogLeaf): boolean {
    if (!(Number.isSafeInteger(index) && index >= 0 && index < trusted.size)) return false
    const at = index * HASH_BYTES
    return equalHashes(hashes.subarray(at, at + HASH_BYTES), logLeafHash(leaf))
  }

  return {
    refresh,
    covers,
    /** How many entries of the log a cosigned checkpoint covers, as far as the engine has read. */
    size: () => trusted.size,
  }
}

export type CheckpointTrust = ReturnType<typeof createCheckpointTrust>

/** The engine's view of cosigned checkpoints, when it was given a witness list. */
export function checkpointTrustOf(store: Store, witnesses: WitnessList | string | undefined) {
  if (witnesses === undefined) return undefined
  const list = typeof witnesses === 'string' ? parseWitnessList(witnesses, 'the witnesses option') : witnesses
  if (typeof list === 'string') throw engineError('CONFIG_INVALID', 'engine.witnessList', { problem: list })
  if (store.log === undefined || store.saveSnapshot === undefined || store.loadSnapshot === undefined) {
    throw engineError('CONFIG_INVALID', 'engine.witnessesNeedLog', { store: store.kind })
  }
  return createCheckpointTrust(store.log, list)
}
