import type { Store, StoreLog } from '../stores/Store.js'
import { logError } from './logMessages.js'

/** The store's Merkle log, or a clear error for a store that keeps none (a custom adapter). */
export function logOf(store: Store): StoreLog {
  if (store.log === undefined) {
    throw logError('COMMAND_INVALID', 'log.none', { store: store.kind })
  }
  return store.log
}
