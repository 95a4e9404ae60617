import pc from 'picocolors'
import type { Board, KeyStatus } from '../engine/keyBoard.js'

/** Symbol and word for each key status: colour is never the only signal. */
const MARK: Record<KeyStatus, (s: string) => string> = {
  turned: (s) => pc.green(`✓ ${s}`),
  pending: (s) => pc.yellow(`○ ${s}`),
  refused: (s) => pc.red(`✖ ${s}`),
  stale: (s) => pc.magenta(`↺ ${s}`),
  expired: (s) => pc.magenta(`⌛ ${s}`),
  waived: (s) => pc.dim(`– ${s}`),
}

/** A board for people: the initiative, its phase, then one line per key and the rollout. */
export function formatBoard(board: Board): string {
  const width = Math.max(...board.keys.map((k) => k.key.length))
  const head = `${pc.bold(board.title ?? '(untitled)')} ${pc.dim(`[${board.initiativeId}]`)} — ${board.phaseText}${
    board.track === null ? '' : `, track ${board.track}`
  } · revision ${board.revision.n}`
  const keys = board.keys.map(
    (k) => `  ${MARK[k.status](`${k.key.padEnd(width)}  ${k.status.padEnd(7)}`)}  ${k.summary}`,
  )
  const rollout =
    board.rollout.length === 0
      ? []
      : [`  rollout: ${board.rollout.map((r) => `${r.target} ${r.answer}`).join(', ')}`]
  const deadline =
    board.deadline !== null && ['review', 'plenary'].includes(board.phase)
      ? [`  window closes ${board.deadline}`]
      : []
  return [head, ...keys, ...rollout, ...deadline].join('\n')
}
