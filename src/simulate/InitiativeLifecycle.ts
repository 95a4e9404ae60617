import type { EventQueue } from './EventQueue.js'
import type { InitiativeSlots } from './InitiativeSlots.js'
import type { ReplicationContext } from './ReplicationContext.js'
import type { ReplicationStatistics } from './ReplicationStatistics.js'
import { EventKind, InitiativeFlag, Stream } from './replicationCodes.js'
import { rolloutEvent, scheduleRollout } from './rolloutAnswers.js'
import { type Initiatives, SeatReviews } from './SeatReviews.js'
import type { SimulationModel } from './SimulationModel.js'
import { KEY_TURNED, PHASE_COMPLETED, PHASE_WITHDRAWN, type TableMoves } from './TableMoves.js'

/**
 * An initiative's life in a replication: it arrives, is proposed and submitted, and from then on
 * moves only along the table. Each move's consequences are booked here — a review window opens
 * and every seat is asked, an escalation or refusal is noted, the sponsor amends or withdraws,
 * an approval starts the rollout, a final state frees the slot — and counted in the statistics.
 */
export class InitiativeLifecycle implements Initiatives {
  /** Initiatives that have arrived so far. */
  arrived = 0
  readonly reviews: SeatReviews
  private readonly model: SimulationModel
  private readonly table: TableMoves
  private readonly slots: InitiativeSlots
  private readonly stats: ReplicationStatistics
  private readonly events: EventQueue
  private readonly phases: SimulationModel['phase']

  constructor(private readonly run: ReplicationContext) {
    this.model = run.model
    this.table = run.table
    this.slots = run.slots
    this.stats = run.stats
    this.events = run.events
    this.phases = run.model.phase
    this.reviews = new SeatReviews(run, this)
  }

  /** A new initiative: its kind drawn from the mix, proposed and submitted. */
  arrive(): void {
    const slot = this.slots.occupy(this.arrived++)
    const u = this.slots.draw(slot, Stream.Sponsor)
    const cumulative = this.model.mixCumulative
    let mix = 0
    while (mix < cumulative.length - 1 && u >= (cumulative[mix] ?? 1)) mix++
    this.slots.setMix(slot, mix)
    this.stats.wip++
    this.fire(slot, this.model.propose[mix] ?? -1)
    this.fire(slot, this.model.ev.submit)
  }

  fire(slot: number, e: number): boolean {
    const s = this.slots.state(slot)
    const n = this.table.move(this.slots.serial(slot), s, e)
    if (n < 0) return false
    this.slots.setState(slot, n)
    if (n !== s) this.changed(slot, s, n)
    return true
  }

  /** The sponsor's amendment of revision `revision` is ready (`Amended`). */
  amended(slot: number, revision: number): void {
    const slots = this.slots
    slots.setAmendPending(slot, false)
    if (revision !== slots.revision(slot)) return
    slots.setRevision(slot, revision + 1)
    const before = slots.state(slot)
    if (this.fire(slot, this.model.ev.amend)) {
      slots.countAmendment(slot)
      // Still in review: a new revision, so every seat that decided reviews again (TK5).
      if (this.reviews.inReview(slot) && this.table.inReview(before)) {
        slots.setExpiryAt(slot, Number.NaN)
        this.reviews.askAll(slot)
      }
    } else {
      slots.setRevision(slot, revision)
    }
  }

  /** The latest approval-expiry timer fired (`ApprovalExpires`). */
  approvalExpires(slot: number): void {
    this.slots.setExpiryAt(slot, Number.NaN)
    this.fire(slot, this.model.ev.expiry)
    if (this.reviews.inReview(slot)) this.reviews.scheduleExpiry(slot)
  }

  /** A rollout party answered (`RolloutAnswer`). */
  rolloutAnswered(slot: number, answer: number): void {
    this.fire(slot, rolloutEvent(this.model.ev, answer))
  }

  /** After a refusal or a request to amend: the sponsor amends after the turnaround, or withdraws. */
  sponsorReacts(slot: number, afterRefusal: boolean): void {
    const { slots, events } = this
    const now = this.run.now
    const g = slots.generation(slot)
    const sponsor = this.model.scenario.sponsor
    const gives =
      slots.amendments(slot) >= sponsor.maxAmendments ||
      (afterRefusal && slots.draw(slot, Stream.Sponsor) < sponsor.withdrawAfterRefusal)
    if (gives) {
      events.push(now, EventKind.Withdrawn, slot, g, 0)
      return
    }
    slots.setAmendPending(slot, true)
    const after = this.model.samplers.amendment(slots.uniform(slot, Stream.Sponsor))
    events.push(now + after, EventKind.Amended, slot, g, slots.revision(slot))
  }

  /** Bookkeeping when the table moves an initiative from state s to n. */
  private changed(slot: number, s: number, n: number): void {
    const { table, slots, phases } = this
    const now = this.run.now
    const ps = table.phase(s)
    const pn = table.phase(n)
    const wasReview = table.inReview(s)
    const isReview = table.inReview(n)
    if (isReview && !wasReview) {
      // A review window opens (submission or resubmission): every seat reviews the revision.
      if (Number.isNaN(slots.submittedAt(slot))) this.submitted(slot, now)
      this.openWindow(slot, now + this.model.policy.review.windowDays)
      this.reviews.askAll(slot)
    }
    if (pn === phases.plenary && ps === phases.review) {
      slots.mark(slot, InitiativeFlag.Escalated)
      this.openWindow(slot, now + this.model.policy.review.plenaryDays)
    }
    if (pn === phases.returned && wasReview) {
      slots.mark(slot, InitiativeFlag.Refused)
      this.sponsorReacts(slot, true)
    }
    const rollout = phases.rollout
    if (wasReview && (pn === rollout[0] || pn === rollout[1] || pn === rollout[2]))
      this.approved(slot, s, n, pn)
    if (table.isFinal(n)) this.finish(slot, pn)
    if (isReview && wasReview) this.reviews.askExpired(slot, s, n)
  }

  /** The first submission: counted from the warm-up on. */
  private submitted(slot: number, now: number): void {
    this.slots.setSubmittedAt(slot, now)
    if (now >= this.run.stats.warmup) {
      this.slots.mark(slot, InitiativeFlag.Counted)
      this.stats.countArrival()
    }
  }

  /** A review or plenary window that closes at `end` (earlier windows' timers go stale). */
  private openWindow(slot: number, end: number): void {
    this.slots.setWindowEnd(slot, end)
    this.events.push(end, EventKind.WindowCloses, slot, this.slots.generation(slot), 0)
  }

  private approved(slot: number, s: number, n: number, pn: number): void {
    const { slots, stats, table } = this
    const now = this.run.now
    slots.mark(slot, InitiativeFlag.Approved)
    stats.countApproval(now)
    if (slots.has(slot, InitiativeFlag.Counted)) {
      const lead = now - slots.submittedAt(slot)
      let lastKey = -1
      for (let k = 0; k < table.keys; k++) {
        if (table.keyStatus(s, k) !== KEY_TURNED && table.keyStatus(n, k) === KEY_TURNED) {
          lastKey = k
          break
        }
      }
      stats.addApproval(lead, lastKey)
      this.resolve(slot, lead > this.model.scenario.sla.approvalDays)
    }
    scheduleRollout(this.run, slot, pn)
  }

  /** A counted initiative's outcome, counted once. */
  private resolve(slot: number, approvalBreach: boolean): void {
    const slots = this.slots
    if (slots.has(slot, InitiativeFlag.Resolved)) return
    const flags = slots.flags(slot)
    slots.mark(slot, InitiativeFlag.Resolved)
    this.stats.resolve(flags, slots.amendments(slot), approvalBreach)
  }

  /** A final state: completed, withdrawn or lapsed. The slot is freed. */
  private finish(slot: number, pn: number): void {
    const { slots, stats } = this
    const now = this.run.now
    if (pn === PHASE_COMPLETED) stats.countCompletion(now)
    if (slots.has(slot, InitiativeFlag.Counted)) {
      if (pn === PHASE_COMPLETED) {
        stats.addCompletion(now - slots.submittedAt(slot))
      } else {
        stats.addUnfinished(pn === PHASE_WITHDRAWN, slots.has(slot, InitiativeFlag.Approved))
        this.resolve(slot, true)
      }
    }
    stats.wip--
    slots.release(slot)
  }
}
