import type { RecordedEvent, Store } from '../stores/Store.js'

/**
 * Every event in a store, in audit-log order: initiative by initiative (in the order they were
 * started), each initiative's events together in seq order.
 *
 * @example
 * const result = verifyAudit(await readAuditLog(store))
 */
export async function readAuditLog(store: Store): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = []
  for (const initiativeId of await store.listInitiatives())
    events.push(...(await store.readEvents(initiativeId)))
  return events
}
