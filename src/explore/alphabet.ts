import { DAY_MS } from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeEvent, InitiativeEventType } from '../domain/InitiativeEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import { rolloutOf } from '../policy/reach.js'
import type { Cast } from './cast.js'
import { type AmendmentKind, amendedContent, type ContentBranch } from './contents.js'
import { timelineOf } from './timeline.js'

/** Who sends an abstract event, as a kind of principal. */
export type EventRole =
  | 'sponsor'
  | 'holder'
  | 'deputy'
  | 'dual'
  | 'governor'
  | 'ministry'
  | 'agency'
  | 'member'
  | 'outsider'
  | 'clock'

/**
 * One letter of the explorer's alphabet: a command by a kind of principal, or a tick, stated
 * without times or hashes. `instantiate` turns it into a concrete machine event for a snapshot:
 * every command happens at the snapshot's own instant (`context.now`; the proposal at
 * `EPOCH`), "the sponsor" is whoever
 * proposed, a decision is on the current revision unless `variant` says `approve-stale`.
 *
 * | type        | variants                                                         | actor |
 * |-------------|------------------------------------------------------------------|-------|
 * | PROPOSE     | `<branch>` (a valid proposal) · `<branch>:invalid` (bad scope); a branch is a scope kind, `kind/objective` when routing tells objectives apart | each kind of sponsor |
 * | SUBMIT, WITHDRAW, COMPLETE | —                                                 | the sponsor · an outsider |
 * | AMEND       | `title` · `summary` · `invalid-scope` · `threshold` (conditional keys) | the sponsor (an outsider: `title`) |
 * | DECIDE      | `approve` · `refuse` (by the key's own holders and deputy) · `approve-stale` (a revision that is not current) | the key's holders and deputy, those of the next key (as intruders), principals of two institutions, the sponsor, an outsider |
 * | REVOKE      | —                                                                | holders and deputy of the key, an outsider |
 * | DELEGATE    | (once per holder and key) `valid` (now → now + maxDays) · `too-long` (2 × maxDays) · `to-sponsor` · `to-outsider` · `to-dual:<id>` · `by-outsider` | holders of the key |
 * | RESPOND     | `accept` · `decline`, for the `target`-th named region (-1: a region not named) | its governor · an outsider |
 * | MINISTRY    | `accept` · `decline`, for the `target`-th named ministry (-1: a ministry not named) | that ministry · an outsider |
 * | PLENARY     | `return`                                                         | each commission member · an outsider |
 * | DESTINATION | `agreed` · `declined`, for the `target`-th destination (-1: one not named) | the sponsor (or the agency, where agencies record them) · the other · an outsider |
 * | TICK        | `window` (to the window's or plenary's end) · `expiry` (just past the earliest approval's lifetime) · `delegation` (the next delegation start or end) | the clock |
 */
export interface AbstractEvent {
  /** Position in the alphabet: the column of the compiled table. */
  index: number
  type: InitiativeEventType
  role: EventRole
  /** The acting principal; null for the sponsor (resolved per state) and for ticks. */
  actor: string | null
  /** The key index the event is about, or -1. */
  key: number
  variant: string
  /** The region or destination (index into the content's targets, -1 for one it does not name). */
  target: number
  /** Short words for tables and warnings: "holder oreshkin approves presidential-administration". */
  label: string
  /** Whether a correct policy means this command to be possible somewhere; never-taken ones are warned about. */
  expected: boolean
}

/** Fixed parts of every concrete event: the initiative id and the stand-in for a stale revision. */
export const INITIATIVE_ID = 'initiative'
/** When the explorer's initiatives are proposed: day 0 of every counterexample (2026-03-02, a Monday). */
export const EPOCH = Date.UTC(2026, 2, 2)
export const STALE_REVISION = 'an-earlier-revision'

type Draft = Omit<AbstractEvent, 'index'>

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a')

/**
 * The alphabet of an exploration: every command by every kind of principal in `cast`, and ticks
 * across each deadline. The same alphabet serves every state; `instantiate` says which letters
 * make sense in a state (a tick with nothing ahead does not).
 *
 * @example
 * const alphabet = buildAlphabet(policy, branches, castOf(policy, branches))
 * alphabet.filter((e) => e.type === 'TICK').map((e) => e.variant) // ['window', 'expiry', 'delegation']
 */
export function buildAlphabet(
  policy: Policy,
  branches: readonly ContentBranch[],
  cast: Cast,
): AbstractEvent[] {
  const events: Draft[] = []
  const none = { key: -1, target: -1 }
  const tracks = new Set(policy.routing.map((r) => r.track))

  for (const branch of branches) {
    for (const p of cast.proposers) {
      events.push({
        type: 'PROPOSE',
        role: 'sponsor',
        actor: p.id,
        ...none,
        variant: branch.name,
        label: `${p.id} (${p.kind}) proposes ${article(branch.name)} ${branch.name} initiative`,
        expected: true,
      })
      events.push({
        type: 'PROPOSE',
        role: 'sponsor',
        actor: p.id,
        ...none,
        variant: `${branch.name}:invalid`,
        label: `${p.id} (${p.kind}) proposes ${article(branch.name)} ${branch.name} initiative with a bad scope`,
        expected: false,
      })
    }
  }
  const sponsorOnly = (type: 'SUBMIT' | 'WITHDRAW' | 'COMPLETE', verb: string, expected: boolean) => {
    events.push({
      type,
      role: 'sponsor',
      actor: null,
      ...none,
      variant: '',
      label: `the sponsor ${verb}`,
      expected,
    })
    events.push({
      type,
      role: 'outsider',
      actor: cast.outsider,
      ...none,
      variant: '',
      label: `outsider ${cast.outsider} ${verb}`,
      expected: false,
    })
  }
  sponsorOnly('SUBMIT', 'submits', true)
  sponsorOnly('WITHDRAW', 'withdraws', true)
  const rollout = rolloutOf(policy)
  sponsorOnly('COMPLETE', 'completes the rollout', tracks.has('federal') && rollout.federal === 'sponsor')
  // Across a key's condition (a budget past its threshold) only where some key applies by one.
  const conditional = policy.keys.some((k) => k.appliesIf !== undefined)
  const amendments = ['title', 'summary', 'invalid-scope', ...(conditional ? (['threshold'] as const) : [])]
  const amendmentLabel = (kind: (typeof amendments)[number]) =>
    kind === 'invalid-scope'
      ? 'scope (to one the policy does not allow)'
      : kind === 'threshold'
        ? "content across a key's condition (the budget past its threshold)"
        : kind
  for (const kind of amendments) {
    events.push({
      type: 'AMEND',
      role: 'sponsor',
      actor: null,
      ...none,
      variant: kind,
      label: `the sponsor amends the ${amendmentLabel(kind)}`,
      expected: kind !== 'invalid-scope',
    })
  }
  events.push({
    type: 'AMEND',
    role: 'outsider',
    actor: cast.outsider,
    ...none,
    variant: 'title',
    label: `outsider ${cast.outsider} amends the title`,
    expected: false,
  })

  // Decisions: every kind of principal on every key.
  const deciders: { id: string | null; role: EventRole; of: number }[] = [
    ...cast.holders.flatMap((hs, k) => hs.map((id) => ({ id, role: 'holder' as const, of: k }))),
    ...cast.deputies.flatMap((id, k) => (id === null ? [] : [{ id, role: 'deputy' as const, of: k }])),
    ...cast.duals.map((id) => ({ id, role: 'dual' as const, of: -1 })),
    { id: null, role: 'sponsor', of: -1 },
    { id: cast.outsider, role: 'outsider', of: -1 },
  ]
  const who = (d: { id: string | null; role: EventRole }) =>
    d.id === null ? 'the sponsor' : `${d.role} ${d.id}`
  const n = policy.keys.length
  policy.keys.forEach((key, k) => {
    // Holders and deputies of other keys probe a key's authority check; those of the next key
    // (cyclically) stand for all of them, so the alphabet grows linearly with the keys.
    const probe = n < 2 ? -1 : (k + 1) % n
    for (const d of deciders) {
      if (d.of >= 0 && d.of !== k && d.of !== probe) continue
      const own = d.of === k && (d.role === 'holder' || key.deputies.allowed)
      // Those without a seat on the key only try to approve: that is what a bug would let count.
      for (const decision of d.of === k ? (['approve', 'refuse'] as const) : (['approve'] as const)) {
        events.push({
          type: 'DECIDE',
          role: d.role,
          actor: d.id,
          key: k,
          target: -1,
          variant: decision,
          label: `${who(d)} ${decision === 'approve' ? 'approves' : 'refuses'} ${key.id}`,
          expected: own,
        })
      }
    }
    const first = key.holders[0]
    if (first !== undefined) {
      events.push({
        type: 'DECIDE',
        role: 'holder',
        actor: first,
        key: k,
        target: -1,
        variant: 'approve-stale',
        label: `holder ${first} approves ${key.id} on a revision that is not current`,
        expected: false,
      })
    }
    // An approval can be revoked only before its key turns: with a quorum of one it turns at once.
    const revocable = key.quorum > 1
    const revokers = [
      ...key.holders.map((id) => ({ id, role: 'holder' as const, expected: revocable })),
      ...(cast.deputies[k]
        ? [{ id: cast.deputies[k], role: 'deputy' as const, expected: revocable && key.deputies.allowed }]
        : []),
      { id: cast.outsider, role: 'outsider' as const, expected: false },
    ]
    for (const r of revokers) {
      events.push({
        type: 'REVOKE',
        role: r.role,
        actor: r.id,
        key: k,
        target: -1,
        variant: '',
        label: `${r.role} ${r.id} revokes its approval of ${key.id}`,
        expected: r.expected,
      })
    }
    const deputy = cast.deputies[k] ?? null
    for (const holder of key.holders) {
      const variants: [string, string, boolean][] = []
      if (deputy !== null) {
        variants.push(
          [
            'valid',
            `names ${deputy} deputy for ${key.id} for the longest window allowed`,
            key.deputies.allowed,
          ],
          ['too-long', `names ${deputy} deputy for ${key.id} for twice the longest window allowed`, false],
        )
      }
      variants.push(
        ['to-sponsor', `names the sponsor deputy for ${key.id}`, false],
        ['to-outsider', `names outsider ${cast.outsider} deputy for ${key.id}`, false],
      )
      for (const dual of cast.duals) {
        const p = policy.principals.find((x) => x.id === dual)
        const eligible =
          key.deputies.eligible?.includes(dual) ??
          (p !== undefined && [p.institution, ...p.affiliations].includes(key.institution))
        variants.push([
          `to-dual:${dual}`,
          `names ${dual} (of two institutions) deputy for ${key.id}`,
          key.deputies.allowed && eligible,
        ])
      }
      for (const [variant, words, expected] of variants) {
        events.push({
          type: 'DELEGATE',
          role: 'holder',
          actor: holder,
          key: k,
          target: -1,
          variant,
          label: `holder ${holder} ${words}`,
          expected,
        })
      }
    }
    if (deputy !== null) {
      events.push({
        type: 'DELEGATE',
        role: 'outsider',
        actor: cast.outsider,
        key: k,
        target: -1,
        variant: 'by-outsider',
        label: `outsider ${cast.outsider} names ${deputy} deputy for ${key.id}`,
        expected: false,
      })
    }
  })

  // Rollout answers.
  const regional = branches.find((b) => b.content.scope.kind === 'regional')
  if (regional !== undefined && regional.content.scope.kind === 'regional') {
    regional.content.scope.regions.forEach((region, i) => {
      const governor = policy.regions.find((r) => r.id === region)?.governor ?? cast.outsider
      for (const accept of [true, false]) {
        events.push({
          type: 'RESPOND',
          role: 'governor',
          actor: governor,
          key: -1,
          target: i,
          variant: accept ? 'accept' : 'decline',
          label: `governor ${governor} ${accept ? 'accepts' : 'declines'} rollout in ${region}`,
          expected: tracks.has('regional'),
        })
      }
      if (i === 0) {
        events.push({
          type: 'RESPOND',
          role: 'outsider',
          actor: cast.outsider,
          key: -1,
          target: 0,
          variant: 'accept',
          label: `outsider ${cast.outsider} accepts rollout in ${region}`,
          expected: false,
        })
      }
    })
    if (cast.strayGovernor !== null) {
      events.push({
        type: 'RESPOND',
        role: 'governor',
        actor: cast.strayGovernor.id,
        key: -1,
        target: -1,
        variant: 'accept',
        label: `governor ${cast.strayGovernor.id} accepts rollout in ${cast.strayGovernor.region}, which is not named`,
        expected: false,
      })
    }
  }
  // Every member votes (each is a distinct vote toward the quorum), and an outsider tries to.
  if (policy.commission !== undefined) {
    for (const member of policy.commission.members) {
      events.push({
        type: 'PLENARY',
        role: 'member',
        actor: member,
        key: -1,
        target: -1,
        variant: 'return',
        label: `member ${member} votes in the plenary to return it`,
        expected: true,
      })
    }
    events.push({
      type: 'PLENARY',
      role: 'outsider',
      actor: cast.outsider,
      key: -1,
      target: -1,
      variant: 'return',
      label: `outsider ${cast.outsider} votes in the plenary to return it`,
      expected: false,
    })
  }
  const federal = branches.find((b) => b.content.scope.kind === 'federal')
  if (federal !== undefined && federal.content.scope.kind === 'federal') {
    federal.content.scope.ministries.forEach((ministry, i) => {
      for (const accept of [true, false]) {
        events.push({
          type: 'MINISTRY',
          role: 'ministry',
          actor: ministry,
          key: -1,
          target: i,
          variant: accept ? 'accept' : 'decline',
          label: `ministry ${ministry} ${accept ? 'accepts' : 'declines'} the federal rollout`,
          expected: tracks.has('federal'),
        })
      }
      if (i === 0) {
        events.push({
          type: 'MINISTRY',
          role: 'outsider',
          actor: cast.outsider,
          key: -1,
          target: 0,
          variant: 'accept',
          label: `outsider ${cast.outsider} accepts the federal rollout for ${ministry}`,
          expected: false,
        })
      }
    })
    if (cast.strayMinistry !== null) {
      events.push({
        type: 'MINISTRY',
        role: 'ministry',
        actor: cast.strayMinistry,
        key: -1,
        target: -1,
        variant: 'accept',
        label: `ministry ${cast.strayMinistry}, which the initiative does not name, accepts the federal rollout`,
        expected: false,
      })
    }
  }
  if (branches.some((b) => b.content.scope.kind === 'export')) {
    // Whoever records destinations (the sponsor, or an agency), and the other as an intruder.
    const recorders: [EventRole, string | null, boolean][] = [
      ['sponsor', null, cast.agency === null],
      ...(cast.agency === null ? [] : ([['agency', cast.agency, true]] as [EventRole, string, boolean][])),
    ]
    for (const [role, actor, records] of recorders) {
      for (const agreed of [true, false]) {
        events.push({
          type: 'DESTINATION',
          role,
          actor,
          key: -1,
          target: 0,
          variant: agreed ? 'agreed' : 'declined',
          label: `${actor === null ? 'the sponsor' : `agency ${actor}`} records that the destination ${agreed ? 'agreed' : 'declined'}`,
          expected: tracks.has('export') && records,
        })
      }
    }
    events.push({
      type: 'DESTINATION',
      role: 'outsider',
      actor: cast.outsider,
      key: -1,
      target: 0,
      variant: 'agreed',
      label: `outsider ${cast.outsider} records that the destination agreed`,
      expected: false,
    })
    if (policy.friendlyDestinations.length > 1) {
      events.push({
        type: 'DESTINATION',
        role: 'sponsor',
        actor: null,
        key: -1,
        target: -1,
        variant: 'agreed',
        label: 'the sponsor records a friendly destination the initiative does not name',
        expected: false,
      })
    }
  }
  for (const [variant, words] of [
    ['delegation', 'the next delegation window starts or ends'],
    ['expiry', 'the earliest counted approval expires'],
    ['window', 'the review window (or plenary) closes'],
  ] as const) {
    events.push({ type: 'TICK', role: 'clock', actor: null, ...none, variant, label: words, expected: false })
  }
  return events.map((e, index) => ({ index, ...e }))
}

/** What `instantiate` needs besides the event: the policy, the branches and the cast. */
export interface AlphabetContext {
  policy: Policy
  branches: readonly ContentBranch[]
  cast: Cast
}

/**
 * The concrete machine event `event` stands for in a snapshot, or null when it does not apply
 * there (the sponsor before a proposal, a tick with nothing ahead, an answer for a region the
 * initiative does not name).
 */
export function instantiate(
  { policy, branches, cast }: AlphabetContext,
  event: AbstractEvent,
  value: unknown,
  context: InitiativeContext,
): InitiativeEvent | null {
  // The explorer's clock starts at EPOCH with the proposal.
  const at = event.type === 'PROPOSE' ? Math.max(context.now, EPOCH) : context.now
  const by = event.actor ?? context.sponsor
  if (event.type === 'TICK') {
    const timeline = timelineOf(policy, value, context)
    const t = timeline[event.variant as 'window' | 'expiry' | 'delegation']
    return t === null ? null : { type: 'TICK', at: t }
  }
  if (by === null) return null
  const key = policy.keys[event.key]
  switch (event.type) {
    case 'PROPOSE': {
      const [scope, invalid] = event.variant.split(':')
      const branch = branches.find((b) => b.name === scope)
      if (branch === undefined) return null
      const content = invalid === undefined ? branch.content : branch.invalid
      return { type: 'PROPOSE', by, at, id: INITIATIVE_ID, content }
    }
    case 'SUBMIT':
    case 'WITHDRAW':
    case 'COMPLETE':
      return { type: event.type, by, at }
    case 'AMEND': {
      if (context.content === null) return null
      const content = amendedContent(policy, context.content, event.variant as AmendmentKind)
      return content === null ? null : { type: 'AMEND', by, at, content }
    }
    case 'DECIDE': {
      if (key === undefined) return null
      const stale = event.variant === 'approve-stale'
      return {
        type: 'DECIDE',
        by,
        at,
        key: key.id,
        revision: stale ? STALE_REVISION : context.revision.hash,
        decision: event.variant === 'refuse' ? 'refuse' : 'approve',
      }
    }
    case 'REVOKE':
      return key === undefined ? null : { type: 'REVOKE', by, at, key: key.id }
    case 'DELEGATE': {
      if (key === undefined) return null
      const days = key.deputies.maxDays ?? 1
      const deputyOf = cast.deputies[event.key] ?? cast.outsider
      const window = (from: number, length: number) => ({ from, until: from + length })
      const plan: Record<string, { deputy: string; from: number; until: number } | null> = {
        valid: { deputy: deputyOf, ...window(at, days * DAY_MS) },
        'too-long': { deputy: deputyOf, ...window(at, 2 * days * DAY_MS) },
        'to-sponsor':
          context.sponsor === null ? null : { deputy: context.sponsor, ...window(at, days * DAY_MS) },
        'to-outsider': { deputy: cast.outsider, ...window(at, days * DAY_MS) },
        'by-outsider': { deputy: deputyOf, ...window(at, days * DAY_MS) },
      }
      // Each holder names a deputy for a key at most once per initiative: enough to see a deputy
      // before, inside and after a window, and it keeps the clock on a coarse grid.
      if (context.delegations.some((d) => d.key === key.id && d.holder === by)) return null
      const dual = event.variant.startsWith('to-dual:') ? event.variant.slice('to-dual:'.length) : null
      const chosen = dual === null ? plan[event.variant] : { deputy: dual, ...window(at, days * DAY_MS) }
      return chosen === null || chosen === undefined
        ? null
        : { type: 'DELEGATE', by, at, key: key.id, ...chosen }
    }
    case 'RESPOND': {
      const scope = context.content?.scope
      const region =
        event.target < 0
          ? cast.strayGovernor?.region
          : scope?.kind === 'regional'
            ? scope.regions[event.target]
            : undefined
      if (region === undefined) return null
      const governor =
        event.role === 'governor' && event.target >= 0
          ? policy.regions.find((r) => r.id === region)?.governor
          : by
      if (governor === undefined) return null
      return { type: 'RESPOND', by: governor, at, region, accept: event.variant === 'accept' }
    }
    case 'PLENARY':
      return { type: 'PLENARY', by, at, vote: 'return' }
    case 'MINISTRY': {
      const scope = context.content?.scope
      const ministry =
        event.target < 0
          ? (cast.strayMinistry ?? undefined)
          : scope?.kind === 'federal'
            ? scope.ministries[event.target]
            : undefined
      if (ministry === undefined) return null
      return { type: 'MINISTRY', by, at, ministry, accept: event.variant === 'accept' }
    }
    case 'DESTINATION': {
      const scope = context.content?.scope
      const named = scope?.kind === 'export' ? scope.destinations : []
      const destination =
        event.target < 0 ? policy.friendlyDestinations.find((d) => !named.includes(d)) : named[event.target]
      if (destination === undefined) return null
      return { type: 'DESTINATION', by, at, destination, agreed: event.variant === 'agreed' }
    }
  }
}
