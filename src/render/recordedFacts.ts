import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { RecordedEvent } from '../stores/Store.js'
import type { TimelineScope, TimelineWords } from './timelineWords.js'

// What a timeline reads off recorded events, defensively: a tampered log may hold anything.

/** An event whose fields a renderer can trust enough to read (a tampered log may hold anything). */
export function readable(event: unknown): event is InitiativeEvent {
  if (typeof event !== 'object' || event === null) return false
  const e = event as Record<string, unknown>
  if (typeof e.type !== 'string') return false
  const strings: Record<string, string[]> = {
    PROPOSE: ['by'],
    SUBMIT: ['by'],
    AMEND: ['by'],
    DECIDE: ['by', 'key', 'decision'],
    REVOKE: ['by', 'key'],
    DELEGATE: ['by', 'key', 'deputy'],
    WITHDRAW: ['by'],
    TICK: [],
    RESPOND: ['by', 'region'],
    MINISTRY: ['by', 'ministry'],
    PLENARY: ['by', 'vote'],
    DESTINATION: ['by', 'destination'],
    COMPLETE: ['by'],
  }
  const needed = strings[e.type]
  if (needed === undefined || !needed.every((f) => typeof e[f] === 'string')) return false
  if ((e.type === 'PROPOSE' || e.type === 'AMEND') && !isContent(e.content)) return false
  return true
}

export function isContent(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Record<string, unknown>
  const scope = c.scope as Record<string, unknown> | null | undefined
  return typeof c.title === 'string' && typeof c.objective === 'string' && typeof scope?.kind === 'string'
}

export const validTime = (ms: unknown): ms is number =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15

/** UTC, to the minute: the format the Gantt chart's `dateFormat` names. */
export function time(ms: unknown): string {
  return validTime(ms) ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '?'
}

/** Revision numbers after each event: 1 at proposal, one more at each change of revision hash. */
export function revisionNumbers(events: readonly RecordedEvent[]): number[] {
  let n = 0
  return events.map((_record, index) => {
    if (index === 0 || revisionChanged(events, index)) n++
    return n
  })
}

export function revisionChanged(events: readonly RecordedEvent[], index: number): boolean {
  const before = events[index - 1]
  return before !== undefined && events[index]?.revision !== before.revision
}

export function describeContent(
  content: Extract<InitiativeEvent, { type: 'PROPOSE' }>['content'],
  words: TimelineWords,
): string {
  const scope = content.scope
  const where: TimelineScope =
    scope.kind === 'regional'
      ? { kind: 'regional', targets: scope.regions }
      : scope.kind === 'export'
        ? { kind: 'export', targets: scope.destinations }
        : { kind: 'federal', targets: [] }
  return words.content(content.title, content.objective, where)
}

export const reasonOf = (reason: string | undefined) => (reason === undefined ? '' : `: "${reason}"`)

export function initiativeIdOf(events: readonly RecordedEvent[], words: TimelineWords): string {
  const id = events[0]?.initiativeId
  return typeof id === 'string' ? id : words.noInitiative
}

export function defaultTitle(events: readonly RecordedEvent[], words: TimelineWords): string {
  let title: string | undefined
  for (const { event } of events) {
    if (readable(event) && (event.type === 'PROPOSE' || event.type === 'AMEND')) title = event.content.title
  }
  const id = initiativeIdOf(events, words)
  return title === undefined ? words.initiative(id) : `${title} (${id})`
}
