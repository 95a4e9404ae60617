import type { RecordedEvent } from '../domain/RecordedEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { LogLeaf, LogPlace } from '../tlog/logLeaf.js'

export type { RecordedEvent }

/** A refused attempt, as the engine reports it: who tried what and why it was refused. Never affects state. */
export interface RefusalInput {
  initiativeId: string | null
  commandId: string
  commandHash: string
  command: unknown
  at: number
  code: string
  reasons: string[]
}

/**
 * A refused attempt as the security log keeps it: chained like events, so an edited, deleted or
 * inserted refusal is noticed by `audit verify`. Refusals stored before the chain existed (schema
 * version 1) have empty hashes and may only precede the chained ones.
 */
export interface RefusalRecord extends RefusalInput {
  /** Hash of the store's previous refusal ('' for the first). */
  prevHash: string
  /** SHA-256 of the canonical form of every other field (`eventHash`). */
  hash: string
}

/**
 * A saved machine state of one initiative after event `seq`: a cache that spares replaying
 * the whole log. Never a source of truth; the events are. The engine trusts a snapshot only when
 * its `seal` verifies under the engine's own snapshot key, which the database does not hold, or
 * when its state digest is on a log leaf that a checkpoint cosigned by every institution covers.
 */
export interface StoredSnapshot {
  seq: number
  /** Hash of event `seq`, so that the next append chains on and a stale snapshot is noticed. */
  hash: string
  policyHash: string
  /** `machine.getPersistedSnapshot(snapshot)`: plain JSON. */
  state: unknown
  /** HMAC-SHA256 (hex) of the snapshot under the engine's snapshot key ('' when saved without one). */
  seal: string
}

/** One applied keyring change: the version it made and the change itself, with its signatures. */
export interface StoredKeyringChange {
  version: number
  change: unknown
}

/** Which command id was used for what: the store's idempotency index. */
export interface CommandEntry {
  commandId: string
  initiativeId: string | null
  outcome: 'accepted' | 'refused'
}

/**
 * A checkpoint the log published: its size and the note the log signed (c2sp.org/tlog-checkpoint),
 * with every witness cosignature line the store has added since.
 */
export interface StoredCheckpoint {
  size: number
  /** The signed note: the checkpoint text, a blank line, the log's signature, then cosignatures. */
  note: string
}

/**
 * The store's Merkle log: every event it ever appended, in the order appended (leaf i is the
 * i-th event, 0-based, across all initiatives; on PostgreSQL one order shared by every instance),
 * each leaf with the state digest the engine recorded at a snapshot point, and the checkpoints
 * published over it. Append-only, like the events.
 */
export interface StoreLog {
  /** How many events the log holds. */
  size(): Promise<number>
  /** Leaves `from` … `to - 1`, in log order. */
  leaves(from: number, to: number): Promise<LogLeaf[]>
  /**
   * Where each event of an initiative sits in the log: element i is the place of seq i + 1 — its
   * index, and the state digest its leaf records, if any.
   */
  placesOf(initiativeId: string): Promise<LogPlace[]>
  /** Keeps a checkpoint the log signed (append-only: a second one of the same size must be identical). */
  saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void>
  /** Adds witness cosignature lines to the checkpoint of `size` (lines already there are skipped). */
  addCosignatures(size: number, lines: readonly string[]): Promise<void>
  /** The checkpoint of the largest size, with its cosignatures. */
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>
  /** Every published checkpoint, by size, with its cosignatures. */
  checkpoints(): Promise<StoredCheckpoint[]>
  /** How far a reader of the log (a webhook sender) has got: the next index it will read; 0 at first. */
  cursor(name: string): Promise<number>
  /** Records that the reader `name` has handled every entry before `position` (it never moves back). */
  setCursor(name: string, position: number): Promise<void>
  /**
   * Runs `work` unless another holder is running work under `name` (on PostgreSQL: in any instance,
   * by an advisory lock), so that one instance at a time publishes checkpoints.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>
}

/**
 * An append, as `Store.watch` tells it: the initiative and its new last seq — or `resync` when
 * notices may have been missed (a dropped connection), so a watcher should re-read what it shows.
 */
export type AppendNotice = { initiativeId: string; seq: number } | { resync: true }

/** What an append records besides its events. */
export interface AppendOptions {
  /**
   * The digest of the initiative's state after the last event (`stateDigest`), recorded on that
   * event's Merkle-log leaf: the engine gives it at snapshot points. A 64-digit hex string.
   */
  state?: string
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
   * Appends events, all or none, if the initiative's last stored seq is `expectedSeq` (0 for a new
   * one) and none of their command ids is taken; otherwise throws a TwoKeysError with code
   * CONFLICT and stores nothing.
   */
  append(
    initiativeId: string,
    expectedSeq: number,
    events: RecordedEvent[],
    options?: AppendOptions,
  ): Promise<void>
  listInitiatives(): Promise<string[]>
  findCommand(commandId: string): Promise<CommandOutcome | undefined>
  /**
   * Records a refusal under its command id, unless that id already has an outcome: then nothing
   * is recorded and the earlier outcome is returned (one id, one outcome, also across processes).
   */
  recordRefusal(refusal: RefusalInput): Promise<CommandOutcome | undefined>
  refusals(initiativeId?: string): Promise<RefusalRecord[]>
  putPolicy(hash: string, policy: Policy): Promise<void>
  getPolicy(hash: string): Promise<Policy | undefined>
  /** Adds a snapshot (append-only: a second one at the same `seq` is ignored). Optional. */
  saveSnapshot?(initiativeId: string, snapshot: StoredSnapshot): Promise<void>
  /** The latest saved snapshot of an initiative (with seq ≤ `maxSeq`, when given), if any. Optional. */
  loadSnapshot?(initiativeId: string, maxSeq?: number): Promise<StoredSnapshot | undefined>
  /** Every saved snapshot, by initiative and seq: for the audit. Optional, with the two above. */
  snapshots?(): Promise<(StoredSnapshot & { initiativeId: string })[]>
  /**
   * Adds the keyring change that makes `version` (append-only); CONFLICT when that version is
   * already stored or is not the next one. The engine checks the signatures before.
   */
  appendKeyringChange(change: StoredKeyringChange): Promise<void>
  /** Keyring changes with version > afterVersion, in order. */
  keyringChanges(afterVersion?: number): Promise<StoredKeyringChange[]>
  /** The whole idempotency index (every command id with its initiative and outcome): for the audit. */
  commandIndex(): Promise<CommandEntry[]>
  /**
   * Calls `listener` after each append — on PostgreSQL, by any instance (LISTEN/NOTIFY); on SQLite
   * and in memory, by this process. Returns a function that stops the calls. Optional.
   */
  watch?(listener: (notice: AppendNotice) => void): () => void
  /**
   * Runs `work` with every read it makes of this store seeing one snapshot of the database, so a
   * check that reads part by part is not confused by commits in between (PostgreSQL: a REPEATABLE
   * READ, READ ONLY transaction). Optional; without it, reads see each commit as it lands.
   */
  consistentRead?<T>(work: () => Promise<T>): Promise<T>
  /** The Merkle log over every appended event, and its checkpoints (the shipped stores all have it). */
  readonly log?: StoreLog
  close(): Promise<void>
}
