import type { AnyMachineSnapshot } from 'xstate'
import type { Phase } from '../../machines/describeState.js'
import type { Command, CommandInput, CommandOf } from '../domain/Command.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import type { KeyringChangeInput } from '../identity/KeyringChange.js'
import type { Keyring } from '../identity/KeyringSchema.js'
import type { SignatureMemo } from '../identity/signatureMemo.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { RefusalRecord, Store } from '../stores/Store.js'
import type { WitnessList } from '../tlog/witnessList.js'
import type { Explanation } from './explainEvent.js'
import type { Board } from './keyBoard.js'
import type { Receipt } from './LazyReceipt.js'
import type { Clock } from './systemClock.js'

export interface EngineOptions {
  /** The policy new initiatives start under; running ones keep the policy they started with. */
  policy: Policy
  /** Where events live; in memory by default. */
  store?: Store
  /** Epoch milliseconds; the wall clock by default. */
  clock?: Clock
  /** Makes initiative and command ids; 21 random letters and digits (nanoid) by default. */
  ids?: () => string
  /**
   * Saves a sealed machine snapshot every this many events of an initiative, if the store keeps
   * snapshots and a `snapshotKey` is given, so loading replays only the events after it; 50 by
   * default, 0 for never.
   */
  snapshotEvery?: number
  /**
   * The engine's own secret (at least 16 bytes), kept outside the database — a file or an
   * environment variable. Snapshots are sealed with it and only sealed ones are trusted, so whoever
   * can write the database cannot plant a state. Without it no snapshot is saved or read: loading
   * replays the log (checked event by event) once per process.
   */
  snapshotKey?: string | Uint8Array
  /**
   * The witnesses file (its text, or parsed): a snapshot whose state digest is on a log leaf that
   * the latest stored checkpoint covers, cosigned by a witness of every institution listed (and
   * signed by the log's key, if the list names it), is trusted without replay — no snapshot key
   * needed. The engine then saves snapshots every `snapshotEvery` events and records each one's
   * state digest on its event's log leaf. Needs a store with snapshots and a Merkle log.
   */
  witnesses?: WitnessList | string
  /**
   * Signatures already verified elsewhere in this process (`twokeys serve`'s rate limiter shares
   * one with its engine): the Ed25519 check of a command seen there is not done twice. Every other
   * check of the signature still runs. See `createSignatureMemo`.
   */
  signatureMemo?: SignatureMemo
}

export interface InitiativeSummary {
  initiativeId: string
  title: string | null
  phase: Phase
  seq: number
}

type Args<T extends Command['type']> = Omit<CommandOf<T>, 'type' | 'initiativeId'>

/** The engine's API: commands in, events out. Every method is documented in the README. */
export interface Engine {
  readonly policy: Policy
  readonly policyHash: string
  readonly store: Store
  /** The engine's clock (epoch ms): what its background jobs read the time from too. */
  readonly clock: Clock
  dispatch(command: CommandInput): Promise<Receipt>
  propose(command: Omit<CommandOf<'propose'>, 'type'>): Promise<Receipt>
  submit(initiativeId: string, command: Args<'submit'>): Promise<Receipt>
  amend(initiativeId: string, command: Args<'amend'>): Promise<Receipt>
  decide(initiativeId: string, command: Args<'decide'>): Promise<Receipt>
  revoke(initiativeId: string, command: Args<'revoke'>): Promise<Receipt>
  withdraw(initiativeId: string, command: Args<'withdraw'>): Promise<Receipt>
  delegate(initiativeId: string, command: Args<'delegate'>): Promise<Receipt>
  respond(initiativeId: string, command: Args<'respond'>): Promise<Receipt>
  /** A ministry named by a federal initiative accepts or declines its rollout (`rollout.federal: ministries`). */
  ministry(initiativeId: string, command: Args<'ministry'>): Promise<Receipt>
  /** A commission member votes in the plenary to return the initiative (policies with `commission`). */
  plenary(initiativeId: string, command: Args<'plenary'>): Promise<Receipt>
  destination(initiativeId: string, command: Args<'destination'>): Promise<Receipt>
  complete(initiativeId: string, command: Args<'complete'>): Promise<Receipt>
  /** Fires every deadline due at `now`; returns one receipt per initiative whose state changed. */
  tick(now?: number): Promise<Receipt[]>
  /** Would this command be taken now? Never acts. */
  explain(command: CommandInput): Promise<Explanation>
  status(initiativeId: string): Promise<Board>
  history(initiativeId: string): Promise<RecordedEvent[]>
  securityLog(initiativeId?: string): Promise<RefusalRecord[]>
  list(): Promise<InitiativeSummary[]>
  /** The machine snapshot of an initiative (for diagrams, tests and tools). */
  snapshot(initiativeId: string): Promise<AnyMachineSnapshot>
  /** The current keyring, checked change by change; null before the first keyring change. */
  keyring(): Promise<Keyring | null>
  /**
   * Applies a keyring change signed by a key of every key-holding institution (see
   * `signKeyringChange`) and stores it; UNAUTHENTICATED when a signature is missing or bad.
   */
  changeKeyring(change: KeyringChangeInput): Promise<Keyring>
  close(): Promise<void>
}
