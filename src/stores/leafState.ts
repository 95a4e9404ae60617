import { TwoKeysError } from '../domain/TwoKeysError.js'
import { STATE_DIGEST } from '../tlog/logLeaf.js'
import type { AppendOptions } from './Store.js'

/**
 * The state digest an append records on its last event's log leaf, checked before anything is
 * written: the log is append-only, so a malformed digest could never be taken back.
 */
export function leafState(options: AppendOptions | undefined, lastSeq: number | undefined): string | null {
  const state = options?.state
  if (state === undefined) return null
  if (typeof state !== 'string' || !STATE_DIGEST.test(state)) {
    throw new TwoKeysError(
      'INTERNAL',
      `refusing to record state digest ${JSON.stringify(state)} on the log leaf of event ${lastSeq}: a state digest is 64 lower-case hex digits (stateDigest)`,
    )
  }
  if (lastSeq === undefined)
    throw new TwoKeysError('INTERNAL', 'refusing to record a state digest on an append with no events')
  return state
}
