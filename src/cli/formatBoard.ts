import pc from 'picocolors'
import type { Board, KeyLine, KeyStatus } from '../engine/keyBoard.js'
import { cliWords, phaseForPeople } from './cliLanguage.js'
import type { CliWords } from './cliWords.js'

/** Symbol and word for each key status: colour is never the only signal. */
const MARK: Record<KeyStatus, (s: string) => string> = {
  turned: (s) => pc.green(`✓ ${s}`),
  pending: (s) => pc.yellow(`○ ${s}`),
  refused: (s) => pc.red(`✖ ${s}`),
  stale: (s) => pc.magenta(`↺ ${s}`),
  expired: (s) => pc.magenta(`⌛ ${s}`),
  waived: (s) => pc.dim(`– ${s}`),
}

/** A deputy's entry in `waitingFor` names the holder it stands for; the holders are the rest. */
const holdersOf = (line: KeyLine) => line.waitingFor.filter((w) => !w.includes(' (deputy for '))

/**
 * A key's one line for people, from the board's facts, in the CLI's words. Two facts the board
 * keeps only in its English summary (a condition, a lifetime) are read back from it; where even
 * that fails, the English summary is shown as it is.
 */
export function keySummary(line: KeyLine, words: CliWords, active: boolean): string {
  const after = (marker: string) => {
    const at = line.summary.indexOf(marker)
    return at < 0 ? null : line.summary.slice(at + marker.length)
  }
  switch (line.status) {
    case 'turned':
      return words.turnedBy(
        line.approvals.map((a) => (a.by === a.seat ? a.by : words.forSeat(a.by, a.seat))).join(', '),
      )
    case 'refused':
      return words.refusedBy(line.refusedBy.map((r) => r.by).join(', '))
    case 'pending': {
      if (!active) return words.neverTurned
      const holders = holdersOf(line).join(', ')
      return words.waitingFor(Math.max(0, line.quorum - line.approvals.length), holders || words.noOne)
    }
    case 'stale':
      return words.staleWaiting(holdersOf(line).join(', '))
    case 'expired': {
      const days = /older than (\S+) days/.exec(line.summary)?.[1]
      return days === undefined ? line.summary : words.expiredWaiting(days)
    }
    case 'waived': {
      const condition = after('it applies only when ')
      return condition === null ? line.summary : words.waived(condition)
    }
  }
}

/** A board for people: the initiative, its phase, then one line per key and the rollout. */
export function formatBoard(board: Board): string {
  const words = cliWords()
  const width = Math.max(...board.keys.map((k) => k.key.length))
  const statusWidth = Math.max(7, ...Object.values(words.status).map((s) => s.length))
  const head = `${pc.bold(board.title ?? words.untitled)} ${pc.dim(`[${board.initiativeId}]`)} — ${phaseForPeople(
    board.phase,
  )}${board.track === null ? '' : words.track(board.track)} · ${words.revision(board.revision.n)}`
  const active = !['completed', 'withdrawn', 'lapsed'].includes(board.phase)
  const keys = board.keys.map(
    (k) =>
      `  ${MARK[k.status](`${k.key.padEnd(width)}  ${words.status[k.status].padEnd(statusWidth)}`)}  ${keySummary(k, words, active)}`,
  )
  const rollout =
    board.rollout.length === 0
      ? []
      : [
          `  ${words.rollout}: ${board.rollout.map((r) => `${r.target} ${words.answer[r.answer]}`).join(', ')}`,
        ]
  const deadline =
    board.deadline !== null && ['review', 'plenary'].includes(board.phase)
      ? [`  ${words.windowCloses(board.deadline)}`]
      : []
  return [head, ...keys, ...rollout, ...deadline].join('\n')
}
