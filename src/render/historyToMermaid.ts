import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { RecordedEvent } from '../stores/Store.js'
import { renderIds } from './renderIds.js'

export interface HistoryMermaidOptions {
  /**
   * `sequence`: who did what, in order, each principal a lifeline and each key a participant
   * that decisions are sent to; `gantt`: each key's review on a time axis, every decision a
   * milestone.
   */
  kind: 'sequence' | 'gantt'
  /** The diagram's title; by default the initiative's latest title and its id. */
  title?: string
}

const INDENT = '  '

/**
 * Draws one initiative's recorded events as a Mermaid timeline: who turned which key when.
 * Pure and deterministic: the diagram reads only the events (each event's actor and time), so
 * it draws an exported or even a tampered log; an event it cannot read is shown as such.
 * Times are UTC.
 *
 * @example
 * const text = historyToMermaid(await engine.history(id), { kind: 'sequence' })
 * // sequenceDiagram
 * //   actor p_oreshkin as oreshkin
 * //   p_oreshkin->>key_presidential_administration: 3 · 2026-03-05 09:00 · approves revision 1 …
 */
export function historyToMermaid(events: readonly RecordedEvent[], options: HistoryMermaidOptions): string {
  const title = options.title ?? defaultTitle(events)
  const lines = options.kind === 'gantt' ? gantt(events, title) : sequence(events, title)
  return `${lines.join('\n')}\n`
}

function sequence(events: readonly RecordedEvent[], title: string): string[] {
  const actors: string[] = []
  const keys: string[] = []
  const add = (list: string[], item: string) => {
    if (!list.includes(item)) list.push(item)
  }
  for (const { event } of events) {
    if (!readable(event)) continue
    if ('by' in event) add(actors, event.by)
    if (event.type === 'DELEGATE') add(actors, event.deputy)
    if (event.type === 'DECIDE' || event.type === 'REVOKE') add(keys, event.key)
  }
  const ids = renderIds(['initiative', ...actors.map((a) => `p ${a}`), ...keys.map((k) => `key ${k}`)])
  const actor = (id: string) => ids.get(`p ${id}`) ?? 'initiative'
  const key = (id: string) => ids.get(`key ${id}`) ?? 'initiative'

  const lines = ['sequenceDiagram', `${INDENT}title ${text(title)}`]
  lines.push(`${INDENT}participant initiative as initiative ${text(initiativeIdOf(events))}`)
  for (const a of actors) lines.push(`${INDENT}actor ${actor(a)} as ${text(a)}`)
  for (const k of keys) lines.push(`${INDENT}participant ${key(k)} as key ${text(k)}`)
  if (events.length === 0) lines.push(`${INDENT}Note over initiative: no events`)

  const revisions = revisionNumbers(events)
  events.forEach((record, index) => {
    const head = `${record.seq} · ${time(record.event?.at)} · `
    const event = record.event
    const line = (from: string, arrow: string, to: string, words: string) =>
      lines.push(`${INDENT}${from}${arrow}${to}: ${text(head + words)}`)
    if (!readable(event)) {
      lines.push(`${INDENT}Note over initiative: ${text(`${head}an unreadable event`)}`)
      return
    }
    const rev = `revision ${revisions[index]}`
    switch (event.type) {
      case 'PROPOSE':
        line(actor(event.by), '->>', 'initiative', `proposes ${describeContent(event.content)}`)
        break
      case 'SUBMIT':
        line(actor(event.by), '->>', 'initiative', 'submits it for review')
        break
      case 'AMEND':
        line(
          actor(event.by),
          '->>',
          'initiative',
          revisionChanged(events, index) ? `amends it: ${rev}` : 'amends it (the revision stands)',
        )
        break
      case 'DECIDE':
        if (event.decision === 'approve') line(actor(event.by), '->>', key(event.key), `approves ${rev}`)
        else line(actor(event.by), '-x', key(event.key), `refuses ${rev}${reasonOf(event.reason)}`)
        break
      case 'REVOKE':
        line(actor(event.by), '-->>', key(event.key), 'revokes its approval')
        break
      case 'DELEGATE':
        line(
          actor(event.by),
          '->>',
          actor(event.deputy),
          `names deputy for ${event.key} from ${time(event.from)} until ${time(event.until)}`,
        )
        break
      case 'WITHDRAW':
        line(actor(event.by), '-x', 'initiative', `withdraws it${reasonOf(event.reason)}`)
        break
      case 'TICK':
        lines.push(`${INDENT}Note over initiative: ${text(`${head}a deadline fell due`)}`)
        break
      case 'RESPOND':
        line(
          actor(event.by),
          '->>',
          'initiative',
          `${event.accept ? 'accepts' : 'declines'} the rollout in ${event.region}`,
        )
        break
      case 'MINISTRY':
        line(
          actor(event.by),
          '->>',
          'initiative',
          `${event.accept ? 'accepts' : 'declines'} the federal rollout`,
        )
        break
      case 'PLENARY':
        line(actor(event.by), '->>', 'initiative', 'votes in the plenary to return it')
        break
      case 'DESTINATION':
        line(
          actor(event.by),
          '->>',
          'initiative',
          `${event.destination} ${event.agreed ? 'agrees' : 'declines'}`,
        )
        break
      case 'COMPLETE':
        line(actor(event.by), '->>', 'initiative', 'completes the rollout')
        break
    }
    if (event.type !== 'PROPOSE' && revisionChanged(events, index) && keys.length > 0) {
      lines.push(`${INDENT}Note over initiative: ${text(`${rev}: earlier approvals no longer count (TK5)`)}`)
    }
  })
  return lines
}

function gantt(events: readonly RecordedEvent[], title: string): string[] {
  const lines = [
    'gantt',
    `${INDENT}title ${text(title)}`,
    `${INDENT}dateFormat YYYY-MM-DD HH:mm`,
    `${INDENT}axisFormat %d %b`,
    `${INDENT}todayMarker off`,
  ]
  // Only events with a time can go on a time axis; an unreadable one is left out.
  const timed = events.flatMap((record, index) =>
    readable(record.event) && validTime(record.event.at) ? [{ record, index, event: record.event }] : [],
  )
  const revisions = revisionNumbers(events)
  const milestone = (name: string, at: number) =>
    lines.push(`${INDENT}${task(name)} :milestone, ${time(at)}, 0d`)

  lines.push(`${INDENT}section initiative`)
  if (timed.length === 0) milestone('no events', 0)
  for (const { record, index, event } of timed) {
    const n = `${record.seq} `
    switch (event.type) {
      case 'PROPOSE':
        milestone(`${n}proposed by ${event.by}`, event.at)
        break
      case 'SUBMIT':
        milestone(`${n}submitted by ${event.by}`, event.at)
        break
      case 'AMEND':
        milestone(
          `${n}amended by ${event.by}${revisionChanged(events, index) ? `: revision ${revisions[index]}` : ''}`,
          event.at,
        )
        break
      case 'DELEGATE':
        milestone(`${n}${event.by} names ${event.deputy} deputy`, event.at)
        break
      case 'WITHDRAW':
        milestone(`${n}withdrawn by ${event.by}`, event.at)
        break
      case 'TICK':
        milestone(`${n}a deadline fell due`, event.at)
        break
      case 'RESPOND':
        milestone(`${n}${event.region} ${event.accept ? 'accepts' : 'declines'}`, event.at)
        break
      case 'MINISTRY':
        milestone(`${n}${event.ministry} ${event.accept ? 'accepts' : 'declines'}`, event.at)
        break
      case 'PLENARY':
        milestone(`${n}${event.by} votes to return it`, event.at)
        break
      case 'DESTINATION':
        milestone(`${n}${event.destination} ${event.agreed ? 'agrees' : 'declines'}`, event.at)
        break
      case 'COMPLETE':
        milestone(`${n}completed by ${event.by}`, event.at)
        break
      default:
        break // decisions go on their key's line
    }
  }

  // Review rounds: from submission, and again from each new revision after it.
  const end = timed.at(-1)?.event.at ?? 0
  const starts: { at: number; revision: number }[] = []
  for (const { index, event } of timed) {
    const submitted = starts.length > 0 || event.type === 'SUBMIT'
    if (
      event.type === 'SUBMIT' ||
      (submitted && revisionChanged(events, index) && event.type !== 'PROPOSE')
    ) {
      starts.push({ at: event.at, revision: revisions[index] ?? 1 })
    }
  }
  starts.forEach((round, r) => {
    lines.push(
      `${INDENT}${task(`revision ${round.revision} in review`)} :${time(round.at)}, ${time(starts[r + 1]?.at ?? end)}`,
    )
  })
  const keys: string[] = []
  for (const { event } of timed) {
    if ((event.type === 'DECIDE' || event.type === 'REVOKE') && !keys.includes(event.key))
      keys.push(event.key)
  }
  for (const key of keys) {
    lines.push(`${INDENT}section ${task(key)}`)
    starts.forEach((round, r) => {
      const until = starts[r + 1]?.at ?? end
      const acts = timed.filter(
        ({ event }) =>
          (event.type === 'DECIDE' || event.type === 'REVOKE') &&
          event.key === key &&
          event.at >= round.at &&
          (event.at < until || (r === starts.length - 1 && event.at <= until)),
      )
      const last = acts.at(-1)?.event.at ?? until
      lines.push(`${INDENT}${task(`waiting, revision ${round.revision}`)} :${time(round.at)}, ${time(last)}`)
    })
    for (const { record, event } of timed) {
      if (event.type === 'DECIDE' && event.key === key) {
        const mark = event.decision === 'approve' ? '✓' : '✖'
        const verb = event.decision === 'approve' ? 'approves' : 'refuses'
        milestone(`${record.seq} ${mark} ${event.by} ${verb}`, event.at)
      } else if (event.type === 'REVOKE' && event.key === key) {
        milestone(`${record.seq} ↩ ${event.by} revokes`, event.at)
      }
    }
  }
  return lines
}

/** An event whose fields a renderer can trust enough to read (a tampered log may hold anything). */
function readable(event: unknown): event is InitiativeEvent {
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

function isContent(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Record<string, unknown>
  const scope = c.scope as Record<string, unknown> | null | undefined
  return typeof c.title === 'string' && typeof c.objective === 'string' && typeof scope?.kind === 'string'
}

const validTime = (ms: unknown): ms is number =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15

/** UTC, to the minute: the format the Gantt chart's `dateFormat` names. */
function time(ms: unknown): string {
  return validTime(ms) ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : '?'
}

/** Revision numbers after each event: 1 at proposal, one more at each change of revision hash. */
function revisionNumbers(events: readonly RecordedEvent[]): number[] {
  let n = 0
  return events.map((_record, index) => {
    if (index === 0 || revisionChanged(events, index)) n++
    return n
  })
}

function revisionChanged(events: readonly RecordedEvent[], index: number): boolean {
  const before = events[index - 1]
  return before !== undefined && events[index]?.revision !== before.revision
}

function describeContent(content: Extract<InitiativeEvent, { type: 'PROPOSE' }>['content']): string {
  const scope = content.scope
  const where =
    scope.kind === 'regional'
      ? `regional: ${scope.regions.join(', ')}`
      : scope.kind === 'export'
        ? `export: ${scope.destinations.join(', ')}`
        : 'federal'
  return `"${content.title}" (${content.objective}, ${where})`
}

const reasonOf = (reason: string | undefined) => (reason === undefined ? '' : `: "${reason}"`)

function initiativeIdOf(events: readonly RecordedEvent[]): string {
  const id = events[0]?.initiativeId
  return typeof id === 'string' ? id : '(no events)'
}

function defaultTitle(events: readonly RecordedEvent[]): string {
  let title: string | undefined
  for (const { event } of events) {
    if (readable(event) && (event.type === 'PROPOSE' || event.type === 'AMEND')) title = event.content.title
  }
  const id = initiativeIdOf(events)
  return title === undefined ? `initiative ${id}` : `${title} (${id})`
}

/**
 * Free text in a statement: Mermaid ends a statement at `;` and a line, reads `#` as an entity
 * and `<…>` as markup.
 */
function text(value: string): string {
  return value
    .replaceAll(';', ',')
    .replaceAll('#', 'no. ')
    .replaceAll('<', '‹')
    .replaceAll('>', '›')
    .replace(/\s*\n\s*/g, ' ')
}

/** A Gantt task or section name: the same, and no `:`, which starts the task's data. */
function task(value: string): string {
  return text(value).replaceAll(':', ' ·')
}
