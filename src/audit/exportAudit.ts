import type { Store } from '../stores/Store.js'
import type { LogPlace } from '../tlog/logLeaf.js'

const logFields = ({ index, state }: LogPlace) =>
  state === undefined ? { logIndex: index } : { logIndex: index, logState: state }

/**
 * The audit log as JSON Lines: one recorded event per line, as stored (initiative by initiative,
 * each initiative's events together in seq order), each with `logIndex`, its place in the store's
 * Merkle log (not part of its hash), and `logState` when that leaf records the state after the
 * event (a snapshot point), so the log's checkpoints can be checked against the file.
 * Reads one initiative at a time, so a large log streams. The README's recipe checks such a file
 * without twokeys.
 *
 * @example
 * for await (const line of exportAudit(store)) out.write(line)
 */
export async function* exportAudit(store: Store): AsyncGenerator<string, void, undefined> {
  for (const initiativeId of await store.listInitiatives()) {
    const places = (await store.log?.placesOf(initiativeId)) ?? []
    for (const event of await store.readEvents(initiativeId)) {
      const place = places[event.seq - 1]
      yield `${JSON.stringify(place === undefined ? event : { ...event, ...logFields(place) })}\n`
    }
  }
}
