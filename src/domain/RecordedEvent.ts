import type { Command } from './Command.js'
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
  /**
   * The signed command the event was made from, kept so anyone can check the signature and that
   * the event is what the command asked (policies with `identity: signed`; absent otherwise).
   */
  command?: Command
  /** The keyring version the signature was checked against (with `command`). */
  keyring?: number
  /** SHA-256 of the canonical form of every field above (see the README's audit recipe). */
  hash: string
}
