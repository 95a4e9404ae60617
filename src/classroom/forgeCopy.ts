import { rechain } from '../audit/rechain.js'
import type { Command } from '../domain/Command.js'
import { DAY_MS } from '../domain/timeUnits.js'
import type { RecordedEvent } from '../stores/Store.js'

/**
 * What the forger may do to an exported copy of the log:
 * - `edit-event`: flip the latest decision and leave every hash as it was;
 * - `rewrite-history`: move the latest signed event a day earlier (a field no signature covers)
 *   and recompute its hash and every later one, so each hash and link checks out;
 * - `forge-signature`: flip the latest decision in the event *and* its signed command, keep the
 *   signature (only the signer could make a new one) and recompute every hash from there;
 * - `cut-tail`: drop the last event of the initiative that changed last.
 */
export type Forgery = 'edit-event' | 'rewrite-history' | 'forge-signature' | 'cut-tail'

export const FORGERIES: readonly Forgery[] = ['edit-event', 'rewrite-history', 'forge-signature', 'cut-tail']

/** The event a forgery changed, as data: what a page puts into its own sentence. */
export interface ForgedEvent {
  initiativeId: string
  seq: number
  type: string
  by: string
  /** For a flipped decision: the key, and the decision before and after. */
  key?: string
  from?: 'approve' | 'refuse'
  to?: 'approve' | 'refuse'
}

const forgedEvent = (e: RecordedEvent): ForgedEvent => ({
  initiativeId: e.initiativeId,
  seq: e.seq,
  type: e.event.type,
  by: String((e.event as { by?: string }).by ?? ''),
})

const lastIndex = (events: readonly RecordedEvent[], test: (e: RecordedEvent) => boolean) =>
  events.findLastIndex(test)

const flip = (decision: 'approve' | 'refuse') => (decision === 'approve' ? 'refuse' : 'approve')

/**
 * A forged copy of an exported log (the events given are not changed), a sentence saying what
 * was changed and the event changed, as data; throws when the log has nothing this forgery can change (no decision yet).
 *
 * @example
 * const { events, change } = forgeCopy(exported, 'forge-signature')
 */
export function forgeCopy(
  original: readonly RecordedEvent[],
  forgery: Forgery,
): { events: RecordedEvent[]; change: string; target: ForgedEvent } {
  const events = structuredClone(original) as RecordedEvent[]
  const decided = lastIndex(events, (e) => e.event.type === 'DECIDE')
  if (forgery === 'cut-tail') {
    const newest = events.reduce<RecordedEvent | undefined>(
      (a, e) => (a === undefined || e.event.at >= a.event.at ? e : a),
      undefined,
    )
    if (newest === undefined) throw new Error('the log is empty: there is nothing to cut')
    const last = lastIndex(events, (e) => e.initiativeId === newest.initiativeId)
    const [dropped] = events.splice(last, 1) as [RecordedEvent]
    return {
      events,
      change: `dropped event ${dropped.seq} (${dropped.event.type}) of initiative "${dropped.initiativeId}"`,
      target: forgedEvent(dropped),
    }
  }
  if (forgery === 'rewrite-history') {
    const index = lastIndex(events, (e) => e.command !== undefined)
    if (index < 0) throw new Error('the log has no signed event to move')
    const target = events[index] as RecordedEvent
    target.event.at -= DAY_MS
    rechain(events, index)
    return {
      events,
      change: `moved event ${target.seq} (${target.event.type} by ${String((target.event as { by?: string }).by)}) of "${target.initiativeId}" one day earlier and recomputed every hash after it`,
      target: forgedEvent(target),
    }
  }
  if (decided < 0) throw new Error('the log has no decision to change yet: let a co-chair decide first')
  const target = events[decided] as RecordedEvent
  const event = target.event as Extract<RecordedEvent['event'], { type: 'DECIDE' }>
  const from = event.decision
  event.decision = flip(from)
  const change = `event ${target.seq} of "${target.initiativeId}": ${event.by}'s ${from} of ${event.key} now reads ${event.decision}`
  const changed = { ...forgedEvent(target), key: event.key, from, to: event.decision }
  if (forgery === 'edit-event') return { events, change: `${change}; no hash recomputed`, target: changed }
  const command = target.command as Command | undefined
  if (command?.type === 'decide') command.decision = event.decision
  rechain(events, decided)
  return {
    events,
    change: `${change}, in the signed command too; every hash from there recomputed`,
    target: changed,
  }
}
