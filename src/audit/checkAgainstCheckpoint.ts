import { withPhrase } from '../policy/phrased.js'
import { toBase64 } from '../tlog/base64.js'
import { type Hash, rootHash } from '../tlog/merkle.js'
import type { CosignedCheckpoint } from '../tlog/witnessList.js'
import { auditPhrase, renderAuditPhrase } from './auditMessages.js'

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
    const phrase = auditPhrase('checkpoint.cutOff', {
      events: leaves.length,
      origin: checkpoint.origin,
      size: checkpoint.size,
    })
    return withPhrase({ ok: false, problem: 'cut off', message: renderAuditPhrase(phrase) }, phrase)
  }
  const root = rootHash(leaves.slice(0, checkpoint.size))
  if (toBase64(root) !== toBase64(checkpoint.root)) {
    const phrase = auditPhrase('checkpoint.rewritten', {
      size: checkpoint.size,
      root: toBase64(root),
      origin: checkpoint.origin,
      cosignedRoot: toBase64(checkpoint.root),
    })
    return withPhrase({ ok: false, problem: 'rewritten', message: renderAuditPhrase(phrase) }, phrase)
  }
  return { ok: true, size: checkpoint.size, logSize: leaves.length, cosignedBy: cosigned.cosignedBy }
}
