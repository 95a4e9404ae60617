import { eventHash } from '../domain/eventHash.js'
import type { RecordedEvent } from '../stores/Store.js'

/**
 * What a forger covering their tracks does after changing event `index` of a log: recompute its
 * hash, then relink and rehash every later event of the same initiative, so each hash and link
 * checks out again (other initiatives' chains are their own). Changes `events` in place.
 */
export function rechain(events: RecordedEvent[], index: number): void {
  const first = events[index]
  if (first === undefined) return
  let prev = index > 0 ? events[index - 1] : undefined
  for (let i = index; i < events.length; i++) {
    const e = events[i] as RecordedEvent
    if (e.initiativeId !== first.initiativeId) break
    e.prevHash = prev?.initiativeId === first.initiativeId ? prev.hash : ''
    e.hash = eventHash(e)
    prev = e
  }
}
