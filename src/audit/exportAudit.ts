import type { Store } from '../stores/Store.js'

/**
 * The audit log as JSON Lines: one recorded event per line, as stored (initiative by initiative,
 * each initiative's events together in seq order). Reads one initiative at a time, so a large log
 * streams. The README's recipe checks such a file without twokeys.
 *
 * @example
 * for await (const line of exportAudit(store)) out.write(line)
 */
export async function* exportAudit(store: Store): AsyncGenerator<string, void, undefined> {
  for (const initiativeId of await store.listInitiatives()) {
    for (const event of await store.readEvents(initiativeId)) yield `${JSON.stringify(event)}\n`
  }
}
