import type { KeyStatus } from '../../src/engine/keyBoard.js'
import { t } from './i18n/language.js'

const MARKS: Record<KeyStatus, string> = {
  turned: '✓',
  pending: '○',
  refused: '✖',
  stale: '↺',
  expired: '◷',
  waived: '–',
}

/** Each key status as a mark and a word, so colour is never the only signal. */
export function keyMark(status: KeyStatus): { mark: string; word: string } {
  return { mark: MARKS[status], word: t(`status.${status}`) }
}

/** The time as people read it in the classroom: UTC, to the minute. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '?'
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
