import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { type Exploration, type InitiativeSnapshot, pathTo } from '../explore/explore.js'
import { describeEvent, formatDay } from './describeEvent.js'
import type { Counterexample, CounterexampleStep } from './VerifyResult.js'

/** Numbered steps for events applied one after another from `snapshots[i]` (the snapshot before event i). */
export function stepsOf(
  graph: Exploration,
  events: readonly InitiativeEvent[],
  befores: readonly InitiativeSnapshot[],
  first = 1,
): CounterexampleStep[] {
  return events.map((event, i) => {
    const before = befores[i] as InitiativeSnapshot
    return {
      n: first + i,
      at: event.at,
      day: formatDay(event.at),
      actor: event.type === 'TICK' ? 'clock' : event.by,
      command: event.type,
      text: describeEvent(graph.policy, event, before),
      event,
    }
  })
}

/**
 * The shortest path the exploration knows to state `s` (its breadth-first parents), optionally
 * followed by one more event from there, as a counterexample.
 */
export function counterexampleOf(
  graph: Exploration,
  s: number,
  violation: string,
  options: { last?: InitiativeEvent; notes?: string[] } = {},
): Counterexample {
  const { events } = pathTo(graph, s)
  const states: number[] = []
  for (let at = s; at >= 0; at = graph.parent[at] as number) states.push(at)
  states.reverse()
  const befores = states.map((i) => graph.snapshots[i] as InitiativeSnapshot)
  const all = options.last === undefined ? events : [...events, options.last]
  return { steps: stepsOf(graph, all, befores), violation, notes: options.notes ?? [] }
}
