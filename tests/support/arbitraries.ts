import fc from 'fast-check'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeContent, Scope } from '../../src/domain/InitiativeContent.js'
import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import { comparisonsOf, conditionOf } from '../../src/policy/condition.js'
import type { Key, Policy } from '../../src/policy/PolicySchema.js'

export const MINUTE = 60_000
export const HOUR = 3_600_000
export const DAY = 86_400_000
/** Runs start on 2025-01-01; times may step back from there, never below zero. */
export const EPOCH = Date.UTC(2025, 0, 1)

/** An id that is no principal of any policy. */
export const OUTSIDER = 'outsider'
/** Stands for whoever sponsors the initiative when the event is sent. */
export const SPONSOR = '@sponsor'
/** `${HOLDER}${i}`: the i-th (modulo) holder of the event's key who has not yet decided the current revision (else the i-th holder). */
export const HOLDER = '@holder'
/** The deputy of the latest delegation of the event's key for a seat yet to decide (else the latest, else an outsider). */
export const DEPUTY = '@deputy'
/** The governor of the event's region. */
export const GOVERNOR = '@governor'
/** `${OPEN_KEY}${i}`: the i-th (modulo) key still pending in review, else the i-th key of the policy. */
export const OPEN_KEY = '@open'
/** A commission member who has not yet voted in the plenary session now sitting (else the first). */
export const MEMBER = '@member'
/** The ministry a MINISTRY event answers for (it answers for itself). */
export const MINISTRY_ITSELF = '@ministry'
/** The first region, ministry or destination of the initiative's scope that has not answered yet. */
export const PENDING = '@pending'

/**
 * When an event happens: `dt` after the previous event (negative: the clock steps back), or
 * exactly at an instant the initiative itself holds, plus `offset` ms — the review deadline, the
 * moment the oldest current approval expires, or the end of the latest delegation.
 */
export type When = { dt: number } | { anchor: 'deadline' | 'expiry' | 'delegationEnd'; offset: number }

export type ContentChange =
  | { field: 'none' }
  | { field: 'title'; title: string }
  | { field: 'summary'; summary: string }
  | { field: 'budget'; budget: number }
  | { field: 'objective'; objective: string }
  | { field: 'scope'; scope: Scope }

/**
 * An event as a test means it: actors, revisions and times are symbolic where they must be
 * resolved against the initiative when sent (the sponsor, the current or a stale revision,
 * a deadline); see {@link resolveEvent}.
 */
export type EventSpec = { when: When } & (
  | { type: 'PROPOSE'; by: string; id: string; content: InitiativeContent }
  | { type: 'SUBMIT' | 'WITHDRAW' | 'COMPLETE'; by: string }
  | { type: 'AMEND'; by: string; change: ContentChange }
  | {
      type: 'DECIDE'
      by: string
      key: string
      revision: 'current' | 'previous' | 'garbage'
      decision: 'approve' | 'refuse'
    }
  | { type: 'REVOKE'; by: string; key: string }
  | { type: 'DELEGATE'; by: string; key: string; deputy: string; startDays: number; lengthDays: number }
  | { type: 'TICK' }
  | { type: 'RESPOND'; by: string; region: string; accept: boolean }
  | { type: 'MINISTRY'; by: string; ministry: string; accept: boolean }
  | { type: 'PLENARY'; by: string }
  | { type: 'DESTINATION'; by: string; destination: string; agreed: boolean }
)

/** What a symbolic event is resolved against. */
export interface World {
  policy: Policy
  context: InitiativeContext
  /** The time of the previous event sent. */
  clock: number
  /** The revision before the current one, when there was one. */
  previousRevision: string | null
  /** Keys whose region is pending in review now. */
  openKeys: readonly string[]
}

const DEFAULT_CONTENT: InitiativeContent = {
  title: 'GPU cluster',
  summary: '',
  objective: 'infrastructure',
  scope: { kind: 'federal', ministries: [] },
}

function instant(spec: EventSpec, world: World): number {
  const { when } = spec
  if ('dt' in when) return Math.max(0, world.clock + when.dt)
  const { context, policy } = world
  let base: number | null = null
  if (when.anchor === 'deadline') base = context.deadline
  if (when.anchor === 'expiry' && policy.approvals.lifetimeDays !== null) {
    const current = context.decisions.filter(
      (d) => d.revision === context.revision.hash && d.decision === 'approve',
    )
    if (current.length > 0) base = Math.min(...current.map((d) => d.at)) + policy.approvals.lifetimeDays * DAY
  }
  if (when.anchor === 'delegationEnd' && context.delegations.length > 0) {
    base = Math.max(...context.delegations.map((d) => d.until))
  }
  return Math.max(0, (base ?? world.clock) + when.offset)
}

function amended(content: InitiativeContent | null, change: ContentChange): InitiativeContent {
  const base = content ?? DEFAULT_CONTENT
  switch (change.field) {
    case 'none':
      return base
    case 'title':
      return { ...base, title: change.title }
    case 'summary':
      return { ...base, summary: change.summary }
    case 'budget':
      return { ...base, budget: change.budget }
    case 'objective':
      return { ...base, objective: change.objective }
    case 'scope':
      return { ...base, scope: change.scope }
  }
}

/** The concrete event a spec means for the initiative as it is now. */
export function resolveEvent(spec: EventSpec, world: World): InitiativeEvent {
  const { context } = world
  const at = instant(spec, world)
  if (spec.type === 'TICK') return { type: 'TICK', at }
  if ('key' in spec) spec = { ...spec, key: keyOf(spec.key, world) }
  const by = actor(spec, world)
  switch (spec.type) {
    case 'PROPOSE':
      return { type: 'PROPOSE', by, at, id: spec.id, content: spec.content }
    case 'SUBMIT':
    case 'WITHDRAW':
    case 'COMPLETE':
      return { type: spec.type, by, at }
    case 'AMEND':
      return { type: 'AMEND', by, at, content: amended(context.content, spec.change) }
    case 'DECIDE': {
      const revision =
        spec.revision === 'current'
          ? context.revision.hash || 'no-revision-yet'
          : spec.revision === 'previous'
            ? (world.previousRevision ?? 'no-previous-revision')
            : 'garbage-revision'
      return { type: 'DECIDE', by, at, key: spec.key, revision, decision: spec.decision }
    }
    case 'REVOKE':
      return { type: 'REVOKE', by, at, key: spec.key }
    case 'DELEGATE': {
      const from = Math.max(0, Math.round(at + spec.startDays * DAY))
      const until = Math.max(0, Math.round(from + spec.lengthDays * DAY))
      const deputy = spec.deputy === SPONSOR ? (context.sponsor ?? OUTSIDER) : spec.deputy
      return { type: 'DELEGATE', by, at, key: spec.key, deputy, from, until }
    }
    case 'RESPOND':
      return { type: 'RESPOND', by, at, region: target(spec.region, world), accept: spec.accept }
    case 'MINISTRY':
      return { type: 'MINISTRY', by, at, ministry: target(spec.ministry, world), accept: spec.accept }
    case 'PLENARY':
      return { type: 'PLENARY', by, at, vote: 'return' }
    case 'DESTINATION':
      return {
        type: 'DESTINATION',
        by,
        at,
        destination: target(spec.destination, world),
        agreed: spec.agreed,
      }
  }
}

function keyOf(id: string, { policy, openKeys }: World): string {
  if (!id.startsWith(OPEN_KEY)) return id
  const i = Number(id.slice(OPEN_KEY.length))
  const keys = openKeys.length > 0 ? openKeys : policy.keys.map((k) => k.id)
  return keys[i % keys.length] ?? id
}

function target(id: string, { context }: World): string {
  if (id !== PENDING) return id
  const scope = context.content?.scope
  const targets =
    scope?.kind === 'regional'
      ? scope.regions
      : scope?.kind === 'export'
        ? scope.destinations
        : (scope?.ministries ?? [])
  return targets.find((t) => !(t in context.responses)) ?? targets[0] ?? 'atlantis'
}

function actor(spec: Exclude<EventSpec, { type: 'TICK' }>, world: World): string {
  const { context, policy } = world
  const keyId = 'key' in spec ? spec.key : undefined
  if (spec.by.startsWith(HOLDER)) {
    const i = Number(spec.by.slice(HOLDER.length))
    const holders = policy.keys.find((k) => k.id === keyId)?.holders ?? []
    const decided = new Set(
      context.decisions
        .filter((d) => d.key === keyId && d.revision === context.revision.hash && d.revokedAt === undefined)
        .map((d) => d.seat),
    )
    const undecided = holders.filter((h) => !decided.has(h))
    const from = undecided.length > 0 ? undecided : holders
    return from[i % Math.max(1, from.length)] ?? OUTSIDER
  }
  switch (spec.by) {
    case SPONSOR:
      return context.sponsor ?? OUTSIDER
    case DEPUTY: {
      const decided = new Set(
        context.decisions
          .filter((d) => d.key === keyId && d.revision === context.revision.hash)
          .map((d) => d.seat),
      )
      const mine = context.delegations.filter((d) => d.key === keyId)
      return (mine.findLast((d) => !decided.has(d.holder)) ?? mine.at(-1))?.deputy ?? OUTSIDER
    }
    case MEMBER: {
      const members = policy.commission?.members ?? []
      const voted = new Set(
        (context.plenaryVotes ?? []).filter((v) => v.session === context.escalatedAt).map((v) => v.by),
      )
      return members.find((m) => !voted.has(m)) ?? members[0] ?? OUTSIDER
    }
    case MINISTRY_ITSELF:
      return spec.type === 'MINISTRY' ? target(spec.ministry, world) : OUTSIDER
    case GOVERNOR: {
      const region = spec.type === 'RESPOND' ? target(spec.region, world) : undefined
      return policy.regions.find((r) => r.id === region)?.governor ?? OUTSIDER
    }
    default:
      return spec.by
  }
}

/** A short, readable form of a spec for counterexamples. */
export function describeSpec(spec: EventSpec): string {
  const { type, when, ...rest } = spec
  const time = 'dt' in when ? `dt=${when.dt}` : `${when.anchor}${when.offset >= 0 ? '+' : ''}${when.offset}`
  return `${type}(${time} ${JSON.stringify(rest)})`
}

// --- arbitraries ----------------------------------------------------------------------------

/** Gaps between events: minutes to many days, sometimes none, sometimes back in time. */
export const dtArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 60 }).map((m) => m * MINUTE) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 24 }).map((h) => h * HOUR) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((d) => d * DAY) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: -3 * DAY, max: -1 }) },
)

const whenArb = (dt: fc.Arbitrary<number>): fc.Arbitrary<When> =>
  fc.oneof(
    { weight: 9, arbitrary: dt.map((d) => ({ dt: d })) },
    {
      weight: 1,
      arbitrary: fc.record({
        anchor: fc.constantFrom('deadline' as const, 'expiry' as const, 'delegationEnd' as const),
        offset: fc.constantFrom(-1, 0, 1, -HOUR, DAY),
      }),
    },
  )

/** TICKs jump further: across review and plenary windows and approval lifetimes. */
const tickWhenArb = (policy: Policy): fc.Arbitrary<When> => {
  const spans = [policy.review.windowDays, policy.review.plenaryDays, policy.approvals.lifetimeDays ?? 100]
  return fc.oneof(
    { weight: 6, arbitrary: whenArb(dtArb) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 120 }).map((d) => ({ dt: d * DAY })) },
    { weight: 1, arbitrary: fc.constantFrom(...spans).map((d) => ({ dt: d * DAY })) },
    {
      weight: 1,
      arbitrary: fc.record({
        anchor: fc.constantFrom('deadline' as const, 'expiry' as const),
        offset: fc.constantFrom(-1, 0, 1),
      }),
    },
  )
}

/**
 * Who might be a key's deputy: those the policy names, or the non-holders of its institution —
 * also for a key that allows no deputies, whose delegations must all be refused.
 */
function deputiesOf(policy: Policy, key: Key): string[] {
  return (
    key.deputies.eligible ??
    policy.principals
      .filter((p) => [p.institution, ...p.affiliations].includes(key.institution))
      .map((p) => p.id)
      .filter((id) => !key.holders.includes(id))
  )
}

export const scopeArb = (policy: Policy): fc.Arbitrary<Scope> => {
  const regions = policy.regions.map((r) => r.id)
  const friendly = policy.friendlyDestinations
  const scopes: fc.Arbitrary<Scope>[] = [
    fc
      .subarray(['minzifry', 'minpromtorg', 'minek'])
      .map((ministries) => ({ kind: 'federal' as const, ministries })),
  ]
  if (regions.length > 0) {
    scopes.push(
      fc.subarray(regions, { minLength: 1 }).map((rs) => ({ kind: 'regional' as const, regions: rs })),
    )
  }
  if (friendly.length > 0) {
    scopes.push(
      fc
        .subarray(friendly, { minLength: 1, maxLength: 3 })
        .map((ds) => ({ kind: 'export' as const, destinations: ds })),
    )
  }
  return fc.oneof(...scopes)
}

/** Scopes the policy must refuse: unknown or repeated regions, unfriendly or repeated destinations. */
export const invalidScopeArb = (policy: Policy): fc.Arbitrary<Scope> => {
  const region = policy.regions[0]?.id ?? 'tatarstan'
  const destination = policy.friendlyDestinations[0] ?? 'belarus'
  return fc.constantFrom<Scope>(
    { kind: 'regional', regions: ['atlantis'] },
    { kind: 'regional', regions: [region, region] },
    { kind: 'export', destinations: ['narnia'] },
    { kind: 'export', destinations: [destination, destination] },
  )
}

/** Budgets at and on each side of every threshold a key's condition names (none without one). */
function budgetThresholds(policy: Policy): number[] {
  return policy.keys
    .flatMap((k) => {
      const condition = conditionOf(k)
      return condition === null ? [] : comparisonsOf(condition)
    })
    .filter((c) => c.field === 'budget')
    .flatMap((c) => (c.kind === 'in' ? c.values : [c.value]))
    .filter((v): v is number => typeof v === 'number')
    .flatMap((t) => [t - 1, t, t + 1])
}

export const contentArb = (policy: Policy): fc.Arbitrary<InitiativeContent> =>
  fc
    .record({
      title: fc.constantFrom('GPU cluster', 'Sovereign LLM', 'AI export programme'),
      summary: fc.constantFrom('', 'phase one'),
      objective: fc.constantFrom(...policy.objectives),
      scope: scopeArb(policy),
      budget: fc.option(fc.constantFrom(1_000_000, 5_000_000, ...budgetThresholds(policy)), {
        nil: undefined,
      }),
    })
    .map(({ budget, ...rest }) => (budget === undefined ? rest : { ...rest, budget }))

const changeArb = (policy: Policy): fc.Arbitrary<ContentChange> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant({ field: 'none' as const }) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom('GPU cluster v2', 'Renamed')
        .map((title) => ({ field: 'title' as const, title })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('', 'phase two').map((summary) => ({ field: 'summary' as const, summary })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(2_000_000, 9_000_000, ...budgetThresholds(policy))
        .map((budget) => ({ field: 'budget' as const, budget })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...policy.objectives, 'no-such-objective')
        .map((objective) => ({ field: 'objective' as const, objective })),
    },
    { weight: 2, arbitrary: scopeArb(policy).map((scope) => ({ field: 'scope' as const, scope })) },
    { weight: 1, arbitrary: invalidScopeArb(policy).map((scope) => ({ field: 'scope' as const, scope })) },
  )

/** Every kind of principal: each of the policy's, the sponsor of the day, and an outsider. */
export const anyoneArb = (policy: Policy): fc.Arbitrary<string> =>
  fc.constantFrom(...policy.principals.map((p) => p.id), OUTSIDER, SPONSOR)

/** Mostly the sponsor, sometimes anyone else. */
const sponsorMostlyArb = (policy: Policy) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(SPONSOR) }, { weight: 1, arbitrary: anyoneArb(policy) })

/** A key id: often one still pending, else any of the policy's, rarely one that is not. */
const keyIdArb = (policy: Policy) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...policy.keys.map((_k, i) => `${OPEN_KEY}${i}`)) },
    { weight: 9, arbitrary: fc.constantFrom(...policy.keys.map((k) => k.id)) },
    { weight: 1, arbitrary: fc.constant('no-such-key') },
  )

const holderRefArb = fc.constantFrom(`${HOLDER}0`, `${HOLDER}1`, `${HOLDER}2`)

/** Who decides for a key: mostly its holders, often its deputies, sometimes anyone. */
const deciderArb = (policy: Policy, keyId: string) => {
  const key = policy.keys.find((k) => k.id === keyId)
  const options = [
    { weight: 5, arbitrary: holderRefArb },
    { weight: 4, arbitrary: fc.constant(DEPUTY) },
    { weight: 2, arbitrary: anyoneArb(policy) },
  ]
  if (key !== undefined) options.push({ weight: 2, arbitrary: fc.constantFrom(...key.holders) })
  const deputies = key === undefined ? [] : deputiesOf(policy, key)
  if (deputies.length > 0) options.push({ weight: 1, arbitrary: fc.constantFrom(...deputies) })
  return fc.oneof(...options)
}

/**
 * Every command of the initiative machine, by every kind of principal, at times that move on
 * by minutes to weeks, jump across deadlines and lifetimes, or step back.
 */
export function eventSpecArb(policy: Policy): fc.Arbitrary<EventSpec> {
  const when = whenArb(dtArb)
  const regions = policy.regions.map((r) => r.id)
  const destinations = policy.friendlyDestinations
  const decide = keyIdArb(policy).chain((key) =>
    fc.record({
      type: fc.constant('DECIDE' as const),
      when,
      by: deciderArb(policy, key),
      key: fc.constant(key),
      revision: fc.oneof(
        { weight: 8, arbitrary: fc.constant('current' as const) },
        { weight: 1, arbitrary: fc.constant('previous' as const) },
        { weight: 1, arbitrary: fc.constant('garbage' as const) },
      ),
      decision: fc.oneof(
        { weight: 7, arbitrary: fc.constant('approve' as const) },
        { weight: 1, arbitrary: fc.constant('refuse' as const) },
      ),
    }),
  )
  const delegate = keyIdArb(policy).chain((keyId) => {
    const key = policy.keys.find((k) => k.id === keyId)
    const maxDays = key?.deputies.maxDays ?? 14
    const holders = key?.holders ?? []
    const deputies = key === undefined ? [] : deputiesOf(policy, key)
    return fc.record({
      type: fc.constant('DELEGATE' as const),
      when,
      by: fc.oneof(
        { weight: 3, arbitrary: holderRefArb },
        ...(holders.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...holders) }] : []),
        { weight: 1, arbitrary: anyoneArb(policy) },
      ),
      key: fc.constant(keyId),
      deputy:
        deputies.length > 0
          ? fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(...deputies) },
              { weight: 1, arbitrary: anyoneArb(policy) },
            )
          : anyoneArb(policy),
      startDays: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(-1, -1 / 24, 0) },
        { weight: 1, arbitrary: fc.constantFrom(1, 3) },
      ),
      lengthDays: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(1, maxDays / 2, maxDays) },
        { weight: 1, arbitrary: fc.constantFrom(maxDays + 1 / 24, maxDays * 3, 0, -1) },
      ),
    })
  })
  const region = fc.record({
    type: fc.constant('RESPOND' as const),
    when,
    by: fc.oneof(
      { weight: 3, arbitrary: fc.constant(GOVERNOR) },
      { weight: 1, arbitrary: anyoneArb(policy) },
    ),
    region: fc.oneof(
      { weight: 3, arbitrary: fc.constant(PENDING) },
      { weight: 1, arbitrary: fc.constantFrom(...regions, 'atlantis') },
    ),
    accept: fc.boolean(),
  })
  const ministries = policy.principals.filter((p) => p.roles.includes('ministry')).map((p) => p.id)
  const ministry = fc.record({
    type: fc.constant('MINISTRY' as const),
    when,
    by: fc.oneof(
      { weight: 3, arbitrary: fc.constant(MINISTRY_ITSELF) },
      { weight: 1, arbitrary: anyoneArb(policy) },
    ),
    ministry: fc.oneof(
      { weight: 3, arbitrary: fc.constant(PENDING) },
      { weight: 1, arbitrary: fc.constantFrom(...ministries, 'nowhere') },
    ),
    accept: fc.boolean(),
  })
  // Whoever records a destination: mostly the sponsor, or an agency where the policy has agencies.
  const agencies = policy.principals.filter((p) => p.roles.includes('agency')).map((p) => p.id)
  const recorder =
    agencies.length === 0
      ? sponsorMostlyArb(policy)
      : fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...agencies) },
          { weight: 1, arbitrary: sponsorMostlyArb(policy) },
        )
  // Members vote in the plenary (mostly), and anyone else tries to.
  const members = policy.commission?.members ?? []
  const plenary = fc.record({
    type: fc.constant('PLENARY' as const),
    when,
    by: fc.oneof(
      { weight: 6, arbitrary: fc.constant(MEMBER) },
      { weight: 2, arbitrary: fc.constantFrom(...members, OUTSIDER) },
      { weight: 1, arbitrary: anyoneArb(policy) },
    ),
  })
  const simple = (type: 'SUBMIT' | 'WITHDRAW' | 'COMPLETE') =>
    fc.record({ type: fc.constant(type), when, by: sponsorMostlyArb(policy) })
  return fc.oneof(
    { weight: 40, arbitrary: decide },
    { weight: 10, arbitrary: fc.record({ type: fc.constant('TICK' as const), when: tickWhenArb(policy) }) },
    { weight: 14, arbitrary: delegate },
    {
      weight: 4,
      arbitrary: keyIdArb(policy).chain((key) =>
        fc.record({
          type: fc.constant('REVOKE' as const),
          when,
          by: deciderArb(policy, key),
          key: fc.constant(key),
        }),
      ),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('AMEND' as const),
        when,
        by: sponsorMostlyArb(policy),
        change: changeArb(policy),
      }),
    },
    { weight: 3, arbitrary: simple('SUBMIT') },
    { weight: 1, arbitrary: simple('WITHDRAW') },
    { weight: 3, arbitrary: simple('COMPLETE') },
    { weight: 2, arbitrary: proposeArb(policy, when) },
    { weight: 8, arbitrary: region },
    ...(policy.rollout?.federal === 'ministries' ? [{ weight: 8, arbitrary: ministry }] : []),
    ...(members.length > 0 ? [{ weight: 12, arbitrary: plenary }] : []),
    {
      weight: 6,
      arbitrary: fc.record({
        type: fc.constant('DESTINATION' as const),
        when,
        by: recorder,
        destination: fc.oneof(
          { weight: 3, arbitrary: fc.constant(PENDING) },
          { weight: 1, arbitrary: fc.constantFrom(...destinations, 'narnia') },
        ),
        agreed: fc.boolean(),
      }),
    },
  )
}

function proposeArb(policy: Policy, when: fc.Arbitrary<When>): fc.Arbitrary<EventSpec> {
  const sponsors = policy.principals.filter((p) => p.roles.includes('sponsor')).map((p) => p.id)
  return fc.record({
    type: fc.constant('PROPOSE' as const),
    when,
    by: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...sponsors) },
      { weight: 1, arbitrary: anyoneArb(policy) },
    ),
    id: fc.constantFrom('i1', 'i2'),
    content: contentArb(policy),
  })
}

/**
 * How a run begins: mostly with a proposal by a sponsor already submitted, sometimes only
 * proposed, sometimes from nothing at all.
 */
export function startArb(policy: Policy): fc.Arbitrary<EventSpec[]> {
  const sponsors = policy.principals.filter((p) => p.roles.includes('sponsor')).map((p) => p.id)
  // A sponsor who also holds a key is the hard case for TK3: propose as one often.
  const holding = sponsors.filter((id) => policy.keys.some((k) => k.holders.includes(id)))
  const sponsor =
    holding.length > 0
      ? fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom(...sponsors) },
          { weight: 1, arbitrary: fc.constantFrom(...holding) },
        )
      : fc.constantFrom(...sponsors)
  const propose: fc.Arbitrary<EventSpec> = fc.record({
    type: fc.constant('PROPOSE' as const),
    when: fc.constant<When>({ dt: 0 }),
    by: sponsor,
    id: fc.constant('i1'),
    content: contentArb(policy),
  })
  const submit: EventSpec = { type: 'SUBMIT', when: { dt: HOUR }, by: SPONSOR }
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<EventSpec[]>([]) },
    { weight: 1, arbitrary: propose.map((p) => [p]) },
    { weight: 8, arbitrary: propose.map((p) => [p, submit]) },
  )
}
