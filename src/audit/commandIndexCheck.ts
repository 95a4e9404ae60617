import type { CommandEntry, RecordedEvent, RefusalRecord } from '../stores/Store.js'
import { ProblemList } from './ProblemList.js'

const initiative = (id: string | null) => (id === null ? 'no initiative' : `initiative "${id}"`)

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
    if (rows.has(entry.commandId)) problems.add(`the command index has "${entry.commandId}" twice`)
    else rows.set(entry.commandId, { entry, seen: false })
  }

  function claim(
    commandId: string,
    outcome: CommandEntry['outcome'],
    initiativeId: string | null,
    at: string,
  ) {
    const row = rows.get(commandId)
    if (row === undefined) return 'missing'
    if (row.seen) {
      problems.add(
        `${at}: its command id "${commandId}" is also used by an earlier event or refusal; one id has one outcome`,
      )
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
      const at = `position ${position} (initiative "${record.initiativeId}", seq ${record.seq})`
      const found = claim(record.commandId, 'accepted', record.initiativeId, at)
      if (found === 'missing') {
        problems.add(
          `${at}: its command id "${record.commandId}" is not in the command index: the index row was deleted, so the id could be used again`,
        )
      } else if (found !== 'ok') {
        problems.add(
          `${at}: the command index has its command id "${record.commandId}" as ${found.outcome} (${initiative(found.initiativeId)}); the index was edited`,
        )
      }
    },
    /** A refusal at `position` of the security log. */
    refusal(record: RefusalRecord, position: number): void {
      const at = `security log position ${position} (command "${record.commandId}")`
      const found = claim(record.commandId, 'refused', record.initiativeId, at)
      if (found === 'missing') {
        problems.add(
          `${at}: its command id is not in the command index: the refusal was inserted, or the index row deleted`,
        )
      } else if (found !== 'ok') {
        problems.add(
          `${at}: the command index has its command id as ${found.outcome} (${initiative(found.initiativeId)}); the index was edited`,
        )
      }
    },
    /** The verdict, once every event and refusal was fed: index rows nothing stands behind. */
    finish(): { checked: number; problems: string[] } {
      for (const { entry, seen } of rows.values()) {
        if (seen) continue
        const what =
          entry.outcome === 'accepted' ? 'the log has no such event' : 'the security log has no such refusal'
        problems.add(
          `the command index has "${entry.commandId}" as ${entry.outcome} (${initiative(entry.initiativeId)}), but ${what}: it was deleted, or the index row inserted`,
        )
      }
      return { checked: index.length, problems: problems.toArray() }
    },
  }
}
