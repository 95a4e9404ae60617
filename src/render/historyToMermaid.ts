import type { RecordedEvent } from '../stores/Store.js'
import { gantt } from './historyGantt.js'
import { sequence } from './historySequence.js'
import { defaultTitle } from './recordedFacts.js'
import { ENGLISH_TIMELINE_WORDS, type TimelineWords } from './timelineWords.js'

export interface HistoryMermaidOptions {
  /**
   * `sequence`: who did what, in order, each principal a lifeline and each key a participant
   * that decisions are sent to; `gantt`: each key's review on a time axis, every decision a
   * milestone.
   */
  kind: 'sequence' | 'gantt'
  /** The diagram's title; by default the initiative's latest title and its id. */
  title?: string
  /** The diagram's words (English by default: `russianTimelineWords(…)` for a Russian page). */
  words?: TimelineWords
}

/**
 * Draws one initiative's recorded events as a Mermaid timeline: who turned which key when.
 * Pure and deterministic: the diagram reads only the events (each event's actor and time), so
 * it draws an exported or even a tampered log; an event it cannot read is shown as such.
 * Times are UTC. `words` say what happens (English by default); ids, titles and times stay as they are.
 *
 * @example
 * const text = historyToMermaid(await engine.history(id), { kind: 'sequence' })
 * // sequenceDiagram
 * //   actor p_oreshkin as oreshkin
 * //   p_oreshkin->>key_presidential_administration: 3 · 2026-03-05 09:00 · approves revision 1 …
 */
export function historyToMermaid(events: readonly RecordedEvent[], options: HistoryMermaidOptions): string {
  const words = options.words ?? ENGLISH_TIMELINE_WORDS
  const title = options.title ?? defaultTitle(events, words)
  const lines = options.kind === 'gantt' ? gantt(events, title, words) : sequence(events, title, words)
  return `${lines.join('\n')}\n`
}
