import pc from 'picocolors'
import { type Board, type KeyLine, type KeyStatus, keySummary, type Policy } from '../index.js'
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

/**
 * A key's line in the CLI's words: rendered from the board's facts and the policy where the CLI has
 * the policy (a run, `--db`); through `--server` it has only the board, whose summary is English.
 */
function lineOf(line: KeyLine, board: Board, words: CliWords, policy: Policy | undefined): string {
  const key = policy?.keys.find((k) => k.id === line.key)
  if (policy === undefined || key === undefined) return line.summary
  const active = !['completed', 'withdrawn', 'lapsed'].includes(board.phase)
  return keySummary(line, { key, lifetimeDays: policy.approvals.lifetimeDays, active }, words.summary)
}

/** A board for people: the initiative, its phase, then one line per key and the rollout. */
export function formatBoard(board: Board, policy?: Policy): string {
  const words = cliWords()
  const width = Math.max(...board.keys.map((k) => k.key.length))
  const statusWidth = Math.max(7, ...Object.values(words.status).map((s) => s.length))
  const head = `${pc.bold(board.title ?? words.untitled)} ${pc.dim(`[${board.initiativeId}]`)} — ${phaseForPeople(
    board.phase,
  )}${board.track === null ? '' : words.track(board.track)} · ${words.revision(board.revision.n)}`
  const keys = board.keys.map(
    (k) =>
      `  ${MARK[k.status](`${k.key.padEnd(width)}  ${words.status[k.status].padEnd(statusWidth)}`)}  ${lineOf(k, board, words, policy)}`,
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
