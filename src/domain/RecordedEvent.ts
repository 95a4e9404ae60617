import type { InitiativeEvent } from './InitiativeEvent.js'

/** One accepted command, as stored: an event in an initiative's hash-chained log. */
export interface RecordedEvent {
  initiativeId: string
  /** 1, 2, 3 … within the initiative. */
  seq: number
  commandId: string
  /** Hash of the command as requested, to tell a retry from a reuse of its id. */
  commandHash: string
  event: InitiativeEvent
  policyHash: string
  /** The revision hash in force after the event. */
  revision: string
  /** Hash of the previous event of the initiative ('' for the first). */
  prevHash: string
  /** SHA-256 of the canonical form of every field above (see the README's audit recipe). */
  hash: string
}
