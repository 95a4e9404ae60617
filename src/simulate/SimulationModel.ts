import type { InitiativeContent } from '../domain/InitiativeContent.js'
import type { CompiledTable } from '../explore/compile.js'
import { PHASES } from '../explore/compile.js'
import { applicabilityOf, representativeContents } from '../explore/contents.js'
import type { Policy } from '../policy/PolicySchema.js'
import { rolloutOf } from '../policy/reach.js'
import { type Sampler, samplerOf } from './distributions.js'
import type { Decisions, MixEntry, Reviewer, Scenario } from './ScenarioSchema.js'
import { simulateError } from './simulateMessages.js'

/** One seat: a holder of a key, who reviews each dossier for that key. */
export interface Seat {
  key: number
  principal: number
  approve: number
  refuse: number
  /** The holder's DELEGATE (valid window) event, or -1. */
  delegate: number
}

export interface ReviewerModel {
  id: string
  capacity: number
  lifo: boolean
  review: Sampler
  decisions: Decisions
  deputy: { delegate: number; review: Sampler; decisions: Decisions } | null
  /** The scenario's entry this reviewer follows (its own, its role's or the default), for analyses. */
  spec: Reviewer
}

/**
 * Everything a replication needs, derived once from the policy, its compiled table and the
 * scenario: the event numbers the simulator sends (looked up in the table's alphabet, never
 * re-derived from the rules), the seats, the reviewers' samplers. Plain data plus samplers.
 */
export interface SimulationModel {
  policy: Policy
  scenario: Scenario
  table: CompiledTable
  seats: Seat[]
  reviewers: ReviewerModel[]
  /** Per key: the deputy's approve and refuse events (-1 without a deputy), and the delegation length in days. */
  deputy: { approve: number; refuse: number; maxDays: number }[]
  /** Per mix entry: its PROPOSE event; and the weights' cumulative shares. */
  propose: number[]
  mixCumulative: number[]
  ev: {
    submit: number
    withdraw: number
    complete: number
    amend: number
    window: number
    expiry: number
    delegation: number
    /** RESPOND for the table's region seat t (0 or 1): [accept, decline]. */
    respond: [number, number][]
    /** MINISTRY for the table's ministry seat t (0 or 1): [accept, decline]; -1 where the sponsor completes. */
    ministry: [number, number][]
    /** DESTINATION for the named destination: [agreed, declined]. */
    destination: [number, number]
  }
  phase: { draft: number; review: number; plenary: number; returned: number; rollout: number[] }
  samplers: {
    amendment: Sampler
    governor: Sampler
    federal: Sampler
    export: Sampler
  }
}

/**
 * The table's PROPOSE event for a mix entry: the representative initiative of its kind and
 * objective (or of its kind, where routing treats the objectives alike) to which the same keys
 * apply as to the entry's own content — its budget and its number of regions or destinations.
 */
function proposalFor(policy: Policy, table: CompiledTable, m: MixEntry): number {
  const names = new Set(
    table.events.filter((e) => e.type === 'PROPOSE' && !e.variant.includes(':')).map((e) => e.variant),
  )
  const base = names.has(`${m.scope}/${m.objective}`) ? `${m.scope}/${m.objective}` : m.scope
  const content: InitiativeContent = {
    title: m.objective,
    summary: '',
    objective: m.objective,
    scope:
      m.scope === 'federal'
        ? { kind: 'federal', ministries: [] }
        : m.scope === 'regional'
          ? { kind: 'regional', regions: policy.regions.slice(0, m.regions).map((r) => r.id) }
          : { kind: 'export', destinations: policy.friendlyDestinations.slice(0, m.destinations) },
    ...(m.budget === undefined ? {} : { budget: m.budget }),
  }
  const wanted = applicabilityOf(policy, content)
  const branch = representativeContents(policy).find(
    (b) =>
      (b.name === base || b.name.startsWith(`${base}@`)) && applicabilityOf(policy, b.content) === wanted,
  )
  return branch === undefined
    ? -1
    : findEvent(table, (e) => e.type === 'PROPOSE' && e.variant === branch.name)
}

function findEvent(table: CompiledTable, match: (e: CompiledTable['events'][number]) => boolean): number {
  return table.events.find(match)?.index ?? -1
}

/**
 * Builds the simulation model; throws `SCENARIO_INVALID` when the scenario names a principal,
 * objective or branch the policy does not have, or leaves a key holder without a behaviour.
 *
 * @example
 * const model = createSimulationModel(policy, compile(policy), scenario)
 */
export function createSimulationModel(
  policy: Policy,
  table: CompiledTable,
  scenario: Scenario,
): SimulationModel {
  const known = policy.principals.map((p) => p.id)
  for (const id of Object.keys(scenario.reviewers.principals)) {
    if (!known.includes(id)) {
      throw simulateError('SCENARIO_INVALID', 'model.unknownReviewer', {
        scenario: scenario.name,
        id,
        policy: policy.id,
        known,
      })
    }
  }
  const reviewerFor = (id: string): Reviewer => {
    const own = scenario.reviewers.principals[id]
    if (own !== undefined) return own
    const principal = policy.principals.find((p) => p.id === id)
    for (const role of principal?.roles ?? []) {
      const r = scenario.reviewers.roles[role]
      if (r !== undefined) return r
    }
    if (scenario.reviewers.default !== undefined) return scenario.reviewers.default
    throw simulateError('SCENARIO_INVALID', 'model.noReviewer', {
      scenario: scenario.name,
      id,
      policy: policy.id,
    })
  }
  const reviewers: ReviewerModel[] = []
  const principalIndex = new Map<string, number>()
  const seats: Seat[] = []
  policy.keys.forEach((key, k) => {
    for (const holder of key.holders) {
      let p = principalIndex.get(holder)
      if (p === undefined) {
        const r = reviewerFor(holder)
        p = reviewers.length
        principalIndex.set(holder, p)
        reviewers.push({
          id: holder,
          capacity: r.capacity,
          lifo: r.discipline === 'lifo',
          review: samplerOf(r.reviewDays),
          decisions: r.decisions,
          deputy:
            r.deputy === undefined
              ? null
              : {
                  delegate: r.deputy.delegate,
                  review: samplerOf(r.deputy.reviewDays),
                  decisions: r.deputy.decisions ?? r.decisions,
                },
          spec: r,
        })
      }
      const decide = (variant: string) =>
        findEvent(
          table,
          (e) =>
            e.type === 'DECIDE' &&
            e.role === 'holder' &&
            e.actor === holder &&
            e.key === k &&
            e.variant === variant,
        )
      seats.push({
        key: k,
        principal: p,
        approve: decide('approve'),
        refuse: decide('refuse'),
        delegate: findEvent(
          table,
          (e) =>
            e.type === 'DELEGATE' &&
            e.role === 'holder' &&
            e.actor === holder &&
            e.key === k &&
            e.variant === 'valid',
        ),
      })
    }
  })
  const deputy = policy.keys.map((key, k) => {
    const find = (variant: string) =>
      findEvent(
        table,
        (e) => e.type === 'DECIDE' && e.role === 'deputy' && e.key === k && e.variant === variant,
      )
    return { approve: find('approve'), refuse: find('refuse'), maxDays: key.deputies.maxDays ?? 0 }
  })
  const propose = scenario.mix.map((m) => {
    if (!policy.objectives.includes(m.objective)) {
      throw simulateError('SCENARIO_INVALID', 'model.unknownObjective', {
        scenario: scenario.name,
        objective: m.objective,
        policy: policy.id,
        objectives: policy.objectives,
      })
    }
    const e = proposalFor(policy, table, m)
    if (e < 0)
      throw simulateError('SCENARIO_INVALID', 'model.cannotExpress', {
        scenario: scenario.name,
        policy: policy.id,
        scope: m.scope,
      })
    if (m.scope === 'regional' && m.regions > policy.regions.length) {
      throw simulateError('SCENARIO_INVALID', 'model.tooManyRegions', {
        scenario: scenario.name,
        regions: m.regions,
        policy: policy.id,
        has: policy.regions.length,
      })
    }
    return e
  })
  const total = scenario.mix.reduce((a, m) => a + m.weight, 0)
  let acc = 0
  const mixCumulative = scenario.mix.map((m) => (acc += m.weight / total))
  const ev = (type: string, variant = '', target?: number) =>
    findEvent(
      table,
      (e) =>
        e.type === type &&
        (e.role === 'sponsor' ||
          e.role === 'clock' ||
          e.role === 'governor' ||
          e.role === 'ministry' ||
          e.role === 'agency') &&
        e.variant === variant &&
        (target === undefined || e.target === target),
    )
  // Whoever records a destination's answer: an agency where the policy says so, else the sponsor.
  const recorder = rolloutOf(policy).export === 'agencies' ? 'agency' : 'sponsor'
  const recorded = (variant: string) =>
    findEvent(
      table,
      (e) => e.type === 'DESTINATION' && e.role === recorder && e.variant === variant && e.target === 0,
    )
  const phaseIndex = (name: string) => PHASES.indexOf(name as (typeof PHASES)[number])
  return {
    policy,
    scenario,
    table,
    seats,
    reviewers,
    deputy,
    propose,
    mixCumulative,
    ev: {
      submit: ev('SUBMIT'),
      withdraw: ev('WITHDRAW'),
      complete: ev('COMPLETE'),
      amend: ev('AMEND', 'summary'),
      window: ev('TICK', 'window'),
      expiry: ev('TICK', 'expiry'),
      delegation: ev('TICK', 'delegation'),
      respond: [0, 1].map(
        (t) => [ev('RESPOND', 'accept', t), ev('RESPOND', 'decline', t)] as [number, number],
      ),
      // Two named ministries, as two regions: -1 where the sponsor completes a federal rollout.
      ministry: [0, 1].map(
        (t) => [ev('MINISTRY', 'accept', t), ev('MINISTRY', 'decline', t)] as [number, number],
      ),
      destination: [recorded('agreed'), recorded('declined')],
    },
    phase: {
      draft: phaseIndex('draft'),
      review: phaseIndex('review'),
      plenary: phaseIndex('plenary'),
      returned: phaseIndex('returned'),
      rollout: [phaseIndex('federalRollout'), phaseIndex('regionalRollout'), phaseIndex('exportRollout')],
    },
    samplers: {
      amendment: samplerOf(scenario.sponsor.amendmentDays),
      governor: samplerOf(scenario.governors.responseDays),
      federal: samplerOf(scenario.rollout.federalDays),
      export: samplerOf(scenario.rollout.exportDays),
    },
  }
}
