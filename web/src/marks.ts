import type { KeyStatus } from '../../src/engine/keyBoard.js'

/** Each key status as a mark and a word, so colour is never the only signal. */
export const KEY_MARKS: Record<KeyStatus, { mark: string; word: string }> = {
  turned: { mark: '✓', word: 'turned' },
  pending: { mark: '○', word: 'not turned' },
  refused: { mark: '✖', word: 'refused' },
  stale: { mark: '↺', word: 'stale' },
  expired: { mark: '◷', word: 'expired' },
}

/** The time as people read it in the classroom: UTC, to the minute. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '?'
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
