import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Store, StoreLog } from '../stores/Store.js'

/** The store's Merkle log, or a clear error for a store that keeps none (a custom adapter). */
export function logOf(store: Store): StoreLog {
  if (store.log === undefined) {
    throw new TwoKeysError(
      'COMMAND_INVALID',
      `the ${store.kind} store keeps no Merkle log; use the memory, SQLite or PostgreSQL store (or implement Store.log)`,
    )
  }
  return store.log
}
