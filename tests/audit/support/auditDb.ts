import { copyFileSync } from 'node:fs'
import { type VerifyStoreOptions, verifyStore } from '../../../src/audit/verifyStore.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'

let copies = 0

/** A copy of a SQLite database file, beside it, for one test to tamper with. */
export function copyDb(path: string): string {
  const to = `${path.replace(/\.db$/, '')}-copy-${++copies}.db`
  copyFileSync(path, to)
  return to
}

/** `verifyStore` on a SQLite database file, closed again after. */
export async function auditDb(path: string, options: VerifyStoreOptions = {}) {
  const store = sqliteStore(path)
  try {
    return await verifyStore(store, options)
  } finally {
    await store.close()
  }
}
