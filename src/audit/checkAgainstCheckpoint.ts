import { toBase64 } from '../tlog/base64.js'
import type { Checkpoint } from '../tlog/checkpoint.js'
import { type Hash, rootHash } from '../tlog/merkle.js'
import type { CosignedCheckpoint } from '../tlog/witnessList.js'

/** The log measured against a cosigned checkpoint: whole up to it, or cut off, or rewritten. */
export type CheckpointVerdict =
  | { ok: true; size: number; logSize: number; cosignedBy: CosignedCheckpoint['cosignedBy'] }
  | { ok: false; problem: 'cut off' | 'rewritten' | 'not cosigned' | 'unplaced'; message: string }

/**
 * Compares a log's leaves (in log order; a log may have grown past the checkpoint) with a
 * checkpoint both institutions' witnesses cosigned. Fewer leaves than the checkpoint's size: the
 * tail was cut off. The first `size` leaves hashing to another root: history was rewritten, even
 * if every event hash and link was recomputed. Neither needs heads kept from before.
 */
export function checkAgainstCheckpoint(
  leaves: readonly Hash[],
  cosigned: CosignedCheckpoint,
): CheckpointVerdict {
  const { checkpoint } = cosigned
  if (leaves.length < checkpoint.size) {
    return {
      ok: false,
      problem: 'cut off',
      message: `the log was cut off: it holds ${leaves.length} events, but the checkpoint both institutions' witnesses cosigned (${describe(checkpoint)}) holds ${checkpoint.size}`,
    }
  }
  const root = rootHash(leaves.slice(0, checkpoint.size))
  if (toBase64(root) !== toBase64(checkpoint.root)) {
    return {
      ok: false,
      problem: 'rewritten',
      message: `the log was rewritten: its first ${checkpoint.size} events hash to root ${toBase64(root)}, but the cosigned checkpoint (${describe(checkpoint)}) says ${toBase64(checkpoint.root)}; events were edited, inserted, removed or reordered, and their hashes recomputed`,
    }
  }
  return { ok: true, size: checkpoint.size, logSize: leaves.length, cosignedBy: cosigned.cosignedBy }
}

const describe = (c: Checkpoint) => `${c.origin}, size ${c.size}`
