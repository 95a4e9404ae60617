import { DAY_MS } from '../domain/timeUnits.js'
import { KEY_STATUSES, PHASES, UNEXPANDED } from '../explore/compile.js'
import { EventQueue } from './EventQueue.js'
import { P2Quantile } from './P2Quantile.js'
import { hashInts, hashString, Random, StreamSet } from './random.js'
import type { SimulationModel } from './SimulationModel.js'

/** Lead-time histograms: one bin per day up to this many days, plus an overflow bin. */
export const HISTOGRAM_DAYS = 365

/** What one replication measured: scalars by name (NaN when undefined there) and series for charts. */
export interface ReplicationResult {
  replication: number
  scalars: Record<string, number>
  /** Initiatives open at each sampling instant (`wipPoints` of them, 0 … horizon). */
  wip: number[]
  approvalHistogram: number[]
  completionHistogram: number[]
  /** Events the loop processed (arrivals, reviews, ticks, …). */
  events: number
  /** Initiatives that arrived over the whole horizon. */
  initiatives: number
  /**
   * The counts behind each share of initiatives, by scalar name: `hits` of `trials` (lapsed of
   * resolved, say). Shares of counts get a Wilson interval on the pooled counts (see `estimateShare`).
   */
  counts: Record<string, { hits: number; trials: number }>
}

export interface ReplicationOptions {
  /** Called for every transition taken, with the table's state numbers: for tests. */
  onTransition?: (initiative: number, from: number, event: number, to: number) => void
  /**
   * Replaces the table lookup: the next state of `initiative` in state `from` on `event`, or -1.
   * For benchmarks that drive XState itself; results must be the same as the table's.
   */
  step?: (initiative: number, from: number, event: number) => number
}

// Event kinds of the queue.
const ARRIVAL = 0
const REVIEW_DONE = 1
const DEPUTY_DONE = 2
const WINDOW = 3
const EXPIRY = 4
const DELEGATION = 5
const AMEND = 6
const WITHDRAW = 7
const ROLLOUT = 8
const SAMPLE = 9

// Seat statuses within one initiative.
const IDLE = 0
const QUEUED = 1
const REVIEWING = 2
const DONE = 3
const WITH_DEPUTY = 4

const TURNED = KEY_STATUSES.indexOf('turned')
const PENDING = KEY_STATUSES.indexOf('pending')
const COMPLETED = PHASES.indexOf('completed')
const WITHDRAWN = PHASES.indexOf('withdrawn')
const ENTITY_ARRIVALS = hashString('arrivals')
const ENTITY_INITIATIVE = hashString('initiative')

const bump = (histogram: number[], days: number) => {
  const bin = Math.min(HISTOGRAM_DAYS, Math.floor(days))
  histogram[bin] = (histogram[bin] as number) + 1
}

/** Scalar names every replication reports, in display order; keys and reviewers are appended. */
export function scalarNames(model: SimulationModel): string[] {
  const lead = (m: string) => ['mean', 'p50', 'p90', 'p99'].map((q) => `${m}.${q}`)
  return [
    'arrivals',
    'approvedPer30',
    'completedPer30',
    ...lead('approvalDays'),
    ...lead('completionDays'),
    'wip.mean',
    'approvalRate',
    'refusalRate',
    'amendmentRate',
    'amendmentsPerInitiative',
    'escalationRate',
    'lapseRate',
    'withdrawalRate',
    'slaApprovalBreach',
    'slaCompletionBreach',
    ...model.policy.keys.map((k) => `lastKey.${k.id}`),
    ...model.reviewers.flatMap((r) => [`utilisation.${r.id}`, `queue.${r.id}`]),
  ]
}

/**
 * Runs one replication of the scenario under the policy: a discrete-event simulation whose
 * initiatives move only along the compiled table (`next[state · eventCount + event]`). The
 * simulator decides when principals act; the table decides whether the machine takes it and
 * where it goes. Every random draw comes from a stream named by (seed, replication, entity), so
 * the result depends on nothing else.
 *
 * Memory is bounded by the initiatives in flight (slots are reused) plus fixed-size statistics:
 * P² sketches for quantiles, one-day histograms for charts.
 *
 * @example
 * const r = runReplication(model, 7, 0)
 * r.scalars['approvalDays.mean']
 */
export function runReplication(
  model: SimulationModel,
  seed: number,
  replication: number,
  options: ReplicationOptions = {},
): ReplicationResult {
  const { table, scenario, seats, reviewers, ev, phase: PH } = model
  /** Whether named ministries answer a federal rollout (the sponsor does not complete it). */
  const ministries = (ev.ministry[0]?.[0] ?? -1) >= 0
  const E = table.eventCount
  const K = table.keyCount
  const S = seats.length
  // A lazy table grows as states are found: these are re-read after each expansion.
  let next = table.next
  let phaseOf = table.phase
  let keyStatus = table.keyStatus
  let final = table.final
  /** The move of event `e` from state `s` on a lazy table whose row `s` is not computed yet. */
  function expandedMove(s: number, e: number): number {
    table.expand?.(s)
    next = table.next
    phaseOf = table.phase
    keyStatus = table.keyStatus
    final = table.final
    return next[s * E + e] as number
  }
  const horizon = scenario.horizonDays
  const warmup = scenario.warmupDays
  const policy = model.policy
  const windowDays = policy.review.windowDays
  const plenaryDays = policy.review.plenaryDays
  const lifetime = policy.approvals.lifetimeDays
  const onTransition = options.onTransition
  const step = options.step
  const STREAMS = 2 + S // 0: the initiative and its sponsor, 1: rollout, 2+s: seat s

  // Slots of initiatives in flight, reused after they finish.
  let capacity = 64
  let gen = new Int32Array(capacity)
  let serial = new Float64Array(capacity)
  let st = new Int32Array(capacity)
  let mixOf = new Int32Array(capacity)
  let rev = new Int32Array(capacity)
  let amendments = new Int32Array(capacity)
  let flags = new Uint8Array(capacity)
  let submittedAt = new Float64Array(capacity)
  let windowEnd = new Float64Array(capacity)
  let expiryAt = new Float64Array(capacity)
  let amendPending = new Uint8Array(capacity)
  let seatStatus = new Uint8Array(capacity * S)
  let seatRev = new Int32Array(capacity * S)
  let seatApprovedAt = new Float64Array(capacity * S)
  const streams = new StreamSet(capacity * STREAMS)
  const free: number[] = []
  let used = 0
  const F_COUNTED = 1
  const F_ESCALATED = 2
  const F_REFUSED = 4
  const F_APPROVED = 8
  const F_RESOLVED = 16

  function grow() {
    const n = capacity * 2
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, per = 1): T => {
      const b = new (a.constructor as new (n: number) => T)(n * per)
      b.set(a)
      return b
    }
    gen = g(gen)
    serial = g(serial)
    st = g(st)
    mixOf = g(mixOf)
    rev = g(rev)
    amendments = g(amendments)
    flags = g(flags)
    submittedAt = g(submittedAt)
    windowEnd = g(windowEnd)
    expiryAt = g(expiryAt)
    amendPending = g(amendPending)
    seatStatus = g(seatStatus, S)
    seatRev = g(seatRev, S)
    seatApprovedAt = g(seatApprovedAt, S)
    streams.grow(n * STREAMS)
    capacity = n
  }

  // Reviewers' queues: ring buffers of (slot, generation, seat).
  const P = reviewers.length
  const queues = reviewers.map(() => ({ data: new Int32Array(3 * 64), head: 0, length: 0 }))
  const busy = new Int32Array(P)
  const caps = Int32Array.from(reviewers, (r) => r.capacity)
  const lifo = Uint8Array.from(reviewers, (r) => (r.lifo ? 1 : 0))

  // Statistics (time integrals count from the warm-up on).
  let lastT = 0
  let wip = 0
  let wipArea = 0
  const queueArea = new Float64Array(P)
  const busyArea = new Float64Array(P)
  const reviewsDone = new Float64Array(P)
  let approvedCount = 0
  let completedCount = 0
  let resolved = 0
  let approvedResolved = 0
  let refused = 0
  let amended = 0
  let amendmentTotal = 0
  let escalated = 0
  let lapsed = 0
  let withdrawn = 0
  let slaApprovalBreaches = 0
  let finished = 0
  let slaCompletionBreaches = 0
  const lastKey = new Float64Array(K)
  const approvalQ = [0.5, 0.9, 0.99].map((p) => new P2Quantile(p))
  const completionQ = [0.5, 0.9, 0.99].map((p) => new P2Quantile(p))
  let approvalSum = 0
  let approvalN = 0
  let completionSum = 0
  let completionN = 0
  const approvalHistogram = new Array<number>(HISTOGRAM_DAYS + 1).fill(0)
  const completionHistogram = new Array<number>(HISTOGRAM_DAYS + 1).fill(0)
  const wipSeries = new Array<number>(scenario.wipPoints).fill(0)
  let arrivalsCounted = 0
  let initiatives = 0
  let events = 0
  const slaApproval = scenario.sla.approvalDays
  const slaCompletion = scenario.sla.completionDays

  const queue = new EventQueue()
  let now = 0

  const accrue = (t: number) => {
    const from = Math.max(lastT, warmup)
    if (t > from) {
      const dt = t - from
      wipArea += wip * dt
      for (let p = 0; p < P; p++) {
        queueArea[p] = (queueArea[p] as number) + (queues[p] as { length: number }).length * dt
        busyArea[p] = (busyArea[p] as number) + (busy[p] as number) * dt
      }
    }
    lastT = t
  }

  const uniformOf = (slot: number, stream: number) => () => streams.next(slot * STREAMS + stream)
  // Uniform sources are rebuilt per draw group; cheap closures over the slot's streams.
  const draw = (slot: number, stream: number) => streams.next(slot * STREAMS + stream)

  const counted = (slot: number) => ((flags[slot] as number) & F_COUNTED) !== 0

  function fire(slot: number, e: number): boolean {
    if (e < 0) return false
    const s = st[slot] as number
    let n = step === undefined ? (next[s * E + e] as number) : step(serial[slot] as number, s, e)
    if (n === UNEXPANDED) n = expandedMove(s, e)
    if (n < 0) return false
    st[slot] = n
    if (onTransition !== undefined) onTransition(serial[slot] as number, s, e, n)
    if (n !== s) changed(slot, s, n)
    return true
  }

  function enqueue(slot: number, seat: number) {
    seatStatus[slot * S + seat] = QUEUED
    const p = (seats[seat] as { principal: number }).principal
    const q = queues[p] as { data: Int32Array; head: number; length: number }
    if (q.length * 3 === q.data.length) {
      const data = new Int32Array(q.data.length * 2)
      for (let i = 0; i < q.length; i++) {
        const from = ((q.head + i) * 3) % q.data.length
        data.set(q.data.subarray(from, from + 3), i * 3)
      }
      q.data = data
      q.head = 0
    }
    const at = ((q.head + q.length) * 3) % q.data.length
    q.data[at] = slot
    q.data[at + 1] = gen[slot] as number
    q.data[at + 2] = seat
    q.length++
    start(p)
  }

  const inReview = (slot: number) => {
    const ph = phaseOf[st[slot] as number]
    return ph === PH.review || ph === PH.plenary
  }

  function start(p: number) {
    const q = queues[p] as { data: Int32Array; head: number; length: number }
    const reviewer = reviewers[p]!
    while ((busy[p] as number) < (caps[p] as number) && q.length > 0) {
      let at: number
      if (lifo[p] === 1) {
        at = ((q.head + q.length - 1) * 3) % q.data.length
      } else {
        at = q.head * 3
        q.head = (q.head + 1) % (q.data.length / 3)
      }
      q.length--
      const slot = q.data[at] as number
      const g = q.data[at + 1] as number
      const seat = q.data[at + 2] as number
      if (gen[slot] !== g || seatStatus[slot * S + seat] !== QUEUED) continue
      const seatInfo = seats[seat]!
      if (!inReview(slot) || keyStatus[(st[slot] as number) * K + seatInfo.key] !== PENDING) {
        seatStatus[slot * S + seat] = IDLE
        continue
      }
      const stream = 2 + seat
      const deputy = reviewer.deputy
      if (deputy !== null && draw(slot, stream) < deputy.delegate && fire(slot, seatInfo.delegate)) {
        const maxDays = (model.deputy[seatInfo.key] as { maxDays: number }).maxDays
        queue.push(now + maxDays, DELEGATION, slot, g, seatInfo.key)
        seatStatus[slot * S + seat] = WITH_DEPUTY
        seatRev[slot * S + seat] = rev[slot] as number
        queue.push(now + deputy.review(uniformOf(slot, stream)), DEPUTY_DONE, slot, g, seat)
        continue
      }
      busy[p] = (busy[p] as number) + 1
      seatStatus[slot * S + seat] = REVIEWING
      seatRev[slot * S + seat] = rev[slot] as number
      queue.push(now + reviewer.review(uniformOf(slot, stream)), REVIEW_DONE, slot, g, seat)
    }
  }

  /** A seat's review ended: the reviewer approves, refuses or returns the dossier. */
  function decide(slot: number, seat: number, byDeputy: boolean) {
    const i = slot * S + seat
    if (seatRev[i] !== rev[slot] || !inReview(slot)) {
      // The dossier changed (or left review) while it was being read.
      seatStatus[i] = IDLE
      if (inReview(slot)) enqueue(slot, seat)
      return
    }
    const seatInfo = seats[seat]!
    const reviewer = reviewers[seatInfo.principal]!
    const d = byDeputy && reviewer.deputy !== null ? reviewer.deputy.decisions : reviewer.decisions
    const u = draw(slot, 2 + seat)
    const deputyEvents = model.deputy[seatInfo.key]!
    if (u < d.approve) {
      const taken = fire(slot, byDeputy ? deputyEvents.approve : seatInfo.approve)
      if (!taken && byDeputy) {
        // The delegation window closed first: the dossier goes back to the holder.
        seatStatus[i] = IDLE
        enqueue(slot, seat)
        return
      }
      seatStatus[i] = DONE
      seatApprovedAt[i] = now
      if (taken && lifetime !== null) scheduleExpiry(slot)
    } else if (u < d.approve + d.refuse) {
      const taken = fire(slot, byDeputy ? deputyEvents.refuse : seatInfo.refuse)
      if (!taken && byDeputy) {
        seatStatus[i] = IDLE
        enqueue(slot, seat)
        return
      }
      seatStatus[i] = DONE
    } else {
      seatStatus[i] = DONE
      if (amendPending[slot] === 0) sponsorReacts(slot, false)
    }
  }

  function scheduleExpiry(slot: number) {
    let earliest = Number.POSITIVE_INFINITY
    for (let s = 0; s < S; s++) {
      const i = slot * S + s
      const at = seatApprovedAt[i] as number
      if (
        seatStatus[i] === DONE &&
        seatRev[i] === rev[slot] &&
        at < earliest &&
        at + (lifetime ?? 0) >= now
      ) {
        earliest = at
      }
    }
    if (earliest === Number.POSITIVE_INFINITY || lifetime === null) return
    // Just past the lifetime, as the machine counts it (inclusive, to the millisecond).
    const t = earliest + lifetime + 1 / DAY_MS
    if (t > now && t !== expiryAt[slot]) {
      expiryAt[slot] = t
      queue.push(t, EXPIRY, slot, gen[slot] as number, 0)
    }
  }

  /** After a refusal or a request to amend: the sponsor amends after the turnaround, or withdraws. */
  function sponsorReacts(slot: number, afterRefusal: boolean) {
    const g = gen[slot] as number
    const sponsor = scenario.sponsor
    const gives =
      (amendments[slot] as number) >= sponsor.maxAmendments ||
      (afterRefusal && draw(slot, 0) < sponsor.withdrawAfterRefusal)
    if (gives) {
      queue.push(now, WITHDRAW, slot, g, 0)
      return
    }
    amendPending[slot] = 1
    queue.push(now + model.samplers.amendment(uniformOf(slot, 0)), AMEND, slot, g, rev[slot] as number)
  }

  /** Bookkeeping when the table moves an initiative from state s to n. */
  function changed(slot: number, s: number, n: number) {
    const ps = phaseOf[s] as number
    const pn = phaseOf[n] as number
    const wasReview = ps === PH.review || ps === PH.plenary
    const isReview = pn === PH.review || pn === PH.plenary
    if (isReview && !wasReview) {
      // A review window opens (submission or resubmission): every seat reviews the revision.
      if (Number.isNaN(submittedAt[slot] as number)) {
        submittedAt[slot] = now
        if (now >= warmup) {
          flags[slot] = (flags[slot] as number) | F_COUNTED
          arrivalsCounted++
        }
      }
      windowEnd[slot] = now + windowDays
      queue.push(now + windowDays, WINDOW, slot, gen[slot] as number, 0)
      for (let seat = 0; seat < S; seat++) {
        const status = seatStatus[slot * S + seat]
        if (status === IDLE || status === DONE) enqueue(slot, seat)
      }
    }
    if (pn === PH.plenary && ps === PH.review) {
      flags[slot] = (flags[slot] as number) | F_ESCALATED
      windowEnd[slot] = now + plenaryDays
      queue.push(now + plenaryDays, WINDOW, slot, gen[slot] as number, 0)
    }
    if (pn === PH.returned && wasReview) {
      flags[slot] = (flags[slot] as number) | F_REFUSED
      sponsorReacts(slot, true)
    }
    const isRollout = pn === PH.rollout[0] || pn === PH.rollout[1] || pn === PH.rollout[2]
    if (isRollout && wasReview) approved(slot, s, n, pn)
    if (final[n] === 1) finish(slot, pn)
    // An approval that stopped counting (expiry): its seat reviews again.
    if (isReview && wasReview) {
      for (let k = 0; k < K; k++) {
        if (keyStatus[s * K + k] === TURNED && keyStatus[n * K + k] === PENDING) {
          for (let seat = 0; seat < S; seat++) {
            const i = slot * S + seat
            if (seats[seat]!.key === k && seatStatus[i] === DONE) enqueue(slot, seat)
          }
        }
      }
    }
  }

  function approved(slot: number, s: number, n: number, pn: number) {
    flags[slot] = (flags[slot] as number) | F_APPROVED
    if (now >= warmup) approvedCount++
    if (counted(slot)) {
      const lead = now - (submittedAt[slot] as number)
      approvalSum += lead
      approvalN++
      for (const q of approvalQ) q.add(lead)
      bump(approvalHistogram, lead)
      for (let k = 0; k < K; k++) {
        if (keyStatus[s * K + k] !== TURNED && keyStatus[n * K + k] === TURNED) {
          lastKey[k] = (lastKey[k] as number) + 1
          break
        }
      }
      resolve(slot, lead > slaApproval)
    }
    const g = gen[slot] as number
    const mix = scenario.mix[mixOf[slot] as number]!
    if (pn === PH.rollout[0] && ministries) {
      // The table names two ministries; each answers after its own federal-rollout time.
      for (let m = 0; m < 2; m++) {
        const t = model.samplers.federal(uniformOf(slot, 1))
        const accepts = draw(slot, 1) < scenario.rollout.ministryAccepts
        queue.push(now + t, ROLLOUT, slot, g, 7 + 2 * m + (accepts ? 0 : 1))
      }
    } else if (pn === PH.rollout[0]) {
      queue.push(now + model.samplers.federal(uniformOf(slot, 1)), ROLLOUT, slot, g, 0)
    } else if (pn === PH.rollout[1]) {
      // The table names two regions; with n regions, its first seat answers when all but the
      // last governor have, and its second with the last one.
      let last = 0
      let second = 0
      let allAccept = true
      for (let r = 0; r < mix.regions; r++) {
        const t = model.samplers.governor(uniformOf(slot, 1))
        if (draw(slot, 1) >= scenario.governors.accept) allAccept = false
        if (t > last) {
          second = last
          last = t
        } else if (t > second) second = t
      }
      if (mix.regions === 1) second = last
      queue.push(now + second, ROLLOUT, slot, g, allAccept ? 1 : 2)
      queue.push(now + last, ROLLOUT, slot, g, allAccept ? 3 : 4)
    } else {
      let last = 0
      let agreed = true
      for (let d = 0; d < mix.destinations; d++) {
        last = Math.max(last, model.samplers.export(uniformOf(slot, 1)))
        if (draw(slot, 1) >= scenario.rollout.exportAgreed) agreed = false
      }
      queue.push(now + last, ROLLOUT, slot, g, agreed ? 5 : 6)
    }
  }

  function resolve(slot: number, approvalBreach: boolean) {
    const f = flags[slot] as number
    if ((f & F_RESOLVED) !== 0) return
    flags[slot] = f | F_RESOLVED
    resolved++
    if ((f & F_APPROVED) !== 0) approvedResolved++
    if ((f & F_REFUSED) !== 0) refused++
    if ((f & F_ESCALATED) !== 0) escalated++
    if ((amendments[slot] as number) > 0) amended++
    amendmentTotal += amendments[slot] as number
    if (approvalBreach) slaApprovalBreaches++
  }

  function finish(slot: number, pn: number) {
    if (now >= warmup && pn === COMPLETED) completedCount++
    if (counted(slot)) {
      if (pn === COMPLETED) {
        const lead = now - (submittedAt[slot] as number)
        completionSum += lead
        completionN++
        for (const q of completionQ) q.add(lead)
        bump(completionHistogram, lead)
        if (lead > slaCompletion) slaCompletionBreaches++
      } else {
        slaCompletionBreaches++
        if (((flags[slot] as number) & F_APPROVED) === 0) {
          if (pn === WITHDRAWN) withdrawn++
          else lapsed++
        }
        resolve(slot, true)
      }
      finished++
    }
    wip--
    gen[slot] = (gen[slot] as number) + 1
    free.push(slot)
  }

  function arrive() {
    let slot = free.pop()
    if (slot === undefined) {
      if (used === capacity) grow()
      slot = used++
    }
    const number = initiatives++
    gen[slot] = (gen[slot] as number) + 1
    serial[slot] = number
    st[slot] = 0
    rev[slot] = 0
    amendments[slot] = 0
    flags[slot] = 0
    submittedAt[slot] = Number.NaN
    windowEnd[slot] = Number.NaN
    expiryAt[slot] = Number.NaN
    amendPending[slot] = 0
    seatStatus.fill(IDLE, slot * S, slot * S + S)
    const id = hashInts(seed, replication, ENTITY_INITIATIVE, number)
    for (let k = 0; k < STREAMS; k++) streams.seed(slot * STREAMS + k, id, k)
    const u = draw(slot, 0)
    let mix = 0
    while (mix < model.mixCumulative.length - 1 && u >= (model.mixCumulative[mix] as number)) mix++
    mixOf[slot] = mix
    wip++
    fire(slot, model.propose[mix] as number)
    fire(slot, ev.submit)
  }

  // Arrivals.
  const arrivals = scenario.arrivals
  const arrivalRandom = new Random(seed, replication, ENTITY_ARRIVALS)
  let scheduleIndex = 0
  const nextArrival = (): number => {
    if (arrivals.kind === 'poisson') return now - Math.log(1 - arrivalRandom.next()) / arrivals.ratePerDay
    if (arrivals.kind === 'schedule') return arrivals.days[scheduleIndex++] ?? Number.POSITIVE_INFINITY
    return Number.POSITIVE_INFINITY
  }
  const first = nextArrival()
  if (first <= horizon) queue.push(first, ARRIVAL, 0, 0, 0)
  for (let i = 0; i < scenario.wipPoints; i++) {
    queue.push((horizon * i) / (scenario.wipPoints - 1), SAMPLE, i, 0, 0)
  }

  while (queue.pop()) {
    const t = queue.time
    if (t > horizon) break
    accrue(t)
    now = t
    events++
    const kind = queue.kind
    const slot = queue.a
    if (kind === ARRIVAL) {
      arrive()
      const t2 = nextArrival()
      if (t2 <= horizon) queue.push(t2, ARRIVAL, 0, 0, 0)
      continue
    }
    if (kind === SAMPLE) {
      wipSeries[slot] = wip
      continue
    }
    if (kind === REVIEW_DONE) {
      const seat = queue.c
      const p = seats[seat]!.principal
      busy[p] = (busy[p] as number) - 1
      reviewsDone[p] = (reviewsDone[p] as number) + (now >= warmup ? 1 : 0)
      if (gen[slot] === queue.b && seatStatus[slot * S + seat] === REVIEWING) decide(slot, seat, false)
      start(p)
      continue
    }
    if (gen[slot] !== queue.b) continue // the initiative has finished since
    switch (kind) {
      case DEPUTY_DONE:
        if (seatStatus[slot * S + queue.c] === WITH_DEPUTY) decide(slot, queue.c, true)
        break
      case WINDOW:
        if (t === windowEnd[slot]) fire(slot, ev.window)
        break
      case EXPIRY:
        if (t === expiryAt[slot]) {
          expiryAt[slot] = Number.NaN
          fire(slot, ev.expiry)
          if (inReview(slot)) scheduleExpiry(slot)
        }
        break
      case DELEGATION:
        fire(slot, ev.delegation)
        break
      case AMEND: {
        amendPending[slot] = 0
        if (queue.c !== rev[slot]) break
        rev[slot] = (rev[slot] as number) + 1
        const before = st[slot] as number
        if (fire(slot, ev.amend)) {
          amendments[slot] = (amendments[slot] as number) + 1
          // Still in review: a new revision, so every seat that decided reviews again (TK5).
          if (inReview(slot) && (phaseOf[before] === PH.review || phaseOf[before] === PH.plenary)) {
            expiryAt[slot] = Number.NaN
            for (let seat = 0; seat < S; seat++) {
              const status = seatStatus[slot * S + seat]
              if (status === IDLE || status === DONE) enqueue(slot, seat)
            }
          }
        } else {
          rev[slot] = (rev[slot] as number) - 1
        }
        break
      }
      case WITHDRAW:
        fire(slot, ev.withdraw)
        break
      case ROLLOUT: {
        const c = queue.c
        if (c === 0) fire(slot, ev.complete)
        else if (c >= 7) {
          const pair = ev.ministry[(c - 7) >> 1]!
          fire(slot, c % 2 === 1 ? pair[0] : pair[1])
        } else if (c <= 4) {
          const seatOf = c <= 2 ? 0 : 1
          const pair = ev.respond[seatOf]!
          fire(slot, c % 2 === 1 ? pair[0] : pair[1])
        } else fire(slot, c === 5 ? ev.destination[0] : ev.destination[1])
        break
      }
    }
  }
  accrue(horizon)

  const observed = Math.max(horizon - warmup, Number.MIN_VALUE)
  const per30 = 30 / observed
  const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b)
  // A share of initiatives keeps its counts, for an interval on the pooled counts.
  const counts: Record<string, { hits: number; trials: number }> = {}
  const share = (name: string, hits: number, trials: number) => {
    counts[name] = { hits, trials }
    return ratio(hits, trials)
  }
  const quantiles = (qs: P2Quantile[], n: number) => qs.map((q) => (n === 0 ? Number.NaN : q.value()))
  const [a50, a90, a99] = quantiles(approvalQ, approvalN)
  const [c50, c90, c99] = quantiles(completionQ, completionN)
  const scalars: Record<string, number> = {
    arrivals: arrivalsCounted,
    approvedPer30: approvedCount * per30,
    completedPer30: completedCount * per30,
    'approvalDays.mean': ratio(approvalSum, approvalN),
    'approvalDays.p50': a50 as number,
    'approvalDays.p90': a90 as number,
    'approvalDays.p99': a99 as number,
    'completionDays.mean': ratio(completionSum, completionN),
    'completionDays.p50': c50 as number,
    'completionDays.p90': c90 as number,
    'completionDays.p99': c99 as number,
    'wip.mean': wipArea / observed,
    approvalRate: share('approvalRate', approvedResolved, resolved),
    refusalRate: share('refusalRate', refused, resolved),
    amendmentRate: share('amendmentRate', amended, resolved),
    amendmentsPerInitiative: ratio(amendmentTotal, resolved),
    escalationRate: share('escalationRate', escalated, resolved),
    lapseRate: share('lapseRate', lapsed, resolved),
    withdrawalRate: share('withdrawalRate', withdrawn, resolved),
    slaApprovalBreach: share('slaApprovalBreach', slaApprovalBreaches, resolved),
    slaCompletionBreach: share('slaCompletionBreach', slaCompletionBreaches, finished),
  }
  policy.keys.forEach((k, i) => {
    scalars[`lastKey.${k.id}`] = share(`lastKey.${k.id}`, lastKey[i] as number, approvalN)
  })
  reviewers.forEach((r, p) => {
    scalars[`utilisation.${r.id}`] = (busyArea[p] as number) / (observed * r.capacity)
    scalars[`queue.${r.id}`] = (queueArea[p] as number) / observed
  })
  return {
    replication,
    scalars,
    wip: wipSeries,
    approvalHistogram,
    completionHistogram,
    events,
    initiatives,
    counts,
  }
}
