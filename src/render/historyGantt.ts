import type { RecordedEvent } from '../stores/Store.js'
import { INDENT, task, text } from './mermaidText.js'
import { readable, revisionChanged, revisionNumbers, time, validTime } from './recordedFacts.js'
import type { TimelineWords } from './timelineWords.js'

/** Each key's review on a time axis, every decision a milestone. */
export function gantt(events: readonly RecordedEvent[], title: string, words: TimelineWords): string[] {
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
