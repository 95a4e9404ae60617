import { type Distribution, meanOf } from '../../simulate/distributions.js'
import type { Reviewer, Scenario } from '../../simulate/ScenarioSchema.js'
import type { SimulationModel } from '../../simulate/SimulationModel.js'
import { analyzeError } from '../analyzeMessages.js'

/** The rates of the exponential clocks of one initiative, per day. */
export interface ExactRates {
  /** Per reviewer of the simulation model (`model.reviewers[p]`): 1 / mean review days. */
  review: number[]
  /** The sponsor's amendment: 1 / mean amendment days. */
  amendment: number
  /** What `assumeExponential` replaced: the field, its distribution's kind, and the mean kept. */
  assumed: AssumedExponential[]
}

/** A duration `assumeExponential` replaced by an exponential of the same mean. */
export interface AssumedExponential {
  /** Where in the scenario: `reviewers.principals.oreshkin.reviewDays`. */
  field: string
  /** The distribution it had: `lognormal`, `triangular`, … */
  kind: string
  meanDays: number
}

export interface ExactRatesOptions {
  /** Replace every non-exponential duration by an exponential of the same mean (said in `assumed`). */
  assumeExponential?: boolean
}

/** Where in the scenario a reviewer's entry is: its own, its role's or the default. */
export function reviewerPath(scenario: Scenario, spec: Reviewer): string {
  for (const [id, r] of Object.entries(scenario.reviewers.principals))
    if (r === spec) return `reviewers.principals.${id}`
  for (const [role, r] of Object.entries(scenario.reviewers.roles))
    if (r === spec) return `reviewers.roles.${role}`
  return 'reviewers.default'
}

/** The rate of an exponential duration, or of its stand-in when assumed; throws naming the field otherwise. */
function rateOf(
  scenario: Scenario,
  d: Distribution,
  field: string,
  options: ExactRatesOptions,
  assumed: AssumedExponential[],
): number {
  const mean = d.kind === 'exponential' ? d.mean : meanOf(d)
  if (d.kind !== 'exponential') {
    if (options.assumeExponential !== true) {
      throw analyzeError('SCENARIO_INVALID', 'exact.notExponential', {
        scenario: scenario.name,
        field,
        kind: d.kind,
        mean: +mean.toPrecision(6),
      })
    }
    if (!assumed.some((a) => a.field === field)) assumed.push({ field, kind: d.kind, meanDays: mean })
  }
  if (!(mean > 0))
    throw analyzeError('SCENARIO_INVALID', 'exact.meanNotPositive', { scenario: scenario.name, field, mean })
  return 1 / mean
}

/**
 * Reads the exponential rates of the scenario's reviewers and sponsor, checking what the exact
 * analysis assumes of one initiative: every reviewer free for it (capacity at least the seats it
 * holds, so no dossier waits in a queue), no deputies (a delegation window is a fixed clock that
 * starts at a random instant), and exponential review and amendment times.
 *
 * @example
 * const rates = exactRatesOf(createSimulationModel(policy, table, scenario))
 * rates.review[0] // 0.5: the first reviewer takes 2 days on average
 */
export function exactRatesOf(model: SimulationModel, options: ExactRatesOptions = {}): ExactRates {
  const { scenario } = model
  const assumed: AssumedExponential[] = []
  const review = model.reviewers.map((reviewer, p) => {
    const path = reviewerPath(scenario, reviewer.spec)
    const seats = model.seats.filter((s) => s.principal === p).length
    if (reviewer.capacity < seats) {
      throw analyzeError('SCENARIO_INVALID', 'exact.capacity', {
        scenario: scenario.name,
        path,
        capacity: reviewer.capacity,
        reviewer: reviewer.id,
        seats,
      })
    }
    if (reviewer.deputy !== null && reviewer.deputy.delegate > 0) {
      throw analyzeError('SCENARIO_INVALID', 'exact.deputies', {
        scenario: scenario.name,
        path,
        delegate: reviewer.deputy.delegate,
      })
    }
    return rateOf(scenario, reviewer.spec.reviewDays, `${path}.reviewDays`, options, assumed)
  })
  const amends = model.reviewers.some((r) => r.decisions.amend > 0) && scenario.sponsor.maxAmendments > 0
  const amendment = amends
    ? rateOf(scenario, scenario.sponsor.amendmentDays, 'sponsor.amendmentDays', options, assumed)
    : 1 / meanOf(scenario.sponsor.amendmentDays)
  return { review, amendment, assumed }
}
