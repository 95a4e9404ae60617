import type { CommandEntry, RecordedEvent, RefusalRecord } from '../stores/Store.js'
import { auditPhrase, type EventAt, type RefusalAt } from './auditMessages.js'
import { ProblemList } from './ProblemList.js'

/**
 * Checks the command index (one outcome per command id) against what stands behind it, fed the
 * events and refusals as they are read: every accepted event's id is indexed as accepted for its
 * initiative, every refusal's as refused, each id used once, and no index row stands alone. A
 * deleted row would let an id be used twice; an inserted one would block a command.
 *
 * @example
 * const index = commandIndexCheck(await store.commandIndex())
 * index.event(record, 0); index.refusal(refusal, 0)
 * const { problems } = index.finish()
 */
export function commandIndexCheck(index: readonly CommandEntry[]) {
  const rows = new Map<string, { entry: CommandEntry; seen: boolean }>()
  const problems = new ProblemList()
  for (const entry of index) {
    if (rows.has(entry.commandId)) problems.add(auditPhrase('index.twice', { command: entry.commandId }))
    else rows.set(entry.commandId, { entry, seen: false })
  }

  function claim(
    commandId: string,
    outcome: CommandEntry['outcome'],
    initiativeId: string | null,
    at: EventAt | RefusalAt,
  ) {
    const row = rows.get(commandId)
    if (row === undefined) return 'missing'
    if (row.seen) {
      problems.add(auditPhrase('index.reused', { at, command: commandId }))
      return 'ok'
    }
    row.seen = true
    const { entry } = row
    if (entry.outcome !== outcome || entry.initiativeId !== initiativeId) return entry
    return 'ok'
  }

  return {
    /** An accepted event at `position` of the audit log. */
    event(record: RecordedEvent, position: number): void {
      const at: EventAt = { position, initiative: record.initiativeId, seq: record.seq }
      const found = claim(record.commandId, 'accepted', record.initiativeId, at)
      if (found === 'missing') {
        problems.add(auditPhrase('index.eventMissing', { at, command: record.commandId }))
      } else if (found !== 'ok') {
        problems.add(
          auditPhrase('index.eventMismatch', {
            at,
            command: record.commandId,
            outcome: found.outcome,
            initiative: found.initiativeId,
          }),
        )
      }
    },
    /** A refusal at `position` of the security log. */
    refusal(record: RefusalRecord, position: number): void {
      const at: RefusalAt = { position, command: record.commandId }
      const found = claim(record.commandId, 'refused', record.initiativeId, at)
      if (found === 'missing') {
        problems.add(auditPhrase('index.refusalMissing', { at }))
      } else if (found !== 'ok') {
        problems.add(
          auditPhrase('index.refusalMismatch', {
            at,
            outcome: found.outcome,
            initiative: found.initiativeId,
          }),
        )
      }
    },
    /** The verdict, once every event and refusal was fed: index rows nothing stands behind. */
    finish(): { checked: number; problems: string[] } {
      for (const { entry, seen } of rows.values()) {
        if (seen) continue
        problems.add(
          auditPhrase('index.alone', {
            command: entry.commandId,
            outcome: entry.outcome,
            initiative: entry.initiativeId,
          }),
        )
      }
      return { checked: index.length, problems: problems.toArray() }
    },
  }
}
