import { eventHash } from '../../src/domain/eventHash.js'
import { DAY_MS } from '../../src/domain/timeUnits.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { t } from './i18n/language.js'

/** How a forger changes an event: only its content, or its content and then its hash. */
export type TamperMode = 'edit' | 'edit-and-rehash'

/**
 * Changes one event of a copy of the log, as a forger would: a decision flips, a title is
 * forged, any other event is backdated by a day. With `edit-and-rehash` the forger also
 * recomputes that event's hash. Returns the forged copy and what was changed; the original is
 * untouched.
 */
export function tamperWith(
  history: readonly RecordedEvent[],
  seq: number,
  mode: TamperMode,
): { events: RecordedEvent[]; change: string } {
  const events = structuredClone(history) as RecordedEvent[]
  const target = events.find((e) => e.seq === seq)
  if (target === undefined) throw new Error(`tamperWith: no event with seq ${seq}`)
  const event = target.event
  let change: string
  if (event.type === 'DECIDE') {
    const flipped = event.decision === 'approve' ? 'refuse' : 'approve'
    change = t('tamper.decision', { seq, from: event.decision, to: flipped })
    event.decision = flipped
  } else if (event.type === 'PROPOSE' || event.type === 'AMEND') {
    const forged = t('tamper.forged', { title: event.content.title })
    change = t('tamper.title', { seq, from: event.content.title, to: forged })
    event.content.title = forged
  } else {
    change = t('tamper.time', { seq })
    event.at -= DAY_MS
  }
  if (mode === 'edit-and-rehash') {
    target.hash = eventHash(target)
    change += t('tamper.rehashed')
  }
  return { events, change }
}

/** Each event's own two checks: its hash matches its content, and it names the hash before it. */
export function linkChecks(events: readonly RecordedEvent[]): { hashOk: boolean; linkOk: boolean }[] {
  return events.map((e, i) => {
    let hashOk: boolean
    try {
      hashOk = eventHash(e) === e.hash
    } catch {
      hashOk = false
    }
    return { hashOk, linkOk: e.prevHash === (i === 0 ? '' : events[i - 1]?.hash) }
  })
}
