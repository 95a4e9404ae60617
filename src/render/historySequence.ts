import type { RecordedEvent } from '../stores/Store.js'
import { INDENT, text } from './mermaidText.js'
import {
  describeContent,
  initiativeIdOf,
  readable,
  reasonOf,
  revisionChanged,
  revisionNumbers,
  time,
} from './recordedFacts.js'
import { renderIds } from './renderIds.js'
import type { TimelineWords } from './timelineWords.js'

/** Who did what, in order: each principal a lifeline, each key a participant decisions are sent to. */
export function sequence(events: readonly RecordedEvent[], title: string, words: TimelineWords): string[] {
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
