import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { eventHash } from '../domain/eventHash.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Keyring } from '../identity/KeyringSchema.js'
import { replayChecked } from '../ledger/replayChecked.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Store } from '../stores/Store.js'
import { snapshotSeal, snapshotSealValid } from './snapshotSeal.js'

/** An initiative as the engine holds it: the state after event `seq`, under its pinned policy. */
export interface Loaded {
  policy: Policy
  policyHash: string
  machine: InitiativeMachine
  snapshot: AnyMachineSnapshot
  seq: number
  lastHash: string
}

export interface LoaderOptions {
  store: Store
  policy: Policy
  policyHash: string
  /** The engine's own secret: only snapshots sealed with it are trusted. None: snapshots are neither saved nor read. */
  snapshotKey: Uint8Array | undefined
  snapshotEvery: number
  /** The keyring versions, for signed events; refreshed when an event names a version not yet read. */
  keyrings: { get(version: number): Keyring | undefined; refresh(): Promise<void> }
}

type MachineState = ReturnType<InitiativeMachine['resolveState']>

const short = (hash: string) => hash.slice(0, 12)

/**
 * Loads initiatives for the engine and keeps them warm: from the in-process cache, else from the
 * latest snapshot whose seal verifies, else from the first event. Whatever is read from the store
 * after that trusted point is checked by the ledger (links, hashes, the pinned policy's rules)
 * before it counts, so a tampered log is refused with AUDIT_TAMPERED instead of being believed.
 */
export function createInitiativeLoader(options: LoaderOptions) {
  const { store, policy, policyHash, snapshotKey, snapshotEvery, keyrings } = options
  const machines = new Map<string, { policy: Policy; machine: InitiativeMachine }>([
    [policyHash, { policy, machine: createInitiativeMachine(policy) }],
  ])
  const cache = new Map<string, Loaded>()

  async function machineFor(hash: string, initiativeId: string) {
    const known = machines.get(hash)
    if (known !== undefined) return known
    const pinned = await store.getPolicy(hash)
    if (pinned === undefined) {
      throw new TwoKeysError(
        'STORE_FAILED',
        `initiative "${initiativeId}" was started under policy ${short(hash)}, which the store does not have; restore that policy version into the store`,
      )
    }
    if (hashPolicy(pinned) !== hash) {
      throw new TwoKeysError(
        'AUDIT_TAMPERED',
        `the policy pinned as ${short(hash)} by initiative "${initiativeId}" no longer hashes to its pin: it was edited in the store; run \`twokeys audit verify\` and restore it from a backup`,
      )
    }
    const entry = { policy: pinned, machine: createInitiativeMachine(pinned) }
    machines.set(hash, entry)
    return entry
  }

  /** A new initiative under the policy with hash `hash`, before its first event. */
  async function startOf(initiativeId: string, hash: string): Promise<Loaded> {
    const { policy: pinned, machine } = await machineFor(hash, initiativeId)
    return {
      policy: pinned,
      policyHash: hash,
      machine,
      snapshot: getInitialSnapshot(machine, { policyHash: hash }),
      seq: 0,
      lastHash: '',
    }
  }

  /**
   * The latest saved snapshot, if its seal verifies and its own event is still in the log with
   * the hash it was sealed with; with the events after it. A snapshot that is not sealed by this
   * engine's key is ignored (the log is replayed instead); a sealed one that the log no longer
   * matches means the log was rewritten.
   */
  async function fromSnapshot(
    initiativeId: string,
  ): Promise<{ point: Loaded; after: RecordedEvent[] } | undefined> {
    if (snapshotKey === undefined || store.loadSnapshot === undefined) return undefined
    const saved = await store.loadSnapshot(initiativeId)
    if (saved === undefined || !snapshotSealValid(snapshotKey, initiativeId, saved)) return undefined
    const { policy: pinned, machine } = await machineFor(saved.policyHash, initiativeId)
    const [own, ...after] = await store.readEvents(initiativeId, saved.seq - 1)
    if (
      own === undefined ||
      own.seq !== saved.seq ||
      own.hash !== saved.hash ||
      eventHash(own) !== own.hash
    ) {
      throw new TwoKeysError(
        'AUDIT_TAMPERED',
        `initiative "${initiativeId}", event ${saved.seq}: it no longer matches the engine's sealed snapshot of it; the stored log was altered — run \`twokeys audit verify\` and restore it from a backup`,
      )
    }
    let snapshot: MachineState
    try {
      snapshot = machine.resolveState(saved.state as Parameters<InitiativeMachine['resolveState']>[0])
    } catch {
      return undefined // sealed by this key for another machine: replay the log instead
    }
    const point = {
      policy: pinned,
      policyHash: saved.policyHash,
      machine,
      snapshot,
      seq: saved.seq,
      lastHash: saved.hash,
    }
    return { point, after }
  }

  /** Keeps the newer of two states of one initiative: a slow reader never rolls the cache back. */
  function remember(initiativeId: string, loaded: Loaded): Loaded {
    const cached = cache.get(initiativeId)
    if (cached === undefined || cached.seq <= loaded.seq) cache.set(initiativeId, loaded)
    return loaded
  }

  /** Brings an initiative up to date with the store, checking every event not yet trusted. */
  async function load(initiativeId: string): Promise<Loaded | undefined> {
    let base = cache.get(initiativeId)
    let fresh: RecordedEvent[]
    if (base !== undefined) {
      fresh = await store.readEvents(initiativeId, base.seq)
    } else {
      const sealed = await fromSnapshot(initiativeId)
      if (sealed !== undefined) {
        base = sealed.point
        fresh = sealed.after
      } else {
        fresh = await store.readEvents(initiativeId)
        if (fresh[0] === undefined) return undefined
        base = await startOf(initiativeId, fresh[0].policyHash)
      }
    }
    if (fresh.length === 0) return remember(initiativeId, base)
    if (fresh.some((r) => r.keyring !== undefined && keyrings.get(r.keyring) === undefined))
      await keyrings.refresh()
    const signatures = { required: base.policy.identity === 'signed', keyring: keyrings.get }
    const point = replayChecked(base.machine, base.policyHash, initiativeId, base, fresh, signatures)
    return remember(initiativeId, { ...base, ...point })
  }

  async function mustLoad(initiativeId: string): Promise<Loaded> {
    const loaded = await load(initiativeId)
    if (loaded === undefined) {
      throw new TwoKeysError(
        'NOT_FOUND',
        `no initiative "${initiativeId}" in the ${store.kind} store; check the id (engine.list() shows them)`,
      )
    }
    return loaded
  }

  /**
   * Seals and saves a snapshot when an append crossed a multiple of `snapshotEvery`. The events
   * are already stored, so a failure here is harmless: the next load replays a little more.
   */
  async function maybeSaveSnapshot(initiativeId: string, before: number, loaded: Loaded): Promise<void> {
    if (snapshotKey === undefined || store.saveSnapshot === undefined || snapshotEvery <= 0) return
    if (Math.floor(loaded.seq / snapshotEvery) === Math.floor(before / snapshotEvery)) return
    const unsealed = {
      seq: loaded.seq,
      hash: loaded.lastHash,
      policyHash: loaded.policyHash,
      state: loaded.machine.getPersistedSnapshot(loaded.snapshot as MachineState),
    }
    await store
      .saveSnapshot(initiativeId, { ...unsealed, seal: snapshotSeal(snapshotKey, initiativeId, unsealed) })
      .catch(() => undefined)
  }

  return {
    load,
    mustLoad,
    startOf,
    cached: (initiativeId: string) => cache.get(initiativeId),
    remember,
    forget: (initiativeId: string) => void cache.delete(initiativeId),
    maybeSaveSnapshot,
  }
}

export type InitiativeLoader = ReturnType<typeof createInitiativeLoader>
