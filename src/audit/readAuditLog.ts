import type { RecordedEvent, Store } from '../stores/Store.js'

/**
 * Every event in a store, in audit-log order: initiative by initiative (in the order they were
 * started), each initiative's events together in seq order. Holds the whole log; to check a large
 * store one initiative at a time use `verifyStore`.
 *
 * @example
 * const result = verifyAudit(await readAuditLog(store))
 */
export async function readAuditLog(store: Store): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = []
  for (const initiativeId of await store.listInitiatives()) {
    // One at a time: spreading a long log into push() overflows the call stack.
    for (const event of await store.readEvents(initiativeId)) events.push(event)
  }
  return events
}
