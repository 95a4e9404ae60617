import { EventQueue } from './EventQueue.js'
import { InitiativeLifecycle } from './InitiativeLifecycle.js'
import { InitiativeSlots } from './InitiativeSlots.js'
import type { ReplicationContext } from './ReplicationContext.js'
import { ReplicationStatistics } from './ReplicationStatistics.js'
import { ReviewerQueues } from './ReviewerQueues.js'
import { hashString, Random } from './random.js'
import { EventKind } from './replicationCodes.js'
import type { SimulationModel } from './SimulationModel.js'
import { TableMoves } from './TableMoves.js'

export { HISTOGRAM_DAYS, scalarNames } from './ReplicationStatistics.js'

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

/** Stream ids: the arrivals' stream, and each initiative's streams. */
const ENTITY_ARRIVALS = hashString('arrivals')
const ENTITY_INITIATIVE = hashString('initiative')

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
  const { scenario } = model
  const horizon = scenario.horizonDays
  const run: ReplicationContext = {
    model,
    table: new TableMoves(model.table, model.phase, options),
    slots: new InitiativeSlots(model.seats.length, seed, replication, ENTITY_INITIATIVE),
    queues: new ReviewerQueues(model.reviewers),
    stats: new ReplicationStatistics(model, scenario.warmupDays),
    events: new EventQueue(),
    now: 0,
  }
  const { slots, queues, stats, events: queue } = run
  const lifecycle = new InitiativeLifecycle(run)
  const reviews = lifecycle.reviews
  const ev = model.ev
  const nextArrival = arrivalsOf(run, seed, replication)

  const first = nextArrival()
  if (first <= horizon) queue.push(first, EventKind.Arrival, 0, 0, 0)
  for (let i = 0; i < scenario.wipPoints; i++) {
    queue.push((horizon * i) / (scenario.wipPoints - 1), EventKind.Sample, i, 0, 0)
  }

  let events = 0
  while (queue.pop()) {
    const t = queue.time
    if (t > horizon) break
    stats.accrue(t, queues)
    run.now = t
    events++
    const kind = queue.kind
    const slot = queue.a
    if (kind === EventKind.Arrival) {
      lifecycle.arrive()
      const next = nextArrival()
      if (next <= horizon) queue.push(next, EventKind.Arrival, 0, 0, 0)
      continue
    }
    if (kind === EventKind.Sample) {
      stats.sampleWip(slot)
      continue
    }
    if (kind === EventKind.ReviewDone) {
      reviews.reviewDone(slot, queue.b, queue.c)
      continue
    }
    if (slots.generation(slot) !== queue.b) continue // the initiative has finished since
    switch (kind) {
      case EventKind.DeputyDone:
        reviews.deputyDone(slot, queue.c)
        break
      case EventKind.WindowCloses:
        if (t === slots.windowEnd(slot)) lifecycle.fire(slot, ev.window)
        break
      case EventKind.ApprovalExpires:
        if (t === slots.expiryAt(slot)) lifecycle.approvalExpires(slot)
        break
      case EventKind.DelegationEnds:
        lifecycle.fire(slot, ev.delegation)
        break
      case EventKind.Amended:
        lifecycle.amended(slot, queue.c)
        break
      case EventKind.Withdrawn:
        lifecycle.fire(slot, ev.withdraw)
        break
      case EventKind.RolloutAnswer:
        lifecycle.rolloutAnswered(slot, queue.c)
        break
    }
  }
  stats.accrue(horizon, queues)

  const { scalars, counts } = stats.report(horizon)
  return {
    replication,
    scalars,
    wip: stats.wipSeries,
    approvalHistogram: stats.approval.histogram,
    completionHistogram: stats.completion.histogram,
    events,
    initiatives: lifecycle.arrived,
    counts,
  }
}

/** The time of the next arrival after `run.now` (+∞ when there are no more). */
function arrivalsOf(run: ReplicationContext, seed: number, replication: number): () => number {
  const arrivals = run.model.scenario.arrivals
  if (arrivals.kind === 'poisson') {
    const random = new Random(seed, replication, ENTITY_ARRIVALS)
    return () => run.now - Math.log(1 - random.next()) / arrivals.ratePerDay
  }
  if (arrivals.kind === 'schedule') {
    let index = 0
    return () => arrivals.days[index++] ?? Number.POSITIVE_INFINITY
  }
  return () => Number.POSITIVE_INFINITY
}
