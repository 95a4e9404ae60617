import {
  countedApprovals,
  currentDecisions,
  findKey,
  findPrincipal,
  institutionsOf,
  isFresh,
  seatFor,
} from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { EventOf, InitiativeEvent } from '../domain/InitiativeEvent.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { InvariantId } from '../invariants/Invariant.js'
import { formatIssues } from '../policy/formatIssues.js'
import { safeParsePolicy } from '../policy/loadPolicy.js'
import type { Policy, PolicyInput } from '../policy/PolicySchema.js'
import {
  type Guard,
  type MachineConfig,
  withAmendKeeping,
  withGuards,
  withStateConfig,
} from './brokenMachine.js'

/**
 * A deliberately broken machine or policy: a realistic mistake a modeller or a developer could
 * make, and the invariant the verifier must catch it breaking. Machine-level bugs replace named
 * guards with `machine.provide({ guards })` (one replaces a transition in the chart); policy-level
 * ones are policies the validator accepts that still have a hole, and ship as YAML files in
 * `tests/fixtures/bugs/`.
 */
export interface CataloguedBug {
  name: string
  /** The mistake, in one line. */
  title: string
  /** What goes wrong, and why the validator or the machine does not stop it. */
  explanation: string
  /** Invariants the verifier must report violated, or 'hole' for a policy hole (it may report more). */
  breaks: (InvariantId | 'hole')[]
  /** The shipped policy (machines/policies/<name>.yaml) the bug is shown on. */
  basePolicy: 'two-keys' | 'council' | 'president-over-10bn' | 'seed'
  level: 'machine' | 'policy'
  /** Builds the broken policy and machine from the base policy. */
  build(policy: Policy): { policy: Policy; machine: InitiativeMachine }
}

const fields = (event: InitiativeEvent) =>
  event as Partial<{ by: string; at: number; key: string; decision: string; from: number; until: number }>

/** Re-validates a changed policy exactly as a policy file would be. */
function tweak(policy: Policy, change: (doc: PolicyInput) => PolicyInput): Policy {
  const result = safeParsePolicy(change(structuredClone(policy) as PolicyInput))
  if (result.success) return result.policy
  throw new TwoKeysError(
    'POLICY_INVALID',
    `a catalogued bug made an invalid policy:\n${formatIssues(result.issues, { color: false })}`,
    {
      issues: result.issues,
    },
  )
}

const keyOf = (policy: Policy, id: string) => {
  const key = findKey(policy, id)
  if (key === undefined) throw new Error(`bug catalogue: key "${id}" is not in policy "${policy.id}"`)
  return key
}

const seats = (policy: Policy, context: InitiativeContext, key: string, quorumShift: number) =>
  countedApprovals(policy, context, key, context.now).length >= keyOf(policy, key).quorum + quorumShift

/** Where the plenary sits in the chart: inside review's window region. */
const PLENARY = ['open', 'review', 'window', 'plenary']

const machineBug = (
  bug: Omit<CataloguedBug, 'level' | 'build'> & {
    policy?: (p: Policy) => Policy
    guards: (policy: Policy) => (original: (name: string) => Guard) => Record<string, Guard>
    /** Context fields the amend action keeps although a substantive amendment resets them. */
    amendKeeps?: readonly (keyof InitiativeContext)[]
  },
): CataloguedBug => ({
  name: bug.name,
  title: bug.title,
  explanation: bug.explanation,
  breaks: bug.breaks,
  basePolicy: bug.basePolicy,
  level: 'machine',
  build(base) {
    const policy = bug.policy?.(base) ?? base
    const machine = withGuards(policy, bug.guards(policy))
    return {
      policy,
      machine: bug.amendKeeps === undefined ? machine : withAmendKeeping(policy, machine, bug.amendKeeps),
    }
  },
})

const policyBug = (
  bug: Omit<CataloguedBug, 'level' | 'build'> & { policy: (p: Policy) => Policy },
): CataloguedBug => ({
  name: bug.name,
  title: bug.title,
  explanation: bug.explanation,
  breaks: bug.breaks,
  basePolicy: bug.basePolicy,
  level: 'policy',
  build(base) {
    const policy = bug.policy(base)
    return { policy, machine: createInitiativeMachine(policy) }
  },
})

const principal = (id: string, institution: string, roles: string[], affiliations: string[] = []) => ({
  id,
  name: id,
  institution,
  affiliations,
  roles: roles as PolicyInput['principals'][number]['roles'],
})

/** The policy without its export routing rule (and so with a gap for export initiatives). */
const withoutExportRoute = (base: Policy) =>
  tweak(base, (doc) => ({
    ...doc,
    id: `${base.id}-routing-gap`,
    routing: (doc.routing ?? []).filter((r) => r.track !== 'export'),
  }))

/** The policy with the first holder of the first key also allowed to sponsor. */
const holderMaySponsor = (base: Policy) =>
  tweak(base, (doc) => ({
    ...doc,
    principals: (doc.principals ?? []).map((p) =>
      p.id === firstKey(base).holders[0] ? { ...p, roles: [...(p.roles ?? []), 'sponsor' as const] } : p,
    ),
  }))

/** The first key of the policy, and its first holder: where most bugs are shown. */
const firstKey = (policy: Policy) => policy.keys[0] as Policy['keys'][number]
const secondKey = (policy: Policy) => (policy.keys[1] ?? policy.keys[0]) as Policy['keys'][number]

/**
 * The catalogue of deliberately broken machines and policies. `twokeys verify --bug <name>` runs
 * one on its shipped policy; the verifier's tests require each to be reported, with a
 * counterexample, against the invariants in `breaks`.
 *
 * @example
 * const bug = findBug('deputy-ignores-window')
 * const { policy, machine } = bug.build(loadPolicyFile('machines/policies/two-keys.yaml'))
 * verify(policy, { machine }).invariants.find((i) => i.id === 'TK6')?.status // 'violated'
 */
export const BUG_CATALOGUE: readonly CataloguedBug[] = [
  machineBug({
    name: 'deputy-ignores-window',
    title: 'the authority check accepts a deputy whenever a delegation exists, ignoring its window',
    explanation:
      'actorHasAuthority asks only whether the holder ever named the actor deputy, not whether the delegation covers the moment of the decision; a deputy whose window has ended still decides',
    breaks: ['TK6'],
    basePolicy: 'two-keys',
    guards: () => (original) => ({
      actorHasAuthority: (args, params) =>
        original('actorHasAuthority')(args, params) ||
        args.context.delegations.some((d) => d.key === params.key && d.deputy === fields(args.event).by),
    }),
  }),
  machineBug({
    name: 'distinct-by-principal-only',
    title: 'distinctness compares principals and seats but not institutions',
    explanation:
      'deputyEligible and distinctAcrossKeys forget institutions: a deputy of the Presidential Administration who is also affiliated with the Government Apparatus turns the first key beside a Government Apparatus approval, so one institution counts toward both keys',
    breaks: ['TK2'],
    basePolicy: 'two-keys',
    // An office of the first key's institution, also affiliated with the second key's, that the
    // first key's holders may name deputy (eligibility by institution, as the policy's default).
    policy: (base) =>
      tweak(base, (doc) => ({
        ...doc,
        principals: [
          ...(doc.principals ?? []),
          principal('liaison-office', firstKey(base).institution, ['deputy'], [secondKey(base).institution]),
        ],
        keys: (doc.keys ?? []).map((k, i) =>
          i === 0 ? { ...k, deputies: { allowed: true, maxDays: 14 } } : k,
        ),
      })),
    guards: (policy) => () => ({
      deputyEligible: ({ context, event }) => {
        const e = event as Partial<EventOf<'DELEGATE'>>
        const key = findKey(policy, e.key ?? '')
        const deputy = findPrincipal(policy, e.deputy ?? '')
        if (key === undefined || deputy === undefined || deputy.id === context.sponsor) return false
        if (policy.keys.some((k) => k.holders.includes(deputy.id))) return false
        return key.deputies.eligible === undefined
          ? institutionsOf(deputy).includes(key.institution)
          : key.deputies.eligible.includes(deputy.id)
      },
      distinctAcrossKeys: ({ context, event }, { key }) => {
        const e = fields(event)
        const by = e.by ?? ''
        const at = e.at ?? context.now
        const seat = seatFor(context, keyOf(policy, key), by, at)
        return policy.keys
          .filter((k) => k.id !== key)
          .every((k) =>
            countedApprovals(policy, context, k.id, at).every((d) => d.by !== by && d.seat !== seat),
          )
      },
    }),
  }),
  machineBug({
    name: 'amendment-keeps-approvals',
    title: 'a substantive amendment in review keeps the approvals already given',
    explanation:
      'isSubstantiveAmendment never holds, the amend action keeps the decisions given so far, and a turned key counts its approvals whatever their revision, so an amendment that changes the summary makes a new revision but leaves every turned key turned on the old one',
    breaks: ['TK5'],
    basePolicy: 'two-keys',
    amendKeeps: ['decisions', 'approvedEarlier'],
    guards: (policy) => () => ({
      isSubstantiveAmendment: () => false,
      // … and a turned key re-checks its approvals by freshness alone, whatever their revision.
      keyExpired: ({ context }, { key }) => {
        const fresh = context.decisions.filter(
          (d) =>
            d.key === key &&
            d.decision === 'approve' &&
            d.revokedAt === undefined &&
            isFresh(policy, d.at, context.now),
        )
        return new Set(fresh.map((d) => d.seat)).size < keyOf(policy, key).quorum
      },
    }),
  }),
  machineBug({
    name: 'amendment-keeps-revision',
    title: 'an amendment changes the content but never makes a new revision',
    explanation:
      "the amend action stores the new content and keeps the revision hash it had, and the decisions on it, so approvals given on the old content still name the current revision: a federal initiative approved by one co-chair is amended into an export to Belarus with a thousand times the budget, and the other co-chair's approval sends it to export rollout on revision 1",
    breaks: ['TK5'],
    basePolicy: 'two-keys',
    amendKeeps: ['revision', 'decisions', 'approvedEarlier'],
    guards: () => () => ({}),
  }),
  machineBug({
    name: 'veto-overridden-in-plenary',
    title: 'in a plenary session a refusal counts as one vote, so a veto can be outvoted',
    explanation:
      'refusalRefusesKey ignores veto once the window has closed into a plenary: a co-chair refuses, a second holder of the same key approves, and the revision is approved over the veto',
    breaks: ['TK4'],
    basePolicy: 'two-keys',
    // The second key gets a second holder, so that someone can outvote the refusal.
    policy: (base) =>
      tweak(base, (doc) => ({
        ...doc,
        principals: [
          ...(doc.principals ?? []),
          principal('second-holder', secondKey(base).institution, ['co-chair']),
        ],
        keys: (doc.keys ?? []).map((k, i) =>
          i === 1 || (doc.keys ?? []).length === 1 ? { ...k, holders: [...k.holders, 'second-holder'] } : k,
        ),
      })),
    guards: (policy) => (original) => ({
      refusalRefusesKey: (args, params) => {
        if (args.context.escalatedAt === null) return original('refusalRefusesKey')(args, params)
        const key = keyOf(policy, params.key)
        const refusing = new Set(
          currentDecisions(args.context, params.key)
            .filter((d) => d.decision === 'refuse')
            .map((d) => d.seat),
        )
        refusing.add(fields(args.event).by ?? '')
        return key.holders.length - refusing.size < key.quorum
      },
    }),
  }),
  policyBug({
    name: 'routing-gap',
    title: 'the routing rules leave export initiatives unrouted',
    explanation:
      'no routing rule matches an export scope, which the policy validator accepts; the machine refuses to take an initiative it could never route, so no export initiative can ever be proposed',
    breaks: ['hole'],
    basePolicy: 'two-keys',
    policy: (base) => withoutExportRoute(base),
  }),
  machineBug({
    name: 'unroutable-approval',
    title: 'the routing gap of "routing-gap", and a machine that does not check routability up front',
    explanation:
      'contentIsRoutable always holds, so an export initiative is proposed and approved under a policy with no export rule — and then has nowhere to go: it stays "approved" for ever',
    breaks: ['TK10'],
    basePolicy: 'two-keys',
    policy: (base) => withoutExportRoute(base),
    guards: () => () => ({ contentIsRoutable: () => true }),
  }),
  policyBug({
    name: 'sponsor-is-sole-holder',
    title: 'the only holder of a key may also sponsor',
    explanation:
      'the first co-chair is the sole holder of the first key and also has the role "sponsor", which the validator accepts; an initiative that co-chair proposes can never be approved, because no one else may turn that key and the sponsor may not (TK3)',
    breaks: ['hole'],
    basePolicy: 'two-keys',
    policy: (base) => holderMaySponsor(base),
  }),
  machineBug({
    name: 'sponsor-holds-key',
    title: 'a key holder sponsors, and the self-approval check looks only at who acts, not whose seat',
    explanation:
      "the first co-chair may also sponsor (the validator allows it) and actorIsNotSponsor compares only the actor with the sponsor: the co-chair proposes, names a deputy, and the deputy turns the key on the sponsor's own seat",
    breaks: ['TK3'],
    basePolicy: 'two-keys',
    policy: (base) => holderMaySponsor(base),
    guards: () => () => ({
      actorIsNotSponsor: ({ context, event }) => fields(event).by !== context.sponsor,
    }),
  }),
  machineBug({
    name: 'delegation-too-long',
    title: 'a delegation may be as long as the holder likes: the window check ignores maxDays',
    explanation:
      'delegationWindowValid checks that the window is not empty and not over, but not its length, so a deputy can be named for far longer than the policy allows',
    breaks: ['TK6'],
    basePolicy: 'two-keys',
    guards: () => () => ({
      delegationWindowValid: ({ context, event }) => {
        const e = fields(event)
        return (e.from ?? 0) < (e.until ?? 0) && (e.until ?? 0) > (e.at ?? context.now)
      },
    }),
  }),
  machineBug({
    name: 'quorum-off-by-one',
    title: 'the quorum check is off by one: k − 1 approvals turn a k-of-n key',
    explanation:
      "reachesQuorum, keyExpired and allKeysTurned all compare with quorum − 1, so the council key (2 of 3) turns on a single governor's approval",
    breaks: ['TK1'],
    basePolicy: 'council',
    guards: (policy) => () => ({
      reachesQuorum: ({ context, event }, { key }) => {
        const e = fields(event)
        const seat = seatFor(context, keyOf(policy, key), e.by ?? '', e.at ?? context.now)
        const have = new Set(countedApprovals(policy, context, key, e.at ?? context.now).map((d) => d.seat))
        if (seat !== null) have.add(seat)
        return have.size >= keyOf(policy, key).quorum - 1
      },
      keyExpired: ({ context }, { key }) => !seats(policy, context, key, -1),
      allKeysTurned: ({ context }) => policy.keys.every((k) => seats(policy, context, k.id, -1)),
    }),
  }),
  machineBug({
    name: 'stale-approval-counts',
    title: 'a decision on an earlier revision is accepted',
    explanation:
      'onCurrentRevision always holds, so an approval a co-chair gave on a revision that has since been amended is recorded as if it were on the current one',
    breaks: ['TK5'],
    basePolicy: 'two-keys',
    guards: () => () => ({ onCurrentRevision: () => true }),
  }),
  machineBug({
    name: 'approvals-never-expire',
    title: 'approvals never expire: the lifetime is checked nowhere',
    explanation:
      'with a 7-day approval lifetime, keyExpired never holds and quorum and approval ignore freshness: an approval given on day 0 still turns the key on day 8',
    breaks: ['TK7'],
    basePolicy: 'two-keys',
    policy: (base) => tweak(base, (doc) => ({ ...doc, approvals: { lifetimeDays: 7 } })),
    guards: (policy) => () => {
      const approvals = (context: InitiativeContext, key: string) =>
        new Set(
          currentDecisions(context, key)
            .filter((d) => d.decision === 'approve')
            .map((d) => d.seat),
        )
      return {
        keyExpired: () => false,
        reachesQuorum: ({ context, event }, { key }) => {
          const e = fields(event)
          const have = approvals(context, key)
          const seat = seatFor(context, keyOf(policy, key), e.by ?? '', e.at ?? context.now)
          if (seat !== null) have.add(seat)
          return have.size >= keyOf(policy, key).quorum
        },
        allKeysTurned: ({ context }) => policy.keys.every((k) => approvals(context, k.id).size >= k.quorum),
      }
    },
  }),
  machineBug({
    name: 'unfriendly-export',
    title: 'the content check does not look at export destinations',
    explanation:
      'contentIsValid checks the objective and regions but not the friendly-destinations list, so an export to an unfriendly country is proposed, approved and routed',
    breaks: ['TK9'],
    basePolicy: 'two-keys',
    guards: (policy) => () => ({
      contentIsValid: ({ event }) => {
        const content = (event as Partial<EventOf<'PROPOSE'>>).content
        if (content === undefined) return true
        const regionsOk =
          content.scope.kind !== 'regional' ||
          content.scope.regions.every((r) => policy.regions.some((x) => x.id === r))
        return policy.objectives.includes(content.objective) && regionsOk
      },
    }),
  }),
  machineBug({
    name: 'any-governor-answers',
    title: 'a regional rollout takes an answer for a region from anyone',
    explanation:
      'governorOfPendingRegion checks that the region is named and has not answered, but not that the one answering is its governor',
    breaks: ['TK9'],
    basePolicy: 'two-keys',
    guards: () => () => ({
      governorOfPendingRegion: ({ context, event }) => {
        const { region = '' } = event as Partial<EventOf<'RESPOND'>>
        const scope = context.content?.scope
        return scope?.kind === 'regional' && scope.regions.includes(region) && !(region in context.responses)
      },
    }),
  }),
  machineBug({
    name: 'first-key-first',
    title: "the second key's check reads the first key's state: it may only be turned first",
    explanation:
      'seatHasNotDecided on the second key also refuses once the first key has an approval, so approving in one order passes and in the other is stuck',
    breaks: ['TK11'],
    basePolicy: 'two-keys',
    guards: (policy) => (original) => ({
      seatHasNotDecided: (args, params) =>
        !(
          params.key === secondKey(policy).id &&
          currentDecisions(args.context, firstKey(policy).id).some((d) => d.decision === 'approve')
        ) && original('seatHasNotDecided')(args, params),
    }),
  }),
  machineBug({
    name: 'condition-always-waives',
    title: 'a key that applies by condition is waived whatever the content (the threshold is never read)',
    explanation:
      "keyWaived answers true for every conditional key: an initiative over ₽10 bn is approved by the two co-chairs alone, without the President's sign-off its budget requires",
    breaks: ['TK1'],
    basePolicy: 'president-over-10bn',
    guards: () => () => ({ keyWaived: () => true }),
  }),
  {
    name: 'plenary-approves',
    title: 'the plenary session, when it closes, approves the initiative instead of letting it lapse',
    explanation:
      'the plenary\'s closing TICK targets "approved" rather than "lapsed": a timeout passes an initiative no key was turned for',
    breaks: ['TK8', 'TK1'],
    basePolicy: 'two-keys',
    level: 'machine',
    build(policy) {
      return {
        policy,
        machine: withStateConfig(policy, PLENARY, (plenary) => ({
          ...plenary,
          on: {
            ...plenary.on,
            TICK: [
              { guard: 'windowClosed', target: '#initiative.approved', actions: 'markApproved' },
              { actions: 'advanceClock' },
            ],
          },
        })),
      }
    },
  },
  {
    name: 'plenary-quorum-approves',
    title: "the plenary's quorum of members approves the initiative instead of returning it to its sponsor",
    explanation:
      'the vote that completes the quorum targets "approved" rather than "returned": three members of the commission stand in for both keys',
    breaks: ['TK8', 'TK1'],
    basePolicy: 'seed',
    level: 'machine',
    build(policy) {
      if (policy.commission === undefined) {
        throw new TwoKeysError(
          'COMMAND_INVALID',
          `bug "plenary-quorum-approves" needs a policy whose commission votes in a plenary; policy "${policy.id}" has none (use machines/policies/seed.yaml)`,
        )
      }
      return {
        policy,
        machine: withStateConfig(policy, PLENARY, (plenary) => ({
          ...plenary,
          on: {
            ...plenary.on,
            PLENARY: plenary.on.PLENARY.map((t: MachineConfig, i: number) =>
              i === 0 ? { ...t, target: '#initiative.approved', actions: ['recordVote', 'markApproved'] } : t,
            ),
          },
        })),
      }
    },
  },
]

/** The catalogued bug called `name`, or a TwoKeysError listing the names. */
export function findBug(name: string): CataloguedBug {
  const bug = BUG_CATALOGUE.find((b) => b.name === name)
  if (bug !== undefined) return bug
  throw new TwoKeysError(
    'COMMAND_INVALID',
    `there is no catalogued bug "${name}"; choose one of: ${BUG_CATALOGUE.map((b) => b.name).join(', ')} (or "list")`,
  )
}
