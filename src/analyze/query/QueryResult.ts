import type { CounterexampleStep } from '../../verify/VerifyResult.js'
import type { StateFacts } from './stateFacts.js'

/**
 * The answer to a query. `reachable`: `steps` is a shortest story from a fresh initiative to a
 * state where the condition holds (replayable on the machine), `facts` that state's facts.
 * `unreachable`: the search explored every reachable state and none satisfies it — a proof, for
 * the explorer's representative initiatives (`contents`). `limit`: the search stopped at
 * `maxStates` or the memory bound first, so there is no verdict (`limit` says why; LIMIT_REACHED).
 */
export interface QueryResult {
  policy: string
  /** The query in canonical form. */
  query: string
  outcome: 'reachable' | 'unreachable' | 'limit'
  steps: CounterexampleStep[]
  facts: StateFacts | null
  /** States seen (the explorer's abstract states, told apart by the facts the query reads). */
  states: number
  expanded: number
  transitions: number
  /** Whether every reachable state was explored: true for a proof; false when a story ended the search early, or a limit stopped it. */
  complete: boolean
  maxStates: number
  seconds: number
  /** The initiatives the search proposes (the explorer's representative contents), in words. */
  contents: string[]
  limit: { code: 'LIMIT_REACHED'; message: string } | null
  /** What a person may have meant (a phase the machine only passes through), in English. */
  notes: string[]
}
