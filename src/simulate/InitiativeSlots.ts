import { hashInts, hashOn, StreamSet } from './random.js'
import { SeatStatus, Stream } from './replicationCodes.js'

const INITIAL_SLOTS = 64

/** A copy of `a` with room for `slots` slots of `per` entries each. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, slots: number, per: number): T {
  const b = new (a.constructor as new (n: number) => T)(slots * per)
  b.set(a)
  return b
}

/**
 * The initiatives in flight of one replication, one slot each, in parallel typed arrays (no object
 * per initiative): the table state, revision, amendments, outcome flags, timers, each seat's
 * status on the dossier, and the initiative's random streams. A finished initiative's slot is
 * reused; its generation goes up, so events queued for the old occupant are recognised as stale.
 * Memory grows with the initiatives in flight, never with the horizon.
 *
 * Accessors read in-bounds entries only (a slot comes from `occupy`, a seat from the model), so
 * each reads its array without a check.
 */
export class InitiativeSlots {
  private capacity = INITIAL_SLOTS
  private used = 0
  private readonly free: number[] = []
  private readonly streamsPerSlot: number
  private readonly streams: StreamSet
  /** Each stream's uniform source, by stream index (a sampler takes a function; none is made per draw). */
  private readonly uniforms: (() => number)[] = []
  private gen = new Int32Array(INITIAL_SLOTS)
  private serialOf = new Float64Array(INITIAL_SLOTS)
  private stateOf = new Int32Array(INITIAL_SLOTS)
  private mixOf = new Int32Array(INITIAL_SLOTS)
  private revisionOf = new Int32Array(INITIAL_SLOTS)
  private amendmentsOf = new Int32Array(INITIAL_SLOTS)
  private flagsOf = new Uint8Array(INITIAL_SLOTS)
  private submittedAtOf = new Float64Array(INITIAL_SLOTS)
  private windowEndOf = new Float64Array(INITIAL_SLOTS)
  private expiryAtOf = new Float64Array(INITIAL_SLOTS)
  private amendPendingOf = new Uint8Array(INITIAL_SLOTS)
  private seatStatusOf: Uint8Array
  private seatRevisionOf: Int32Array
  private seatApprovedAtOf: Float64Array

  /** `seats` per initiative; streams are seeded per initiative from (seed, replication). */
  /** `hashInts(seed, replication, entity)`: an initiative's id hashes its serial onto it. */
  private readonly idPrefix: number

  constructor(
    readonly seats: number,
    seed: number,
    replication: number,
    entity: number,
  ) {
    this.idPrefix = hashInts(seed, replication, entity)
    this.streamsPerSlot = Stream.FirstSeat + seats
    this.streams = new StreamSet(INITIAL_SLOTS * this.streamsPerSlot)
    this.seatStatusOf = new Uint8Array(INITIAL_SLOTS * seats)
    this.seatRevisionOf = new Int32Array(INITIAL_SLOTS * seats)
    this.seatApprovedAtOf = new Float64Array(INITIAL_SLOTS * seats)
  }

  /**
   * A slot for initiative number `serial`, reset to the table's initial state, every seat idle,
   * its streams seeded from (seed, replication, entity, serial).
   */
  occupy(serial: number): number {
    let slot = this.free.pop()
    if (slot === undefined) {
      if (this.used === this.capacity) this.grow()
      slot = this.used++
    }
    this.gen[slot] = this.generation(slot) + 1
    this.serialOf[slot] = serial
    this.stateOf[slot] = 0
    this.revisionOf[slot] = 0
    this.amendmentsOf[slot] = 0
    this.flagsOf[slot] = 0
    this.submittedAtOf[slot] = Number.NaN
    this.windowEndOf[slot] = Number.NaN
    this.expiryAtOf[slot] = Number.NaN
    this.amendPendingOf[slot] = 0
    // A loop, not `fill`: a builtin call costs more than a few stores.
    for (let i = slot * this.seats; i < (slot + 1) * this.seats; i++) this.seatStatusOf[i] = SeatStatus.Idle
    const id = hashOn(this.idPrefix, serial)
    const first = slot * this.streamsPerSlot
    for (let k = 0; k < this.streamsPerSlot; k++) this.streams.seedPair(first + k, id, k)
    return slot
  }

  /** The initiative in `slot` has finished: its events go stale and the slot is free again. */
  release(slot: number): void {
    this.gen[slot] = this.generation(slot) + 1
    this.free.push(slot)
  }

  /** The next uniform in [0, 1) of one of the slot's streams (a `Stream`, or a seat's). */
  draw(slot: number, stream: number): number {
    return this.streams.next(slot * this.streamsPerSlot + stream)
  }

  /** The slot's stream as a uniform source, for a sampler: made once per stream, reused by later occupants. */
  uniform(slot: number, stream: number): () => number {
    const at = slot * this.streamsPerSlot + stream
    return this.uniforms[at] ?? this.newUniform(at)
  }

  private newUniform(at: number): () => number {
    const streams = this.streams
    const uniform = () => streams.next(at)
    this.uniforms[at] = uniform
    return uniform
  }

  generation(slot: number): number {
    return this.gen[slot] as number
  }
  /** The initiative's number in arrival order (0, 1, …), for hooks. */
  serial(slot: number): number {
    return this.serialOf[slot] as number
  }
  state(slot: number): number {
    return this.stateOf[slot] as number
  }
  setState(slot: number, state: number): void {
    this.stateOf[slot] = state
  }
  /** The initiative's entry in the scenario's mix. */
  mix(slot: number): number {
    return this.mixOf[slot] as number
  }
  setMix(slot: number, mix: number): void {
    this.mixOf[slot] = mix
  }
  /** The dossier's revision: 0, then one more per amendment. */
  revision(slot: number): number {
    return this.revisionOf[slot] as number
  }
  setRevision(slot: number, revision: number): void {
    this.revisionOf[slot] = revision
  }
  amendments(slot: number): number {
    return this.amendmentsOf[slot] as number
  }
  countAmendment(slot: number): void {
    this.amendmentsOf[slot] = this.amendments(slot) + 1
  }
  /** The initiative's `InitiativeFlag` bits. */
  flags(slot: number): number {
    return this.flagsOf[slot] as number
  }
  has(slot: number, flag: number): boolean {
    return (this.flags(slot) & flag) !== 0
  }
  mark(slot: number, flag: number): void {
    this.flagsOf[slot] = this.flags(slot) | flag
  }
  /** When it was first submitted, or NaN. */
  submittedAt(slot: number): number {
    return this.submittedAtOf[slot] as number
  }
  setSubmittedAt(slot: number, t: number): void {
    this.submittedAtOf[slot] = t
  }
  /** When its latest review or plenary window closes, or NaN. */
  windowEnd(slot: number): number {
    return this.windowEndOf[slot] as number
  }
  setWindowEnd(slot: number, t: number): void {
    this.windowEndOf[slot] = t
  }
  /** When its latest approval-expiry timer fires, or NaN. */
  expiryAt(slot: number): number {
    return this.expiryAtOf[slot] as number
  }
  setExpiryAt(slot: number, t: number): void {
    this.expiryAtOf[slot] = t
  }
  /** Whether the sponsor is already amending (a second request waits for that amendment). */
  amendPending(slot: number): boolean {
    return this.amendPendingOf[slot] === 1
  }
  setAmendPending(slot: number, pending: boolean): void {
    this.amendPendingOf[slot] = pending ? 1 : 0
  }

  seatStatus(slot: number, seat: number): SeatStatus {
    return this.seatStatusOf[slot * this.seats + seat] as SeatStatus
  }
  setSeatStatus(slot: number, seat: number, status: SeatStatus): void {
    this.seatStatusOf[slot * this.seats + seat] = status
  }
  /** The revision the seat was last asked to read. */
  seatRevision(slot: number, seat: number): number {
    return this.seatRevisionOf[slot * this.seats + seat] as number
  }
  setSeatRevision(slot: number, seat: number, revision: number): void {
    this.seatRevisionOf[slot * this.seats + seat] = revision
  }
  /** When the seat last approved. */
  seatApprovedAt(slot: number, seat: number): number {
    return this.seatApprovedAtOf[slot * this.seats + seat] as number
  }
  setSeatApprovedAt(slot: number, seat: number, t: number): void {
    this.seatApprovedAtOf[slot * this.seats + seat] = t
  }

  private grow(): void {
    const n = this.capacity * 2
    const S = this.seats
    this.gen = grown(this.gen, n, 1)
    this.serialOf = grown(this.serialOf, n, 1)
    this.stateOf = grown(this.stateOf, n, 1)
    this.mixOf = grown(this.mixOf, n, 1)
    this.revisionOf = grown(this.revisionOf, n, 1)
    this.amendmentsOf = grown(this.amendmentsOf, n, 1)
    this.flagsOf = grown(this.flagsOf, n, 1)
    this.submittedAtOf = grown(this.submittedAtOf, n, 1)
    this.windowEndOf = grown(this.windowEndOf, n, 1)
    this.expiryAtOf = grown(this.expiryAtOf, n, 1)
    this.amendPendingOf = grown(this.amendPendingOf, n, 1)
    this.seatStatusOf = grown(this.seatStatusOf, n, S)
    this.seatRevisionOf = grown(this.seatRevisionOf, n, S)
    this.seatApprovedAtOf = grown(this.seatApprovedAtOf, n, S)
    this.streams.grow(n * this.streamsPerSlot)
    this.capacity = n
  }
}
