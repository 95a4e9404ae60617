import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { RecordedEvent } from '../stores/Store.js'
import { renderIds } from './renderIds.js'
import { ENGLISH_TIMELINE_WORDS, type TimelineScope, type TimelineWords } from './timelineWords.js'

export interface HistoryMermaidOptions {
  /**
   * `sequence`: who did what, in order, each principal a lifeline and each key a participant
   * that decisions are sent to; `gantt`: each key's review on a time axis, every decision a
   * milestone.
   */
  kind: 'sequence' | 'gantt'
  /** The diagram's title; by default the initiative's latest title and its id. */
  title?: string
  /** The diagram's words (English by default: `russianTimelineWords(…)` for a Russian page). */
  words?: TimelineWords
}

const INDENT = '  '

/**
 * Draws one initiative's recorded events as a Mermaid timeline: who turned which key when.
 * Pure and deterministic: the diagram reads only the events (each event's actor and time), so
 * it draws an exported or even a tampered log; an event it cannot read is shown as such.
 * Times are UTC. `words` say what happens (English by default); ids, titles and times stay as they are.
 *
 * @example
 * const text = historyToMermaid(await engine.history(id), { kind: 'sequence' })
 * // sequenceDiagram
 * //   actor p_oreshkin as oreshkin
 * //   p_oreshkin->>key_presidential_administration: 3 · 2026-03-05 09:00 · approves revision 1 …
 */
export function historyToMermaid(events: readonly RecordedEvent[], options: HistoryMermaidOptions): string {
  const words = options.words ?? ENGLISH_TIMELINE_WORDS
  const title = options.title ?? defaultTitle(events, words)
  const lines = options.kind === 'gantt' ? gantt(events, title, words) : sequence(events, title, words)
  return `${lines.join('\n')}\n`
}

function sequence(events: readonly RecordedEvent[], title: string, words: TimelineWords): string[] {
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
  lines.push(`${INDENT}participant initiative as ${text(words.initiative(initiativeIdOf(events, words)))}`)
  for (const a of actors) lines.push(`${INDENT}actor ${actor(a)} as ${text(a)}`)
  for (const k of keys) lines.push(`${INDENT}participant ${key(k)} as ${text(words.key(k))}`)
  if (events.length === 0) lines.push(`${INDENT}Note over initiative: ${words.noEvents}`)

  const revisions = revisionNumbers(events)
  events.forEach((record, index) => {
    const head = `${record.seq} · ${time(record.event?.at)} · `
    const event = record.event
    const line = (from: string, arrow: string, to: string, what: string) =>
      lines.push(`${INDENT}${from}${arrow}${to}: ${text(head + what)}`)
    if (!readable(event)) {
      lines.push(`${INDENT}Note over initiative: ${text(`${head}${words.unreadable}`)}`)
      return
    }
    const revision = revisions[index] ?? 1
    switch (event.type) {
      case 'PROPOSE':
        line(actor(event.by), '->>', 'initiative', words.proposes(describeContent(event.content, words)))
        break
      case 'SUBMIT':
        line(actor(event.by), '->>', 'initiative', words.submits)
        break
      case 'AMEND':
        line(
          actor(event.by),
          '->>',
          'initiative',
          words.amends(revisionChanged(events, index) ? revision : null),
        )
        break
      case 'DECIDE':
        if (event.decision === 'approve')
          line(actor(event.by), '->>', key(event.key), words.approves(revision))
        else
          line(actor(event.by), '-x', key(event.key), `${words.refuses(revision)}${reasonOf(event.reason)}`)
        break
      case 'REVOKE':
        line(actor(event.by), '-->>', key(event.key), words.revokes)
        break
      case 'DELEGATE':
        line(
          actor(event.by),
          '->>',
          actor(event.deputy),
          words.delegates(event.key, time(event.from), time(event.until)),
        )
        break
      case 'WITHDRAW':
        line(actor(event.by), '-x', 'initiative', `${words.withdraws}${reasonOf(event.reason)}`)
        break
      case 'TICK':
        lines.push(`${INDENT}Note over initiative: ${text(`${head}${words.deadline}`)}`)
        break
      case 'RESPOND':
        line(actor(event.by), '->>', 'initiative', words.respondsForRegion(event.region, event.accept))
        break
      case 'MINISTRY':
        line(actor(event.by), '->>', 'initiative', words.respondsForMinistry(event.accept))
        break
      case 'PLENARY':
        line(actor(event.by), '->>', 'initiative', words.plenaryVote)
        break
      case 'DESTINATION':
        line(actor(event.by), '->>', 'initiative', words.destination(event.destination, event.agreed))
        break
      case 'COMPLETE':
        line(actor(event.by), '->>', 'initiative', words.completes)
        break
    }
    if (event.type !== 'PROPOSE' && revisionChanged(events, index) && keys.length > 0) {
      lines.push(`${INDENT}Note over initiative: ${text(words.approvalsReset(revision))}`)
    }
  })
  return lines
}

function gantt(events: readonly RecordedEvent[], title: string, words: TimelineWords): string[] {
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

  lines.push(`${INDENT}section ${task(words.section)}`)
  if (timed.length === 0) milestone(words.noEvents, 0)
  for (const { record, index, event } of timed) {
    const n = `${record.seq} `
    switch (event.type) {
      case 'PROPOSE':
        milestone(`${n}${words.proposedBy(event.by)}`, event.at)
        break
      case 'SUBMIT':
        milestone(`${n}${words.submittedBy(event.by)}`, event.at)
        break
      case 'AMEND':
        milestone(
          `${n}${words.amendedBy(event.by, revisionChanged(events, index) ? (revisions[index] ?? 1) : null)}`,
          event.at,
        )
        break
      case 'DELEGATE':
        milestone(`${n}${words.namesDeputy(event.by, event.deputy)}`, event.at)
        break
      case 'WITHDRAW':
        milestone(`${n}${words.withdrawnBy(event.by)}`, event.at)
        break
      case 'TICK':
        milestone(`${n}${words.deadline}`, event.at)
        break
      case 'RESPOND':
        milestone(`${n}${words.answers(event.region, event.accept)}`, event.at)
        break
      case 'MINISTRY':
        milestone(`${n}${words.answers(event.ministry, event.accept)}`, event.at)
        break
      case 'PLENARY':
        milestone(`${n}${words.votesToReturn(event.by)}`, event.at)
        break
      case 'DESTINATION':
        milestone(`${n}${words.destination(event.destination, event.agreed)}`, event.at)
        break
      case 'COMPLETE':
        milestone(`${n}${words.completedBy(event.by)}`, event.at)
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
      `${INDENT}${task(words.inReview(round.revision))} :${time(round.at)}, ${time(starts[r + 1]?.at ?? end)}`,
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
      lines.push(`${INDENT}${task(words.waiting(round.revision))} :${time(round.at)}, ${time(last)}`)
    })
    for (const { record, event } of timed) {
      if (event.type === 'DECIDE' && event.key === key) {
        const done = event.decision === 'approve' ? words.approvedBy(event.by) : words.refusedBy(event.by)
        milestone(`${record.seq} ${done}`, event.at)
      } else if (event.type === 'REVOKE' && event.key === key) {
        milestone(`${record.seq} ${words.revokedBy(event.by)}`, event.at)
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

function describeContent(
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

const reasonOf = (reason: string | undefined) => (reason === undefined ? '' : `: "${reason}"`)

function initiativeIdOf(events: readonly RecordedEvent[], words: TimelineWords): string {
  const id = events[0]?.initiativeId
  return typeof id === 'string' ? id : words.noInitiative
}

function defaultTitle(events: readonly RecordedEvent[], words: TimelineWords): string {
  let title: string | undefined
  for (const { event } of events) {
    if (readable(event) && (event.type === 'PROPOSE' || event.type === 'AMEND')) title = event.content.title
  }
  const id = initiativeIdOf(events, words)
  return title === undefined ? words.initiative(id) : `${title} (${id})`
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
