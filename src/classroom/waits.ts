import type { Policy } from '../policy/PolicySchema.js'
import type { RecordedEvent } from '../stores/Store.js'

/** How long one key waited on one revision of an initiative, from submission (or a new revision) to its turn. */
export interface KeyWait {
  initiativeId: string
  key: string
  /** The revision hash waited on. */
  revision: string
  from: number
  to: number
  /** What ended the wait: the key turned (quorum reached), was refused, the revision changed, or nothing yet. */
  outcome: 'turned' | 'refused' | 'superseded' | 'withdrawn' | 'waiting'
}

/**
 * Every key's waits, read from the recorded events alone: a wait opens for each key when an
 * initiative is submitted or its revision changes under review, and closes when the key's quorum
 * of approvals is reached, a holder refuses (veto), the revision changes or the initiative is
 * withdrawn. A wait still open ends at `ends[initiativeId]` (the session's now, or the initiative's
 * last event when it is out of review).
 *
 * @example
 * keyWaits(policy, events, { kazan: now }).sort((a, b) => b.to - b.from - (a.to - a.from))[0]
 */
export function keyWaits(
  policy: Policy,
  events: readonly RecordedEvent[],
  ends: Readonly<Record<string, number>>,
): KeyWait[] {
  const done: KeyWait[] = []
  const open = new Map<string, KeyWait & { approvals: Set<string> }>()
  const slot = (initiativeId: string, key: string) => `${initiativeId}\u0000${key}`
  const closeAll = (initiativeId: string, at: number, outcome: KeyWait['outcome']) => {
    for (const [id, wait] of open) {
      if (wait.initiativeId !== initiativeId) continue
      const { approvals: _a, ...rest } = wait
      done.push({ ...rest, to: at, outcome })
      open.delete(id)
    }
  }
  const openAll = (e: RecordedEvent) => {
    for (const key of policy.keys) {
      open.set(slot(e.initiativeId, key.id), {
        initiativeId: e.initiativeId,
        key: key.id,
        revision: e.revision,
        from: e.event.at,
        to: e.event.at,
        outcome: 'waiting',
        approvals: new Set(),
      })
    }
  }
  const inReview = new Set<string>()
  for (const e of events) {
    const event = e.event
    if (event.type === 'SUBMIT') {
      inReview.add(e.initiativeId)
      closeAll(e.initiativeId, event.at, 'superseded')
      openAll(e)
    } else if (event.type === 'AMEND' && inReview.has(e.initiativeId)) {
      const changed = [...open.values()].some(
        (w) => w.initiativeId === e.initiativeId && w.revision !== e.revision,
      )
      if (changed) {
        closeAll(e.initiativeId, event.at, 'superseded')
        openAll(e)
      }
    } else if (event.type === 'WITHDRAW') {
      closeAll(e.initiativeId, event.at, 'withdrawn')
      inReview.delete(e.initiativeId)
    } else if (event.type === 'DECIDE') {
      const id = slot(e.initiativeId, event.key)
      const wait = open.get(id)
      const key = policy.keys.find((k) => k.id === event.key)
      if (wait === undefined || key === undefined || wait.revision !== event.revision) continue
      if (event.decision === 'approve') wait.approvals.add(event.by)
      const outcome =
        event.decision === 'refuse' && key.veto
          ? 'refused'
          : wait.approvals.size >= key.quorum
            ? 'turned'
            : undefined
      if (outcome === undefined) continue
      const { approvals: _a, ...rest } = wait
      done.push({ ...rest, to: event.at, outcome })
      open.delete(id)
    }
  }
  for (const wait of open.values()) {
    const { approvals: _a, ...rest } = wait
    done.push({ ...rest, to: Math.max(rest.from, ends[rest.initiativeId] ?? rest.from) })
  }
  return done
}

/** The longest wait: the key the process waited on most, or null before any submission. */
export function bottleneckOf(waits: readonly KeyWait[]): KeyWait | null {
  let longest: KeyWait | null = null
  for (const w of waits) if (longest === null || w.to - w.from > longest.to - longest.from) longest = w
  return longest
}
