import { STATE_DIGEST } from '../tlog/logLeaf.js'
import type { AppendOptions } from './Store.js'
import { storeError } from './storeMessages.js'

/**
 * The state digest an append records on its last event's log leaf, checked before anything is
 * written: the log is append-only, so a malformed digest could never be taken back.
 */
export function leafState(options: AppendOptions | undefined, lastSeq: number | undefined): string | null {
  const state = options?.state
  if (state === undefined) return null
  if (typeof state !== 'string' || !STATE_DIGEST.test(state)) {
    throw storeError('INTERNAL', 'store.badStateDigest', { state: `${JSON.stringify(state)}`, seq: lastSeq })
  }
  if (lastSeq === undefined) throw storeError('INTERNAL', 'store.stateDigestNoEvents', {})
  return state
}
