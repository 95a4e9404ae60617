import type { ReviewerModel } from './SimulationModel.js'

const INITIAL_ENTRIES = 64
/** Each entry is (slot, generation, seat). */
const ENTRY = 3

/**
 * Every reviewer's waiting dossiers and how many it is reading: one ring buffer of (slot,
 * generation, seat) per reviewer, doubling when full, taken from the front (FIFO) or the back
 * (LIFO) as the reviewer's discipline says. Entries may have gone stale (the initiative finished
 * or moved on); whoever takes one checks.
 *
 * @example
 * const queues = new ReviewerQueues(model.reviewers)
 * queues.add(p, slot, generation, seat)
 * if (queues.canStart(p) && queues.take(p)) use(queues.slot, queues.generation, queues.seat)
 */
export class ReviewerQueues {
  /** Dossiers waiting, per reviewer. */
  private readonly lengths: Int32Array
  /** Dossiers being read, per reviewer. */
  private readonly busy: Int32Array
  private readonly capacity: Int32Array
  private readonly lifo: Uint8Array
  private readonly rings: Int32Array[]
  private readonly heads: Int32Array
  /** The entry `take` returned last. */
  slot = 0
  generation = 0
  seat = 0

  constructor(reviewers: readonly ReviewerModel[]) {
    const n = reviewers.length
    this.lengths = new Int32Array(n)
    this.busy = new Int32Array(n)
    this.heads = new Int32Array(n)
    this.capacity = Int32Array.from(reviewers, (r) => r.capacity)
    this.lifo = Uint8Array.from(reviewers, (r) => (r.lifo ? 1 : 0))
    this.rings = reviewers.map(() => new Int32Array(ENTRY * INITIAL_ENTRIES))
  }

  get reviewers(): number {
    return this.lengths.length
  }

  length(p: number): number {
    return this.lengths[p] as number
  }

  busyCount(p: number): number {
    return this.busy[p] as number
  }

  /** Whether reviewer `p` has a free hand and a dossier waiting. */
  canStart(p: number): boolean {
    return this.busyCount(p) < (this.capacity[p] as number) && this.length(p) > 0
  }

  /** Reviewer `p` starts (+1) or ends (−1) reading a dossier. */
  changeBusy(p: number, by: number): void {
    this.busy[p] = this.busyCount(p) + by
  }

  /** Puts (slot, generation, seat) at the back of reviewer `p`'s queue. */
  add(p: number, slot: number, generation: number, seat: number): void {
    let ring = this.ring(p)
    const length = this.length(p)
    if (length * ENTRY === ring.length) ring = this.grow(p, ring, length)
    const at = ((this.head(p) + length) * ENTRY) % ring.length
    ring[at] = slot
    ring[at + 1] = generation
    ring[at + 2] = seat
    this.lengths[p] = length + 1
  }

  /** Takes reviewer `p`'s next entry into `slot`, `generation`, `seat`; false when none waits. */
  take(p: number): boolean {
    const length = this.length(p)
    if (length === 0) return false
    const ring = this.ring(p)
    const head = this.head(p)
    let at: number
    if (this.lifo[p] === 1) {
      at = ((head + length - 1) * ENTRY) % ring.length
    } else {
      at = head * ENTRY
      this.heads[p] = (head + 1) % (ring.length / ENTRY)
    }
    this.lengths[p] = length - 1
    this.slot = ring[at] as number
    this.generation = ring[at + 1] as number
    this.seat = ring[at + 2] as number
    return true
  }

  private ring(p: number): Int32Array {
    return this.rings[p] as Int32Array
  }

  private head(p: number): number {
    return this.heads[p] as number
  }

  /** Doubles a full ring, its entries unrolled to the front in queue order. */
  private grow(p: number, ring: Int32Array, length: number): Int32Array {
    const data = new Int32Array(ring.length * 2)
    const head = this.head(p)
    for (let i = 0; i < length; i++) {
      const from = ((head + i) * ENTRY) % ring.length
      data.set(ring.subarray(from, from + ENTRY), i * ENTRY)
    }
    this.rings[p] = data
    this.heads[p] = 0
    return data
  }
}
