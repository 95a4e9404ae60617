import { DAY_MS } from '../domain/timeUnits.js'
import type { EventQueue } from './EventQueue.js'
import type { InitiativeSlots } from './InitiativeSlots.js'
import type { ReplicationContext } from './ReplicationContext.js'
import type { ReviewerQueues } from './ReviewerQueues.js'
import { EventKind, SeatStatus, Stream } from './replicationCodes.js'
import type { Seat, SimulationModel } from './SimulationModel.js'
import { KEY_PENDING, KEY_TURNED, type TableMoves } from './TableMoves.js'

/** What a seat's decision asks of the initiative's life: a move on the table, the sponsor's answer. */
export interface Initiatives {
  /** Offers event `e` to the initiative in `slot`; whether the machine took it. */
  fire(slot: number, e: number): boolean
  /** The sponsor answers a refusal or a request to amend. */
  sponsorReacts(slot: number, afterRefusal: boolean): void
}

/**
 * How the seats read dossiers: a seat asked to review joins its holder's queue; a holder with a
 * free hand takes the next dossier still pending for its key, reads it or hands it to its deputy,
 * then approves, refuses or returns it (each a draw from the seat's own stream); an approval
 * starts the lifetime timer of the revision's oldest approval.
 */
export class SeatReviews {
  private readonly model: SimulationModel
  private readonly seats: readonly Seat[]
  private readonly table: TableMoves
  private readonly slots: InitiativeSlots
  private readonly queues: ReviewerQueues
  private readonly events: EventQueue
  private readonly lifetime: number | null

  constructor(
    private readonly run: ReplicationContext,
    private readonly initiatives: Initiatives,
  ) {
    this.model = run.model
    this.seats = run.model.seats
    this.table = run.table
    this.slots = run.slots
    this.queues = run.queues
    this.events = run.events
    this.lifetime = run.model.policy.approvals.lifetimeDays
  }

  /** Whether the initiative in `slot` is in review or in the plenary. */
  inReview(slot: number): boolean {
    return this.table.inReview(this.slots.state(slot))
  }

  /** Every seat not already reading (or waiting for) the dossier is asked to review it. */
  askAll(slot: number): void {
    const slots = this.slots
    for (let seat = 0; seat < slots.seats; seat++) {
      const status = slots.seatStatus(slot, seat)
      if (status === SeatStatus.Idle || status === SeatStatus.Done) this.ask(slot, seat)
    }
  }

  /** After a move s → n in review: the seats of a key whose approval stopped counting (expiry) review again. */
  askExpired(slot: number, s: number, n: number): void {
    const table = this.table
    for (let k = 0; k < table.keys; k++) {
      if (table.keyStatus(s, k) !== KEY_TURNED || table.keyStatus(n, k) !== KEY_PENDING) continue
      for (let seat = 0; seat < this.seats.length; seat++) {
        if (this.seats[seat]?.key === k && this.slots.seatStatus(slot, seat) === SeatStatus.Done)
          this.ask(slot, seat)
      }
    }
  }

  /** The seat joins its holder's queue; the holder starts on it if it has a free hand. */
  ask(slot: number, seat: number): void {
    this.slots.setSeatStatus(slot, seat, SeatStatus.Queued)
    const p = this.seat(seat).principal
    this.queues.add(p, slot, this.slots.generation(slot), seat)
    this.start(p)
  }

  /** A holder finished reading (`ReviewDone`): a hand is free, and a current review is decided. */
  reviewDone(slot: number, generation: number, seat: number): void {
    const p = this.seat(seat).principal
    this.queues.changeBusy(p, -1)
    const slots = this.slots
    if (slots.generation(slot) === generation && slots.seatStatus(slot, seat) === SeatStatus.Reviewing)
      this.decide(slot, seat, false)
    this.start(p)
  }

  /** A deputy finished reading (`DeputyDone`) a dossier of a live initiative. */
  deputyDone(slot: number, seat: number): void {
    if (this.slots.seatStatus(slot, seat) === SeatStatus.WithDeputy) this.decide(slot, seat, true)
  }

  /** Reviewer `p` takes dossiers while it has a free hand: stale ones are dropped. */
  private start(p: number): void {
    const { queues, slots, table, events } = this
    const reviewer = this.model.reviewers[p]!
    while (queues.canStart(p)) {
      queues.take(p)
      const slot = queues.slot
      const g = queues.generation
      const seat = queues.seat
      if (slots.generation(slot) !== g || slots.seatStatus(slot, seat) !== SeatStatus.Queued) continue
      const seatInfo = this.seat(seat)
      if (!this.inReview(slot) || table.keyStatus(slots.state(slot), seatInfo.key) !== KEY_PENDING) {
        slots.setSeatStatus(slot, seat, SeatStatus.Idle)
        continue
      }
      const stream = Stream.FirstSeat + seat
      const deputy = reviewer.deputy
      const now = this.run.now
      if (
        deputy !== null &&
        slots.draw(slot, stream) < deputy.delegate &&
        this.initiatives.fire(slot, seatInfo.delegate)
      ) {
        const maxDays = this.model.deputy[seatInfo.key]!.maxDays
        events.push(now + maxDays, EventKind.DelegationEnds, slot, g, seatInfo.key)
        slots.setSeatStatus(slot, seat, SeatStatus.WithDeputy)
        slots.setSeatRevision(slot, seat, slots.revision(slot))
        events.push(now + deputy.review(slots.uniform(slot, stream)), EventKind.DeputyDone, slot, g, seat)
        continue
      }
      queues.changeBusy(p, 1)
      slots.setSeatStatus(slot, seat, SeatStatus.Reviewing)
      slots.setSeatRevision(slot, seat, slots.revision(slot))
      events.push(now + reviewer.review(slots.uniform(slot, stream)), EventKind.ReviewDone, slot, g, seat)
    }
  }

  /** A seat's review ended: the reviewer approves, refuses or returns the dossier. */
  private decide(slot: number, seat: number, byDeputy: boolean): void {
    const slots = this.slots
    if (slots.seatRevision(slot, seat) !== slots.revision(slot) || !this.inReview(slot)) {
      // The dossier changed (or left review) while it was being read.
      slots.setSeatStatus(slot, seat, SeatStatus.Idle)
      if (this.inReview(slot)) this.ask(slot, seat)
      return
    }
    const seatInfo = this.seat(seat)
    const reviewer = this.model.reviewers[seatInfo.principal]!
    const d = byDeputy && reviewer.deputy !== null ? reviewer.deputy.decisions : reviewer.decisions
    const u = slots.draw(slot, Stream.FirstSeat + seat)
    const approves = u < d.approve
    if (!approves && u >= d.approve + d.refuse) {
      // Returned to the sponsor for changes.
      slots.setSeatStatus(slot, seat, SeatStatus.Done)
      if (!slots.amendPending(slot)) this.initiatives.sponsorReacts(slot, false)
      return
    }
    const events = byDeputy ? this.model.deputy[seatInfo.key]! : seatInfo
    const taken = this.initiatives.fire(slot, approves ? events.approve : events.refuse)
    if (!taken && byDeputy) {
      // The delegation window closed first: the dossier goes back to the holder.
      slots.setSeatStatus(slot, seat, SeatStatus.Idle)
      this.ask(slot, seat)
      return
    }
    slots.setSeatStatus(slot, seat, SeatStatus.Done)
    if (approves) {
      slots.setSeatApprovedAt(slot, seat, this.run.now)
      if (taken && this.lifetime !== null) this.scheduleExpiry(slot)
    }
  }

  /** Sets the timer for the current revision's oldest approval still within its lifetime. */
  scheduleExpiry(slot: number): void {
    const { slots, lifetime } = this
    const now = this.run.now
    const revision = slots.revision(slot)
    let earliest = Number.POSITIVE_INFINITY
    for (let seat = 0; seat < slots.seats; seat++) {
      const at = slots.seatApprovedAt(slot, seat)
      if (
        slots.seatStatus(slot, seat) === SeatStatus.Done &&
        slots.seatRevision(slot, seat) === revision &&
        at < earliest &&
        at + (lifetime ?? 0) >= now
      ) {
        earliest = at
      }
    }
    if (earliest === Number.POSITIVE_INFINITY || lifetime === null) return
    // Just past the lifetime, as the machine counts it (inclusive, to the millisecond).
    const t = earliest + lifetime + 1 / DAY_MS
    if (t > now && t !== slots.expiryAt(slot)) {
      slots.setExpiryAt(slot, t)
      this.events.push(t, EventKind.ApprovalExpires, slot, slots.generation(slot), 0)
    }
  }

  private seat(seat: number): Seat {
    return this.seats[seat] as Seat
  }
}
