import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { eventHash } from '../domain/eventHash.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import { stateDigest } from '../domain/stateDigest.js'
import type { Keyring } from '../identity/KeyringSchema.js'
import { replayChecked } from '../ledger/replayChecked.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Store, StoredSnapshot } from '../stores/Store.js'
import type { CheckpointTrust } from './checkpointTrust.js'
import { engineError } from './engineMessages.js'
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
  /** The engine's own secret: snapshots sealed with it are trusted. */
  snapshotKey: Uint8Array | undefined
  /**
   * Cosigned checkpoints: snapshots whose state digest is on a log leaf they cover are trusted.
   * With neither this nor a key, snapshots are neither saved nor read.
   */
  checkpoints: CheckpointTrust | undefined
  snapshotEvery: number
  /** The keyring versions, for signed events; refreshed when an event names a version not yet read. */
  keyrings: { get(version: number): Keyring | undefined; refresh(): Promise<void> }
}

type MachineState = ReturnType<InitiativeMachine['resolveState']>

/** A snapshot about to be saved: its state, and the digest its event's log leaf records. */
export interface SnapshotPoint {
  snapshot: Omit<StoredSnapshot, 'seal'>
  digest: string
}

const short = (hash: string) => hash.slice(0, 12)

/**
 * Loads initiatives for the engine and keeps them warm: from the in-process cache, else from the
 * latest trusted snapshot (sealed by the engine's key, or covered by a cosigned checkpoint), else
 * from the first event. Whatever is read from the store
 * after that trusted point is checked by the ledger (links, hashes, the pinned policy's rules)
 * before it counts, so a tampered log is refused with AUDIT_TAMPERED instead of being believed.
 */
export function createInitiativeLoader(options: LoaderOptions) {
  const { store, policy, policyHash, snapshotKey, checkpoints, snapshotEvery, keyrings } = options
  const keepsSnapshots =
    (snapshotKey !== undefined || checkpoints !== undefined) &&
    store.saveSnapshot !== undefined &&
    snapshotEvery > 0
  const machines = new Map<string, { policy: Policy; machine: InitiativeMachine }>([
    [policyHash, { policy, machine: createInitiativeMachine(policy) }],
  ])
  const cache = new Map<string, Loaded>()

  async function machineFor(hash: string, initiativeId: string) {
    const known = machines.get(hash)
    if (known !== undefined) return known
    const pinned = await store.getPolicy(hash)
    if (pinned === undefined) {
      throw engineError('STORE_FAILED', 'engine.policyMissing', {
        initiative: initiativeId,
        policy: short(hash),
      })
    }
    if (hashPolicy(pinned) !== hash) {
      throw engineError('AUDIT_TAMPERED', 'engine.policyEdited', {
        initiative: initiativeId,
        policy: short(hash),
      })
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

  /** The latest saved snapshot, if its seal verifies under the engine's key. */
  async function sealedSnapshot(initiativeId: string): Promise<StoredSnapshot | undefined> {
    if (snapshotKey === undefined || store.loadSnapshot === undefined) return undefined
    const saved = await store.loadSnapshot(initiativeId)
    return saved !== undefined && snapshotSealValid(snapshotKey, initiativeId, saved) ? saved : undefined
  }

  /**
   * The latest saved snapshot whose state is the one recorded on its event's log leaf, where a
   * checkpoint every institution's witness cosigned covers that leaf. A snapshot that differs
   * from what the log recorded is not trusted (an earlier covered one may be).
   */
  async function coveredSnapshot(initiativeId: string): Promise<StoredSnapshot | undefined> {
    if (checkpoints === undefined || store.loadSnapshot === undefined || store.log === undefined)
      return undefined
    await checkpoints.refresh()
    const places = await store.log.placesOf(initiativeId)
    for (let seq = places.length; seq >= 1; seq--) {
      const place = places[seq - 1]
      if (place?.state === undefined || place.index >= checkpoints.size()) continue
      const saved = await store.loadSnapshot(initiativeId, seq)
      if (saved === undefined) return undefined
      if (saved.seq < seq) {
        seq = saved.seq + 1 // no snapshot at this point: look from the latest one there is
        continue
      }
      const leaf = { initiativeId, seq, hash: saved.hash, state: place.state }
      if (safeDigest(initiativeId, saved) === place.state && checkpoints.covers(place.index, leaf))
        return saved
    }
    return undefined
  }

  /**
   * The latest trusted snapshot — sealed by this engine's key, or vouched for by a cosigned
   * checkpoint — with the events after it, provided its own event is still in the log with the
   * hash it was taken at. An untrusted snapshot is ignored (the log is replayed instead); a
   * trusted one that the log no longer matches means the log was rewritten.
   */
  async function fromSnapshot(
    initiativeId: string,
  ): Promise<{ point: Loaded; after: RecordedEvent[] } | undefined> {
    const saved = (await sealedSnapshot(initiativeId)) ?? (await coveredSnapshot(initiativeId))
    if (saved === undefined) return undefined
    const { policy: pinned, machine } = await machineFor(saved.policyHash, initiativeId)
    const [own, ...after] = await store.readEvents(initiativeId, saved.seq - 1)
    // The events read start at the snapshot's own: a missing one shows as another hash.
    if (own === undefined || own.hash !== saved.hash || eventHash(own) !== own.hash) {
      throw engineError('AUDIT_TAMPERED', 'engine.snapshotMismatch', {
        initiative: initiativeId,
        seq: saved.seq,
      })
    }
    let snapshot: MachineState
    try {
      snapshot = machine.resolveState(saved.state as Parameters<InitiativeMachine['resolveState']>[0])
    } catch {
      return undefined // taken for another machine: replay the log instead
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
      throw engineError('NOT_FOUND', 'engine.noInitiative', { initiative: initiativeId, store: store.kind })
    }
    return loaded
  }

  /**
   * The snapshot due after an append from seq `before` to `loaded` (one crossed a multiple of
   * `snapshotEvery`), with its state digest for the log leaf of the append's last event.
   */
  function snapshotPoint(initiativeId: string, before: number, loaded: Loaded): SnapshotPoint | undefined {
    if (!keepsSnapshots) return undefined
    if (Math.floor(loaded.seq / snapshotEvery) === Math.floor(before / snapshotEvery)) return undefined
    const snapshot = {
      seq: loaded.seq,
      hash: loaded.lastHash,
      policyHash: loaded.policyHash,
      state: loaded.machine.getPersistedSnapshot(loaded.snapshot as MachineState),
    }
    return { snapshot, digest: stateDigest(initiativeId, snapshot) }
  }

  /**
   * Saves a snapshot (sealed, with a key) once its events are stored. A failure here is
   * harmless: the next load replays a little more.
   */
  async function saveSnapshot(initiativeId: string, point: SnapshotPoint): Promise<void> {
    const { snapshot } = point
    const seal = snapshotKey === undefined ? '' : snapshotSeal(snapshotKey, initiativeId, snapshot)
    await store.saveSnapshot?.(initiativeId, { ...snapshot, seal }).catch(() => undefined)
  }

  return {
    load,
    mustLoad,
    startOf,
    cached: (initiativeId: string) => cache.get(initiativeId),
    remember,
    forget: (initiativeId: string) => void cache.delete(initiativeId),
    snapshotPoint,
    saveSnapshot,
  }
}

export type InitiativeLoader = ReturnType<typeof createInitiativeLoader>

/** The digest of a stored snapshot's state, or undefined when its state has no JSON form. */
function safeDigest(initiativeId: string, saved: StoredSnapshot): string | undefined {
  try {
    return stateDigest(initiativeId, saved)
  } catch {
    return undefined
  }
}
