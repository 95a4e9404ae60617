import type { DifferenceShape, DiffSide } from './DiffResult.js'
import { type DiffWords, ENGLISH_DIFF_WORDS } from './diffWords.js'
import { shapeEvent } from './shapeEvent.js'

/**
 * A difference's shape in one line: the event, then each side's answer — it refuses (with the
 * code and rules), takes it to another phase (`→ federalRollout`), or takes it and stays. `event`,
 * when given, is the event in the caller's words (a page in Russian), instead of `shapeEvent`'s English.
 *
 * @example
 * shapeTitle(group.shape) // 'oreshkin approves presidential-administration → A takes it · B → federalRollout'
 */
export function shapeTitle(
  shape: DifferenceShape,
  words: DiffWords = ENGLISH_DIFF_WORDS,
  event: string = shapeEvent(shape),
): string {
  const answer = (side: DiffSide) => {
    if (shape.refusedBy === side) return words.refuses(side, shape.code ?? 'REFUSED', shape.rules.join(', '))
    const phase = side === 'A' ? shape.phaseA : shape.phaseB
    return phase === null ? words.takes(side) : `${side} → ${words.phase(phase)}`
  }
  const only = shape.onlyIn === null ? '' : ` — ${words.onlyIn(shape.onlyIn)}`
  return `${event} → ${answer('A')} · ${answer('B')}${only}`
}
