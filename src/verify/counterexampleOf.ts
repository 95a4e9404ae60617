import { type CheckPhrase, sayCheck } from '../../machines/checkPhrases.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { type Exploration, type InitiativeSnapshot, pathTo, snapshotsAlong } from '../explore/explore.js'
import type { Policy } from '../policy/PolicySchema.js'
import { eventPhrase, formatDay } from './describeEvent.js'
import type { Counterexample, CounterexampleStep } from './VerifyResult.js'

/**
 * Numbered steps for events applied one after another from `befores[i]` (the snapshot before
 * event i), each worded as `verify` prints a counterexample; `twokeys query` prints its stories so.
 */
export function stepsOf(
  policy: Policy,
  events: readonly InitiativeEvent[],
  befores: readonly InitiativeSnapshot[],
  first = 1,
): CounterexampleStep[] {
  return events.map((event, i) => {
    const before = befores[i] as InitiativeSnapshot
    const phrase = eventPhrase(policy, event, before)
    return {
      n: first + i,
      at: event.at,
      day: formatDay(event.at),
      actor: event.type === 'TICK' ? 'clock' : event.by,
      command: event.type,
      text: sayCheck(phrase),
      phrase,
      event,
    }
  })
}

/** A finding's words: its English, or a phrase (worded in English here, kept for other languages). */
export type Finding = string | CheckPhrase

/** The text and, when every finding has one, the phrases of a list of findings. */
export function findingTexts(findings: readonly Finding[]): { texts: string[]; phrases?: CheckPhrase[] } {
  const texts = findings.map((f) => (typeof f === 'string' ? f : sayCheck(f)))
  const phrases = findings.filter((f) => typeof f !== 'string')
  return phrases.length === findings.length && findings.length > 0 ? { texts, phrases } : { texts }
}

/**
 * The shortest path the exploration knows to state `s` (its breadth-first parents) — to its
 * image under branch `under` where the branches share their review — optionally followed by one
 * more event from there, as a counterexample. `violation` and `notes` are English or phrases (a
 * violation's `phrase ?? message`).
 */
export function counterexampleOf(
  graph: Exploration,
  s: number,
  violation: Finding,
  options: { last?: InitiativeEvent; notes?: Finding[]; under?: number } = {},
): Counterexample {
  const { events } = pathTo(graph, s, options.under)
  const befores = snapshotsAlong(graph, events)
  const all = options.last === undefined ? events : [...events, options.last]
  const notes = findingTexts(options.notes ?? [])
  return {
    steps: stepsOf(graph.policy, all, befores),
    ...(typeof violation === 'string'
      ? { violation }
      : { violation: sayCheck(violation), violationPhrase: violation }),
    notes: notes.texts,
    ...(notes.phrases === undefined ? {} : { notePhrases: notes.phrases }),
  }
}
