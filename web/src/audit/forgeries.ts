import { rechain } from '../../../src/audit/rechain.js'
import type { Command } from '../../../src/domain/Command.js'
import { DAY_MS as DAY } from '../../../src/domain/timeUnits.js'
import type { RecordedEvent } from '../../../src/stores/Store.js'
import { t } from '../i18n/language.js'

/** The three forgeries an operator with write access to the log might try, beyond editing one event. */
export type Forgery = 'forge-signature' | 'rewrite-history' | 'cut-tail'

export const FORGERIES: readonly Forgery[] = ['forge-signature', 'rewrite-history', 'cut-tail']

export const isForgery = (mode: string): mode is Forgery => (FORGERIES as readonly string[]).includes(mode)

/** The event a signature forgery changes: the chosen one if it is a signed decision or proposal, else the newest such. */
function signedTarget(events: RecordedEvent[], seq: number): RecordedEvent | undefined {
  const forgeable = (e: RecordedEvent) =>
    e.command !== undefined && ['DECIDE', 'PROPOSE', 'AMEND'].includes(e.event.type)
  const chosen = events.find((e) => e.seq === seq)
  if (chosen !== undefined && forgeable(chosen)) return chosen
  return (
    events.findLast((e) => forgeable(e) && e.event.type === 'DECIDE') ?? events.findLast((e) => forgeable(e))
  )
}

/**
 * A forged copy of the log (the original is untouched) and what was changed:
 *
 * - `forge-signature`: a signed decision flips (or a signed proposal's title changes) in the
 *   event *and* in the signed command stored with it; every hash from there is recomputed; the
 *   signature is kept, since only the signer's private key could make a new one.
 * - `rewrite-history`: the event is moved one day earlier — a field no signature covers — and
 *   the hash of it and of every later event is recomputed, so every hash and link checks out.
 * - `cut-tail`: the event and every later one are dropped; what is left is a whole chain.
 *
 * Throws when the log has no event with `seq` (or, for a signature forgery, no signed event).
 */
export function forge(
  history: readonly RecordedEvent[],
  seq: number,
  kind: Forgery,
): { events: RecordedEvent[]; change: string; seq: number } {
  const events = structuredClone(history) as RecordedEvent[]
  const index = events.findIndex((e) => e.seq === seq)
  if (index < 0) throw new Error(`forge: no event with seq ${seq}`)
  if (kind === 'cut-tail') {
    const last = events.at(-1) as RecordedEvent
    const dropped = events.length - index
    return {
      events: events.slice(0, index),
      change: t('forgery.cut', { count: dropped, range: `${seq}${last.seq === seq ? '' : `–${last.seq}`}` }),
      seq,
    }
  }
  if (kind === 'rewrite-history') {
    const target = events[index] as RecordedEvent
    target.event.at -= DAY
    rechain(events, index)
    const later = events.length - 1 - index
    return {
      events,
      change: t('forgery.rewrite', { seq, count: later }),
      seq,
    }
  }
  const target = signedTarget(events, seq)
  if (target === undefined) throw new Error('forge: the log has no signed decision or proposal to forge')
  const command = target.command as Command
  const event = target.event
  let change: string
  if (event.type === 'DECIDE' && command.type === 'decide') {
    const flipped = event.decision === 'approve' ? 'refuse' : 'approve'
    change = t('forgery.decision', { seq: target.seq, by: event.by, from: event.decision, to: flipped })
    event.decision = flipped
    command.decision = flipped
  } else if (event.type === 'PROPOSE' || event.type === 'AMEND') {
    const title = t('tamper.forged', { title: event.content.title })
    change = t('forgery.title', { seq: target.seq, by: event.by, title })
    event.content.title = title
    ;(command as { title?: string }).title = title
  } else {
    throw new Error('forge: the log has no signed decision or proposal to forge')
  }
  const at = events.indexOf(target)
  rechain(events, at)
  return {
    events,
    change: t('forgery.kept', { change }),
    seq: target.seq,
  }
}
