import { P2Quantile } from './P2Quantile.js'
import type { ReviewerQueues } from './ReviewerQueues.js'
import { InitiativeFlag } from './replicationCodes.js'
import type { SimulationModel } from './SimulationModel.js'

/** Lead-time histograms: one bin per day up to this many days, plus an overflow bin. */
export const HISTOGRAM_DAYS = 365

/** The quantiles of each lead time, by the suffix of their names. */
const LEAD_QUANTILES = [
  { p: 0.5, name: 'p50' },
  { p: 0.9, name: 'p90' },
  { p: 0.99, name: 'p99' },
] as const
const leadNames = (metric: string) => [`${metric}.mean`, ...LEAD_QUANTILES.map((q) => `${metric}.${q.name}`)]

/** Outcomes of resolved initiatives (shares, which keep their counts for a Wilson interval, and amendments per initiative), in display order. */
const OUTCOME_NAMES = [
  'approvalRate',
  'refusalRate',
  'amendmentRate',
  'amendmentsPerInitiative',
  'escalationRate',
  'lapseRate',
  'withdrawalRate',
  'slaApprovalBreach',
  'slaCompletionBreach',
] as const

/** Scalar names every replication reports, in display order; keys and reviewers are appended. */
export function scalarNames(model: SimulationModel): string[] {
  return [
    'arrivals',
    'approvedPer30',
    'completedPer30',
    ...leadNames('approvalDays'),
    ...leadNames('completionDays'),
    'wip.mean',
    ...OUTCOME_NAMES,
    ...model.policy.keys.map((k) => `lastKey.${k.id}`),
    ...model.reviewers.flatMap((r) => [`utilisation.${r.id}`, `queue.${r.id}`]),
  ]
}

/** What one replication's statistics report: scalars by name, and the counts behind shares. */
export interface ReplicationScalars {
  scalars: Record<string, number>
  counts: Record<string, { hits: number; trials: number }>
}

/** Mean, P² quantiles and a one-day histogram of one lead time. */
class LeadTime {
  sum = 0
  n = 0
  readonly quantiles = LEAD_QUANTILES.map((q) => new P2Quantile(q.p))
  readonly histogram = new Array<number>(HISTOGRAM_DAYS + 1).fill(0)

  add(days: number): void {
    this.sum += days
    this.n++
    for (const q of this.quantiles) q.add(days)
    const bin = Math.min(HISTOGRAM_DAYS, Math.floor(days))
    this.histogram[bin] = (this.histogram[bin] ?? 0) + 1
  }

  /** Mean and quantiles, NaN without observations, under the metric's names. */
  report(metric: string, into: Record<string, number>): void {
    into[`${metric}.mean`] = this.n === 0 ? Number.NaN : this.sum / this.n
    LEAD_QUANTILES.forEach((q, i) => {
      into[`${metric}.${q.name}`] = this.n === 0 ? Number.NaN : (this.quantiles[i]?.value() ?? Number.NaN)
    })
  }
}

/**
 * Everything one replication measures, in fixed-size memory: counts of outcomes, time integrals
 * of work in progress, queues and busy reviewers (from the warm-up on), lead times as means, P²
 * sketches and histograms, and the work-in-progress series. Each figure is reported under the
 * name `scalarNames` lists.
 */
export class ReplicationStatistics {
  /** Initiatives open now. */
  wip = 0
  readonly approval = new LeadTime()
  readonly completion = new LeadTime()
  readonly wipSeries: number[]
  private lastT = 0
  private wipArea = 0
  private readonly queueArea: Float64Array
  private readonly busyArea: Float64Array
  private arrivals = 0
  private approvedCount = 0
  private completedCount = 0
  private resolved = 0
  private approvedResolved = 0
  private refused = 0
  private amended = 0
  private amendmentTotal = 0
  private escalated = 0
  private lapsed = 0
  private withdrawn = 0
  private slaApprovalBreaches = 0
  private finished = 0
  private slaCompletionBreaches = 0
  private readonly lastKey: Float64Array

  constructor(
    private readonly model: SimulationModel,
    /** Days before which nothing is counted. */
    readonly warmup: number,
  ) {
    this.queueArea = new Float64Array(model.reviewers.length)
    this.busyArea = new Float64Array(model.reviewers.length)
    this.lastKey = new Float64Array(model.policy.keys.length)
    this.wipSeries = new Array<number>(model.scenario.wipPoints).fill(0)
  }

  /** Adds the time since the last event (from the warm-up on) to the time integrals. */
  accrue(t: number, queues: ReviewerQueues): void {
    const from = Math.max(this.lastT, this.warmup)
    if (t > from) {
      const dt = t - from
      this.wipArea += this.wip * dt
      const queueArea = this.queueArea
      const busyArea = this.busyArea
      for (let p = 0; p < queueArea.length; p++) {
        queueArea[p] = (queueArea[p] as number) + queues.length(p) * dt
        busyArea[p] = (busyArea[p] as number) + queues.busyCount(p) * dt
      }
    }
    this.lastT = t
  }

  /** A first submission after the warm-up. */
  countArrival(): void {
    this.arrivals++
  }

  sampleWip(index: number): void {
    this.wipSeries[index] = this.wip
  }

  /** An approval at `now`; counted in the throughput from the warm-up on. */
  countApproval(now: number): void {
    if (now >= this.warmup) this.approvedCount++
  }

  /** A counted initiative's approval lead time, and the key that turned last (or −1). */
  addApproval(lead: number, lastKey: number): void {
    this.approval.add(lead)
    if (lastKey >= 0) this.lastKey[lastKey] = (this.lastKey[lastKey] as number) + 1
  }

  /** A counted initiative's outcome, once: its `InitiativeFlag`s and amendments. */
  resolve(flags: number, amendments: number, approvalBreach: boolean): void {
    this.resolved++
    if ((flags & InitiativeFlag.Approved) !== 0) this.approvedResolved++
    if ((flags & InitiativeFlag.Refused) !== 0) this.refused++
    if ((flags & InitiativeFlag.Escalated) !== 0) this.escalated++
    if (amendments > 0) this.amended++
    this.amendmentTotal += amendments
    if (approvalBreach) this.slaApprovalBreaches++
  }

  /** A completion at `now`; counted in the throughput from the warm-up on. */
  countCompletion(now: number): void {
    if (now >= this.warmup) this.completedCount++
  }

  /** A counted initiative completed after `lead` days. */
  addCompletion(lead: number): void {
    this.completion.add(lead)
    if (lead > this.model.scenario.sla.completionDays) this.slaCompletionBreaches++
    this.finished++
  }

  /** A counted initiative ended without completing: withdrawn, or lapsed, unless it was approved. */
  addUnfinished(withdrawn: boolean, approved: boolean): void {
    this.slaCompletionBreaches++
    if (!approved) {
      if (withdrawn) this.withdrawn++
      else this.lapsed++
    }
    this.finished++
  }

  /** The scalars under their names (NaN where undefined), and the counts behind each share. */
  report(horizon: number): ReplicationScalars {
    const { model } = this
    const observed = Math.max(horizon - this.warmup, Number.MIN_VALUE)
    const per30 = 30 / observed
    const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b)
    const counts: Record<string, { hits: number; trials: number }> = {}
    const share = (name: string, hits: number, trials: number) => {
      counts[name] = { hits, trials }
      return ratio(hits, trials)
    }
    const scalars: Record<string, number> = {
      arrivals: this.arrivals,
      approvedPer30: this.approvedCount * per30,
      completedPer30: this.completedCount * per30,
    }
    this.approval.report('approvalDays', scalars)
    this.completion.report('completionDays', scalars)
    scalars['wip.mean'] = this.wipArea / observed
    const resolved = this.resolved
    scalars.approvalRate = share('approvalRate', this.approvedResolved, resolved)
    scalars.refusalRate = share('refusalRate', this.refused, resolved)
    scalars.amendmentRate = share('amendmentRate', this.amended, resolved)
    scalars.amendmentsPerInitiative = ratio(this.amendmentTotal, resolved)
    scalars.escalationRate = share('escalationRate', this.escalated, resolved)
    scalars.lapseRate = share('lapseRate', this.lapsed, resolved)
    scalars.withdrawalRate = share('withdrawalRate', this.withdrawn, resolved)
    scalars.slaApprovalBreach = share('slaApprovalBreach', this.slaApprovalBreaches, resolved)
    scalars.slaCompletionBreach = share('slaCompletionBreach', this.slaCompletionBreaches, this.finished)
    model.policy.keys.forEach((k, i) => {
      scalars[`lastKey.${k.id}`] = share(`lastKey.${k.id}`, this.lastKey[i] ?? 0, this.approval.n)
    })
    model.reviewers.forEach((r, p) => {
      scalars[`utilisation.${r.id}`] = (this.busyArea[p] ?? 0) / (observed * r.capacity)
      scalars[`queue.${r.id}`] = (this.queueArea[p] ?? 0) / observed
    })
    return { scalars, counts }
  }
}
