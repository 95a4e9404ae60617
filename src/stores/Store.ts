import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Policy } from '../policy/PolicySchema.js'

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

/** A refused attempt, for the security log: who tried what and why it was refused. Never affects state. */
export interface RefusalRecord {
  initiativeId: string | null
  commandId: string
  commandHash: string
  command: unknown
  at: number
  code: string
  reasons: string[]
}

/**
 * A saved machine state of one initiative after event `seq`: a cache that spares replaying
 * the whole log. Never a source of truth; the events are.
 */
export interface StoredSnapshot {
  seq: number
  /** Hash of event `seq`, so that the next append chains on and a stale snapshot is noticed. */
  hash: string
  policyHash: string
  /** `machine.getPersistedSnapshot(snapshot)`: plain JSON. */
  state: unknown
}

export type CommandOutcome =
  | { kind: 'accepted'; event: RecordedEvent }
  | { kind: 'refused'; refusal: RefusalRecord }

/**
 * Where the engine keeps initiatives. Adapters (memory, SQLite, PostgreSQL) implement this and
 * import nothing else from the engine.
 */
export interface Store {
  readonly kind: string
  /** Events of one initiative with seq > afterSeq, in order. */
  readEvents(initiativeId: string, afterSeq?: number): Promise<RecordedEvent[]>
  /**
   * Appends events if the initiative's last stored seq is `expectedSeq` (0 for a new one);
   * otherwise throws a TwoKeysError with code CONFLICT and stores nothing.
   */
  append(initiativeId: string, expectedSeq: number, events: RecordedEvent[]): Promise<void>
  listInitiatives(): Promise<string[]>
  findCommand(commandId: string): Promise<CommandOutcome | undefined>
  recordRefusal(refusal: RefusalRecord): Promise<void>
  refusals(initiativeId?: string): Promise<RefusalRecord[]>
  putPolicy(hash: string, policy: Policy): Promise<void>
  getPolicy(hash: string): Promise<Policy | undefined>
  /** Keeps the latest snapshot of an initiative (an older `seq` than the one kept is ignored). Optional. */
  saveSnapshot?(initiativeId: string, snapshot: StoredSnapshot): Promise<void>
  /** The latest saved snapshot of an initiative, if any. Optional. */
  loadSnapshot?(initiativeId: string): Promise<StoredSnapshot | undefined>
  close(): Promise<void>
}
