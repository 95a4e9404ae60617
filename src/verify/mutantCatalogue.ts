import { assign } from 'xstate'
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
import { recordDecision } from '../../machines/updates.js'
import type { EventOf, InitiativeEvent } from '../domain/InitiativeEvent.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { InvariantId } from '../invariants/Invariant.js'
import { formatIssues } from '../policy/formatIssues.js'
import { safeParsePolicy } from '../policy/loadPolicy.js'
import type { Policy, PolicyInput } from '../policy/PolicySchema.js'
import {
  type Guard,
  type GuardArgs,
  type MachineConfig,
  withAmendKeeping,
  withGuards,
  withStateConfig,
} from './brokenMachine.js'

/** The shipped policies (machines/policies/<name>.yaml) `verify` is shown a mistake on. */
export type ShippedPolicyName = 'two-keys' | 'council' | 'president-over-10bn' | 'seed'

/**
 * The policy variants the property tests run a mutant on (tests/support/policies.ts):
 * `two-keys` the seed, `council-2-of-3` a 2-of-3 council with 7-day approvals, `three-keys`,
 * `president-over-10bn`, `seed` (machines/policies/seed.yaml, with reach), `seed-one-key`
 * (examples/policies/seed-one-key.yaml), and two that only a skipped validation lets through:
 * `routing-gap` (no rule routes export) and `cross-holder` (a holder of one key affiliated with
 * the other key's institution).
 */
export type PropertyPolicyName =
  | 'two-keys'
  | 'council-2-of-3'
  | 'three-keys'
  | 'president-over-10bn'
  | 'seed'
  | 'seed-one-key'
  | 'routing-gap'
  | 'cross-holder'

/** `twokeys verify` must catch the mistake on a shipped policy (and `verify --bug` lists it). */
export interface VerifyCatch {
  /** Invariants the verifier must report violated, or 'hole' for a policy hole (it may report more). */
  breaks: (InvariantId | 'hole')[]
  /** The shipped policy the mistake is shown on. */
  basePolicy: ShippedPolicyName
}

/**
 * A property test must catch the mistake, with the same arbitraries, seed and run count as on
 * the real machine: `machine`, the model-based property (tests/support/machineProperty.ts), or
 * `order`, TK11's order property (tests/support/orderProperty.ts).
 */
export interface PropertyCatch {
  kind: 'machine' | 'order'
  /** The invariant the property must report violated. */
  breaks: InvariantId
  policy: PropertyPolicyName
}

/**
 * A deliberately broken machine or policy — a realistic mistake a modeller or a developer could
 * make — and the checkers that must catch it. Machine-level mistakes replace named guards with
 * `machine.provide({ guards })` (a few replace a transition in the chart, an action, or what an
 * amendment resets); policy-level ones are policies the validator accepts that still have a hole,
 * and ship as YAML files in `tests/fixtures/bugs/`.
 */
export interface CataloguedMutant {
  /** A short id: `twokeys verify --bug <name>` for those `verify` catches. */
  name: string
  /** The mistake, in one line. */
  title: string
  /** What goes wrong, and why the validator or the machine does not stop it. */
  explanation: string
  level: 'machine' | 'policy'
  /** Which checkers must catch it, each breaking what (at least one). */
  caughtBy:
    | { verify: VerifyCatch; property?: PropertyCatch }
    | { verify?: undefined; property: PropertyCatch }
  /** Builds the broken policy and machine from the policy it is run on. */
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
    `a catalogued mutant made an invalid policy:\n${formatIssues(result.issues, { color: false })}`,
    {
      issues: result.issues,
    },
  )
}

const keyOf = (policy: Policy, id: string) => {
  const key = findKey(policy, id)
  if (key === undefined) throw new Error(`mutant catalogue: key "${id}" is not in policy "${policy.id}"`)
  return key
}

const seats = (policy: Policy, context: InitiativeContext, key: string, quorumShift: number) =>
  countedApprovals(policy, context, key, context.now).length >= keyOf(policy, key).quorum + quorumShift

/** Where the plenary sits in the chart: inside review's window region. */
const PLENARY = ['open', 'review', 'window', 'plenary']

const machineMutant = (
  mutant: Omit<CataloguedMutant, 'level' | 'build'> & {
    policy?: (p: Policy) => Policy
    guards: (policy: Policy) => (original: (name: string) => Guard) => Record<string, Guard>
    /** Context fields the amend action keeps although a substantive amendment resets them. */
    amendKeeps?: readonly (keyof InitiativeContext)[]
  },
): CataloguedMutant => ({
  name: mutant.name,
  title: mutant.title,
  explanation: mutant.explanation,
  caughtBy: mutant.caughtBy,
  level: 'machine',
  build(base) {
    const policy = mutant.policy?.(base) ?? base
    const machine = withGuards(policy, mutant.guards(policy))
    return {
      policy,
      machine:
        mutant.amendKeeps === undefined ? machine : withAmendKeeping(policy, machine, mutant.amendKeeps),
    }
  },
})

const policyMutant = (
  mutant: Omit<CataloguedMutant, 'level' | 'build'> & { policy: (p: Policy) => Policy },
): CataloguedMutant => ({
  name: mutant.name,
  title: mutant.title,
  explanation: mutant.explanation,
  caughtBy: mutant.caughtBy,
  level: 'policy',
  build(base) {
    const policy = mutant.policy(base)
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

const decide = (event: InitiativeEvent) => event as EventOf<'DECIDE'>

/** The seats with a standing approval of `key` on the current revision. */
const approvalsOn = (context: InitiativeContext, key: string) =>
  new Set(
    currentDecisions(context, key)
      .filter((d) => d.decision === 'approve')
      .map((d) => d.seat),
  )

/**
 * The one catalogue of deliberately broken machines and policies, each with the checkers that must
 * catch it. `twokeys verify --bug <name>` runs those `verify` catches on their shipped policy (they
 * come first, in the order `--bug list` shows them: `BUG_CATALOGUE`), and the verifier's tests
 * require each reported with a counterexample against its invariants; the property tests
 * (tests/properties/mutants.test.ts) run every one that names a property and require it caught
 * breaking its invariant. At least one per invariant, TK1–TK13.
 *
 * @example
 * const mutant = MUTANT_CATALOGUE.find((m) => m.name === 'deputy-ignores-window')
 * const { policy, machine } = mutant.build(loadPolicyFile('machines/policies/two-keys.yaml'))
 * verify(policy, { machine }).invariants.find((i) => i.id === 'TK6')?.status // 'violated'
 */
export const MUTANT_CATALOGUE: readonly CataloguedMutant[] = [
  machineMutant({
    name: 'deputy-ignores-window',
    title: 'the authority check accepts a deputy whenever a delegation exists, ignoring its window',
    explanation:
      'actorHasAuthority asks only whether the holder ever named the actor deputy, not whether the delegation covers the moment of the decision; a deputy whose window has ended still decides',
    caughtBy: { verify: { breaks: ['TK6'], basePolicy: 'two-keys' } },
    guards: () => (original) => ({
      actorHasAuthority: (args, params) =>
        original('actorHasAuthority')(args, params) ||
        args.context.delegations.some((d) => d.key === params.key && d.deputy === fields(args.event).by),
    }),
  }),
  machineMutant({
    name: 'distinct-by-principal-only',
    title: 'distinctness compares principals and seats but not institutions',
    explanation:
      'deputyEligible and distinctAcrossKeys forget institutions: a deputy of the Presidential Administration who is also affiliated with the Government Apparatus turns the first key beside a Government Apparatus approval, so one institution counts toward both keys',
    caughtBy: { verify: { breaks: ['TK2'], basePolicy: 'two-keys' } },
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
  machineMutant({
    name: 'amendment-keeps-approvals',
    title: 'a substantive amendment in review keeps the approvals already given',
    explanation:
      'isSubstantiveAmendment never holds, the amend action keeps the decisions given so far, and a turned key counts its approvals whatever their revision, so an amendment that changes the summary makes a new revision but leaves every turned key turned on the old one',
    caughtBy: {
      verify: { breaks: ['TK5'], basePolicy: 'two-keys' },
      property: { kind: 'machine', breaks: 'TK5', policy: 'two-keys' },
    },
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
  machineMutant({
    name: 'amendment-keeps-revision',
    title: 'an amendment changes the content but never makes a new revision',
    explanation:
      "the amend action stores the new content and keeps the revision hash it had, and the decisions on it, so approvals given on the old content still name the current revision: a federal initiative approved by one co-chair is amended into an export to Belarus with a thousand times the budget, and the other co-chair's approval sends it to export rollout on revision 1",
    caughtBy: {
      verify: { breaks: ['TK5'], basePolicy: 'two-keys' },
      property: { kind: 'machine', breaks: 'TK5', policy: 'two-keys' },
    },
    amendKeeps: ['revision', 'decisions', 'approvedEarlier'],
    guards: () => () => ({}),
  }),
  machineMutant({
    name: 'veto-overridden-in-plenary',
    title: 'in a plenary session a refusal counts as one vote, so a veto can be outvoted',
    explanation:
      'refusalRefusesKey ignores veto once the window has closed into a plenary: a co-chair refuses, a second holder of the same key approves, and the revision is approved over the veto',
    caughtBy: { verify: { breaks: ['TK4'], basePolicy: 'two-keys' } },
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
  policyMutant({
    name: 'routing-gap',
    title: 'the routing rules leave export initiatives unrouted',
    explanation:
      'no routing rule matches an export scope, which the policy validator accepts; the machine refuses to take an initiative it could never route, so no export initiative can ever be proposed',
    caughtBy: { verify: { breaks: ['hole'], basePolicy: 'two-keys' } },
    policy: (base) => withoutExportRoute(base),
  }),
  machineMutant({
    name: 'unroutable-approval',
    title: 'the routing gap of "routing-gap", and a machine that does not check routability up front',
    explanation:
      'contentIsRoutable always holds, so an export initiative is proposed and approved under a policy with no export rule — and then has nowhere to go: it stays "approved" for ever',
    caughtBy: { verify: { breaks: ['TK10'], basePolicy: 'two-keys' } },
    policy: (base) => withoutExportRoute(base),
    guards: () => () => ({ contentIsRoutable: () => true }),
  }),
  policyMutant({
    name: 'sponsor-is-sole-holder',
    title: 'the only holder of a key may also sponsor',
    explanation:
      'the first co-chair is the sole holder of the first key and also has the role "sponsor", which the validator accepts; an initiative that co-chair proposes can never be approved, because no one else may turn that key and the sponsor may not (TK3)',
    caughtBy: { verify: { breaks: ['hole'], basePolicy: 'two-keys' } },
    policy: (base) => holderMaySponsor(base),
  }),
  machineMutant({
    name: 'sponsor-holds-key',
    title: 'a key holder sponsors, and the self-approval check looks only at who acts, not whose seat',
    explanation:
      "the first co-chair may also sponsor (the validator allows it) and actorIsNotSponsor compares only the actor with the sponsor: the co-chair proposes, names a deputy, and the deputy turns the key on the sponsor's own seat",
    caughtBy: { verify: { breaks: ['TK3'], basePolicy: 'two-keys' } },
    policy: (base) => holderMaySponsor(base),
    guards: () => () => ({
      actorIsNotSponsor: ({ context, event }) => fields(event).by !== context.sponsor,
    }),
  }),
  machineMutant({
    name: 'delegation-too-long',
    title: 'a delegation may be as long as the holder likes: the window check ignores maxDays',
    explanation:
      'delegationWindowValid checks that the window is not empty and not over, but not its length, so a deputy can be named for far longer than the policy allows',
    caughtBy: {
      verify: { breaks: ['TK6'], basePolicy: 'two-keys' },
      property: { kind: 'machine', breaks: 'TK6', policy: 'two-keys' },
    },
    guards: () => () => ({
      delegationWindowValid: ({ context, event }) => {
        const e = fields(event)
        return (e.from ?? 0) < (e.until ?? 0) && (e.until ?? 0) > (e.at ?? context.now)
      },
    }),
  }),
  machineMutant({
    name: 'quorum-off-by-one',
    title: 'the quorum check is off by one: k − 1 approvals turn a k-of-n key',
    explanation:
      "reachesQuorum, keyExpired and allKeysTurned all compare with quorum − 1, so the council key (2 of 3) turns on a single governor's approval",
    caughtBy: { verify: { breaks: ['TK1'], basePolicy: 'council' } },
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
  machineMutant({
    name: 'stale-approval-counts',
    title: 'a decision on an earlier revision is accepted',
    explanation:
      'onCurrentRevision always holds, so an approval a co-chair gave on a revision that has since been amended is recorded as if it were on the current one',
    caughtBy: {
      verify: { breaks: ['TK5'], basePolicy: 'two-keys' },
      property: { kind: 'machine', breaks: 'TK5', policy: 'two-keys' },
    },
    guards: () => () => ({ onCurrentRevision: () => true }),
  }),
  machineMutant({
    name: 'approvals-never-expire',
    title: 'approvals never expire: the lifetime is checked nowhere',
    explanation:
      'with a 7-day approval lifetime, keyExpired never holds and quorum and approval ignore freshness: an approval given on day 0 still turns the key on day 8',
    caughtBy: {
      verify: { breaks: ['TK7'], basePolicy: 'two-keys' },
      property: { kind: 'machine', breaks: 'TK7', policy: 'council-2-of-3' },
    },
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
  machineMutant({
    name: 'unfriendly-export',
    title: 'the content check does not look at export destinations',
    explanation:
      'contentIsValid checks the objective and regions but not the friendly-destinations list, so an export to an unfriendly country is proposed, approved and routed',
    caughtBy: { verify: { breaks: ['TK9'], basePolicy: 'two-keys' } },
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
  machineMutant({
    name: 'any-governor-answers',
    title: 'a regional rollout takes an answer for a region from anyone',
    explanation:
      'governorOfPendingRegion checks that the region is named and has not answered, but not that the one answering is its governor',
    caughtBy: {
      verify: { breaks: ['TK9'], basePolicy: 'two-keys' },
      property: { kind: 'machine', breaks: 'TK9', policy: 'two-keys' },
    },
    guards: () => () => ({
      governorOfPendingRegion: ({ context, event }) => {
        const { region = '' } = event as Partial<EventOf<'RESPOND'>>
        const scope = context.content?.scope
        return scope?.kind === 'regional' && scope.regions.includes(region) && !(region in context.responses)
      },
    }),
  }),
  machineMutant({
    name: 'first-key-first',
    title: "the second key's check reads the first key's state: it may only be turned first",
    explanation:
      'seatHasNotDecided on the second key also refuses once the first key has an approval, so approving in one order passes and in the other is stuck',
    caughtBy: {
      verify: { breaks: ['TK11'], basePolicy: 'two-keys' },
      property: { kind: 'order', breaks: 'TK11', policy: 'two-keys' },
    },
    guards: (policy) => (original) => ({
      seatHasNotDecided: (args, params) =>
        !(
          params.key === secondKey(policy).id &&
          currentDecisions(args.context, firstKey(policy).id).some((d) => d.decision === 'approve')
        ) && original('seatHasNotDecided')(args, params),
    }),
  }),
  machineMutant({
    name: 'condition-always-waives',
    title: 'a key that applies by condition is waived whatever the content (the threshold is never read)',
    explanation:
      "keyWaived answers true for every conditional key: an initiative over ₽10 bn is approved by the two co-chairs alone, without the President's sign-off its budget requires",
    caughtBy: { verify: { breaks: ['TK1'], basePolicy: 'president-over-10bn' } },
    guards: () => () => ({ keyWaived: () => true }),
  }),
  {
    name: 'plenary-approves',
    title: 'the plenary session, when it closes, approves the initiative instead of letting it lapse',
    explanation:
      'the plenary\'s closing TICK targets "approved" rather than "lapsed": a timeout passes an initiative no key was turned for',
    caughtBy: { verify: { breaks: ['TK8', 'TK1'], basePolicy: 'two-keys' } },
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
    caughtBy: { verify: { breaks: ['TK8', 'TK1'], basePolicy: 'seed' } },
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
  // Caught by the property tests only: each shows an invariant test failing on its own policy variant.
  machineMutant({
    name: 'reach-ignored',
    title:
      "reach ignored: with the Government's key alone, a governor answers a regional rollout nobody brought them into",
    explanation:
      'withinReach always holds, so a body the approving keys do not bring in (a governor, under the seed with one key) still answers the rollout',
    caughtBy: { property: { kind: 'machine', breaks: 'TK13', policy: 'seed-one-key' } },
    guards: () => () => ({ withinReach: () => true }),
  }),
  {
    name: 'plenary-vote-approves',
    title: "the plenary's quorum of members approves the initiative instead of returning it to its sponsor",
    explanation:
      'the vote that completes the quorum targets "approved" rather than "returned", without marking an approval: the members stand in for both keys',
    level: 'machine',
    caughtBy: { property: { kind: 'machine', breaks: 'TK8', policy: 'seed' } },
    build(policy) {
      return {
        policy,
        machine: withStateConfig(policy, PLENARY, (plenary) => ({
          ...plenary,
          on: {
            ...plenary.on,
            PLENARY: plenary.on.PLENARY.map((t: MachineConfig, i: number) =>
              i === 0 ? { ...t, target: '#initiative.approved' } : t,
            ),
          },
        })),
      }
    },
  },
  machineMutant({
    name: 'anyone-answers-for-a-ministry',
    title: 'any principal answers for a named ministry: the federal rollout is accepted by someone else',
    explanation:
      'ministryOfPendingAnswer checks the answer as if the ministry itself had given it, so whoever sends it answers for the ministry',
    caughtBy: { property: { kind: 'machine', breaks: 'TK9', policy: 'seed' } },
    guards: () => (original) => ({
      ministryOfPendingAnswer: (args, params) =>
        original('ministryOfPendingAnswer')(
          {
            ...args,
            event: {
              ...(args.event as EventOf<'MINISTRY'>),
              by: (args.event as EventOf<'MINISTRY'>).ministry,
            },
          },
          params,
        ),
    }),
  }),
  machineMutant({
    name: 'condition-waives-every-key',
    title:
      'a conditional key is waived whatever the budget: the co-chairs approve ₽10 bn+ without the President',
    explanation:
      'keyWaived always holds and allKeysTurned counts only the keys without a condition, so the co-chairs alone approve an initiative whose budget needs the President',
    caughtBy: { property: { kind: 'machine', breaks: 'TK1', policy: 'president-over-10bn' } },
    guards: (policy) => () => ({
      keyWaived: () => true,
      allKeysTurned: ({ context }) =>
        policy.keys
          .filter((k) => k.appliesIf === undefined)
          .every((k) => approvalsOn(context, k.id).size >= k.quorum),
    }),
  }),
  machineMutant({
    name: 'quorum-ignored',
    title: 'quorum ignored: one approval turns a 2-of-3 key and approves',
    explanation:
      'reachesQuorum always holds, keyExpired never does and allKeysTurned asks for one approval per key, so a single holder turns a 2-of-3 key',
    caughtBy: { property: { kind: 'machine', breaks: 'TK1', policy: 'council-2-of-3' } },
    guards: (policy) => () => ({
      reachesQuorum: () => true,
      keyExpired: () => false,
      allKeysTurned: ({ context }) => policy.keys.every((k) => approvalsOn(context, k.id).size > 0),
    }),
  }),
  {
    name: 'approval-guard-always-holds',
    title: 'approval guarded by allKeysTurned alone, which always holds',
    explanation:
      'review approves as soon as allKeysTurned holds, and it always does: an initiative is approved the moment it is submitted',
    level: 'machine',
    caughtBy: { property: { kind: 'machine', breaks: 'TK1', policy: 'two-keys' } },
    build(policy) {
      return {
        policy,
        machine: withStateConfig(policy, ['open', 'review'], (review) => ({
          ...review,
          always: [
            review.always[0],
            { guard: 'allKeysTurned', target: '#initiative.approved', actions: 'markApproved' },
          ],
        })).provide({ guards: { allKeysTurned: () => true } } as never) as InitiativeMachine,
      }
    },
  },
  machineMutant({
    name: 'distinct-by-principal-unchecked',
    title:
      'distinctAcrossKeys compares principals and seats but not institutions, on a policy whose checks were skipped',
    explanation:
      "a holder of one key affiliated with the other key's institution (which the policy checks refuse) turns the first key beside the second, so one institution counts toward both",
    caughtBy: { property: { kind: 'machine', breaks: 'TK2', policy: 'cross-holder' } },
    guards: (policy) => () => ({
      distinctAcrossKeys: ({ context, event }, { key }) => {
        const e = decide(event)
        const seat = seatFor(context, keyOf(policy, key), e.by, e.at)
        return policy.keys
          .filter((k) => k.id !== key)
          .every((k) =>
            countedApprovals(policy, context, k.id, e.at).every((d) => d.by !== e.by && d.seat !== seat),
          )
      },
    }),
  }),
  machineMutant({
    name: 'sponsor-check-gone',
    title: 'actorIsNotSponsor always holds',
    explanation:
      'a holder who sponsored an initiative turns a key on it: the sponsor approves their own proposal',
    caughtBy: { property: { kind: 'machine', breaks: 'TK3', policy: 'council-2-of-3' } },
    guards: () => () => ({ actorIsNotSponsor: () => true }),
  }),
  machineMutant({
    name: 'sponsor-check-ignores-seat',
    title: 'actorIsNotSponsor ignores the seat a deputy acts on',
    explanation:
      "actorIsNotSponsor compares only the actor with the sponsor, so a deputy turns the key on the sponsor's own seat",
    caughtBy: { property: { kind: 'machine', breaks: 'TK3', policy: 'council-2-of-3' } },
    guards: () => () => ({
      actorIsNotSponsor: ({ context, event }) => decide(event).by !== context.sponsor,
    }),
  }),
  machineMutant({
    name: 'veto-never-refuses',
    title: 'a refusal never refuses the veto key',
    explanation:
      'refusalRefusesKey answers false for the key with veto, so its holder refuses and another approves over the veto',
    caughtBy: { property: { kind: 'machine', breaks: 'TK4', policy: 'council-2-of-3' } },
    guards: (policy) => (original) => ({
      refusalRefusesKey: (args, params) =>
        keyOf(policy, params.key).veto ? false : original('refusalRefusesKey')(args, params),
    }),
  }),
  machineMutant({
    name: 'authority-check-gone',
    title: 'actorHasAuthority always holds',
    explanation: 'anyone may decide for any key: neither a holder nor a deputy, the approval still counts',
    caughtBy: { property: { kind: 'machine', breaks: 'TK6', policy: 'two-keys' } },
    guards: () => () => ({ actorHasAuthority: () => true }),
  }),
  machineMutant({
    name: 'deputies-where-none-allowed',
    title: 'deputiesAllowed holds for a key that allows no deputies',
    explanation:
      'deputiesAllowed always holds, so a holder of the Security Council key (deputies not allowed) names a deputy who then decides',
    caughtBy: { property: { kind: 'machine', breaks: 'TK6', policy: 'three-keys' } },
    guards: () => () => ({ deputiesAllowed: () => true }),
  }),
  {
    name: 'plenary-tick-approves',
    title: 'a closing plenary approves instead of lapsing',
    explanation:
      'the plenary\'s only transition is its closing TICK, and it targets "approved": a timeout passes an initiative no key was turned for',
    level: 'machine',
    caughtBy: { property: { kind: 'machine', breaks: 'TK8', policy: 'two-keys' } },
    build(policy) {
      return {
        policy,
        machine: withStateConfig(policy, PLENARY, (plenary) => ({
          ...plenary,
          on: {
            TICK: [
              { guard: 'windowClosed', target: '#initiative.approved', actions: 'markApproved' },
              { actions: 'advanceClock' },
            ],
          },
        })),
      }
    },
  },
  machineMutant({
    name: 'any-route-matches',
    title: 'routeMatches always holds',
    explanation: 'every routing rule matches, so the first one routes every initiative, whatever its scope',
    caughtBy: { property: { kind: 'machine', breaks: 'TK9', policy: 'two-keys' } },
    guards: () => () => ({ routeMatches: () => true }),
  }),
  machineMutant({
    name: 'unroutable-approval-unchecked',
    title:
      'a routing table with no rule for export, and a proposal check that no longer asks whether a rule routes the content',
    explanation:
      'contentIsRoutable always holds on a routing-gap policy taken by shape only (so the mutant does not depend on the validator accepting it): an export initiative is approved and stays "approved" for ever',
    caughtBy: { property: { kind: 'machine', breaks: 'TK10', policy: 'routing-gap' } },
    guards: () => () => ({ contentIsRoutable: () => true }),
  }),
  {
    name: 'impure-decision-numbers',
    title: 'recordDecision numbers decisions from a counter outside the machine',
    explanation:
      'each recorded decision gets a reason from a counter the machine does not hold, so replaying the same events gives a different state',
    level: 'machine',
    caughtBy: { property: { kind: 'machine', breaks: 'TK12', policy: 'two-keys' } },
    build(policy) {
      let counter = 0
      return {
        policy,
        machine: createInitiativeMachine(policy).provide({
          actions: {
            recordDecision: assign(({ context, event }: GuardArgs) => {
              const update = recordDecision(policy, context, decide(event))
              const decisions = update.decisions ?? []
              const last = decisions.at(-1)
              if (last === undefined) return update
              return {
                ...update,
                decisions: [...decisions.slice(0, -1), { ...last, reason: `#${counter++}` }],
              }
            }),
          },
        } as never) as InitiativeMachine,
      }
    },
  },
]
