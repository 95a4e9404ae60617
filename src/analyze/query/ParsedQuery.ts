import type { ConditionOver } from '../../policy/condition.js'

/** A parsed query: its condition over state facts, and what the search must keep apart to answer it. */
export interface ParsedQuery {
  /** The condition as written back in canonical form (`phase = approved and deputies = 2`). */
  text: string
  condition: ConditionOver<string>
  /** The fields the condition reads, each once, in the order written. */
  fields: string[]
  /**
   * The largest revision number it names (revisions above it compare alike), or null when it
   * does not read `revision`.
   */
  revisionBound: number | null
  /** The largest number of days it names, or null when it does not read `days`. */
  daysBound: number | null
  /** Whether it reads a key's facts (status, approvers, capacity, or the counts of them). */
  readsKeys: boolean
  /** Whether it reads a key's status (`key.<id>`), which the key board computes in every phase. */
  readsKeyStatus: boolean
}
