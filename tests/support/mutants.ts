import { assign } from 'xstate'
import { countedApprovals, currentDecisions, findKey, isFresh, seatFor } from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { recordDecision } from '../../machines/updates.js'
import type { EventOf, InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import type { InvariantId } from '../../src/invariants/Invariant.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import {
  type Guard,
  type GuardArgs,
  type MachineConfig,
  withAmendKeeping,
  withGuards,
  withStateConfig,
} from '../../src/verify/brokenMachine.js'
import {
  councilPolicy,
  crossHolderPolicy,
  oneKeyReachPolicy,
  presidentPolicy,
  reachPolicy,
  routingGapPolicy,
  seedPolicy,
  threeKeyPolicy,
} from './policies.js'

// Mutants are deliberately broken machines, built from the real one's parts (with the same three
// builders as the shipped bug catalogue, src/verify/bugCatalogue.ts, which `verify` must catch),
// so that every invariant test can be seen to fail. Each names the invariant it must break and
// the property that must catch it.

export interface Mutant {
  /** The invariant the mutant must be caught breaking. */
  breaks: InvariantId
  name: string
  policy: Policy
  machine: InitiativeMachine
  /** Which property catches it: the model-based one, or TK11's order property. */
  property: 'machine' | 'order'
}

const PA = 'presidential-administration'
const GA = 'government-apparatus'

/** The machine with some guards replaced and an amend action that keeps the context's `kept` fields. */
const withAmend = (
  policy: Policy,
  kept: (keyof InitiativeContext)[],
  guards: (original: (name: string) => Guard) => Record<string, Guard>,
): InitiativeMachine => withAmendKeeping(policy, withGuards(policy, guards), kept)

const decide = (event: InitiativeEvent) => event as EventOf<'DECIDE'>
const approvalsOn = (context: InitiativeContext, key: string) =>
  new Set(
    currentDecisions(context, key)
      .filter((d) => d.decision === 'approve')
      .map((d) => d.seat),
  )

export function buildMutants(): Mutant[] {
  const m = (breaks: InvariantId, name: string, policy: Policy, machine: InitiativeMachine): Mutant => ({
    breaks,
    name,
    policy,
    machine,
    property: breaks === 'TK11' ? 'order' : 'machine',
  })
  let counter = 0
  return [
    m(
      'TK13',
      "reach ignored: with the Government's key alone, a governor answers a regional rollout nobody brought them into",
      oneKeyReachPolicy,
      withGuards(oneKeyReachPolicy, () => ({ withinReach: () => true })),
    ),
    m(
      'TK8',
      "the plenary's quorum of members approves the initiative instead of returning it to its sponsor",
      reachPolicy,
      withStateConfig(reachPolicy, ['open', 'review', 'window', 'plenary'], (state) => ({
        ...state,
        on: {
          ...state.on,
          PLENARY: state.on.PLENARY.map((t: MachineConfig, i: number) =>
            i === 0 ? { ...t, target: '#initiative.approved' } : t,
          ),
        },
      })),
    ),
    m(
      'TK9',
      'any principal answers for a named ministry: the federal rollout is accepted by someone else',
      reachPolicy,
      withGuards(reachPolicy, (original) => ({
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
      })),
    ),
    m(
      'TK1',
      'a conditional key is waived whatever the budget: the co-chairs approve ₽10 bn+ without the President',
      presidentPolicy,
      withGuards(presidentPolicy, () => ({
        keyWaived: () => true,
        allKeysTurned: ({ context }) =>
          presidentPolicy.keys
            .filter((k) => k.appliesIf === undefined)
            .every((k) => approvalsOn(context, k.id).size >= k.quorum),
      })),
    ),
    m(
      'TK1',
      'quorum ignored: one approval turns a 2-of-3 key and approves',
      councilPolicy,
      withGuards(councilPolicy, () => ({
        reachesQuorum: () => true,
        keyExpired: () => false,
        allKeysTurned: ({ context }) => councilPolicy.keys.every((k) => approvalsOn(context, k.id).size > 0),
      })),
    ),
    m(
      'TK1',
      'approval guarded by allKeysTurned alone, which always holds',
      seedPolicy,
      withStateConfig(seedPolicy, ['open', 'review'], (review) => ({
        ...review,
        always: [
          review.always[0],
          { guard: 'allKeysTurned', target: '#initiative.approved', actions: 'markApproved' },
        ],
      })).provide({ guards: { allKeysTurned: () => true } } as never) as InitiativeMachine,
    ),
    m(
      'TK2',
      'distinctAcrossKeys compares principals and seats but not institutions, on a policy whose checks were skipped',
      crossHolderPolicy,
      withGuards(crossHolderPolicy, () => ({
        distinctAcrossKeys: ({ context, event }, { key }) => {
          const e = decide(event)
          const seat = seatFor(context, findKey(crossHolderPolicy, key)!, e.by, e.at)
          return crossHolderPolicy.keys
            .filter((k) => k.id !== key)
            .every((k) =>
              countedApprovals(crossHolderPolicy, context, k.id, e.at).every(
                (d) => d.by !== e.by && d.seat !== seat,
              ),
            )
        },
      })),
    ),
    m(
      'TK3',
      'actorIsNotSponsor always holds',
      councilPolicy,
      withGuards(councilPolicy, () => ({ actorIsNotSponsor: () => true })),
    ),
    m(
      'TK3',
      'actorIsNotSponsor ignores the seat a deputy acts on',
      councilPolicy,
      withGuards(councilPolicy, () => ({
        actorIsNotSponsor: ({ context, event }) => decide(event).by !== context.sponsor,
      })),
    ),
    m(
      'TK4',
      'a refusal never refuses the veto key',
      councilPolicy,
      withGuards(councilPolicy, (original) => ({
        refusalRefusesKey: (args, params) =>
          params.key === GA ? false : original('refusalRefusesKey')(args, params),
      })),
    ),
    m(
      'TK5',
      'onCurrentRevision always holds',
      seedPolicy,
      withGuards(seedPolicy, () => ({ onCurrentRevision: () => true })),
    ),
    m(
      'TK5',
      'a substantive amendment in review keeps turned keys and their approvals; keyExpired looks at the lifetime only',
      seedPolicy,
      withAmend(seedPolicy, ['decisions', 'approvedEarlier'], () => ({
        isSubstantiveAmendment: () => false,
        keyExpired: ({ context }, { key }) => {
          const fresh = context.decisions.filter(
            (d) =>
              d.key === key &&
              d.decision === 'approve' &&
              d.revokedAt === undefined &&
              isFresh(seedPolicy, d.at, context.now),
          )
          return new Set(fresh.map((d) => d.seat)).size < findKey(seedPolicy, key)!.quorum
        },
      })),
    ),
    m(
      'TK5',
      'amendments never make a new revision: the amend action keeps the revision it had',
      seedPolicy,
      withAmend(seedPolicy, ['revision', 'decisions', 'approvedEarlier'], () => ({})),
    ),
    m(
      'TK6',
      'actorHasAuthority always holds',
      seedPolicy,
      withGuards(seedPolicy, () => ({ actorHasAuthority: () => true })),
    ),
    m(
      'TK6',
      'delegationWindowValid ignores maxDays',
      seedPolicy,
      withGuards(seedPolicy, () => ({
        delegationWindowValid: ({ context, event }) => {
          const e = event as EventOf<'DELEGATE'>
          return e.from < e.until && e.until > (e.at ?? context.now)
        },
      })),
    ),
    m(
      'TK6',
      'deputiesAllowed holds for a key that allows no deputies',
      threeKeyPolicy,
      withGuards(threeKeyPolicy, () => ({ deputiesAllowed: () => true })),
    ),
    m(
      'TK7',
      'approvals never expire: keyExpired never holds, quorum and allKeysTurned ignore the lifetime',
      councilPolicy,
      withGuards(councilPolicy, () => ({
        keyExpired: () => false,
        reachesQuorum: ({ context, event }, { key }) => {
          const e = decide(event)
          const seats = approvalsOn(context, key)
          const seat = seatFor(context, findKey(councilPolicy, key)!, e.by, e.at)
          if (seat !== null) seats.add(seat)
          return seats.size >= findKey(councilPolicy, key)!.quorum
        },
        allKeysTurned: ({ context }) =>
          councilPolicy.keys.every((k) => approvalsOn(context, k.id).size >= k.quorum),
      })),
    ),
    m(
      'TK8',
      'a closing plenary approves instead of lapsing',
      seedPolicy,
      withStateConfig(seedPolicy, ['open', 'review', 'window', 'plenary'], (plenary) => ({
        ...plenary,
        on: {
          TICK: [
            { guard: 'windowClosed', target: '#initiative.approved', actions: 'markApproved' },
            { actions: 'advanceClock' },
          ],
        },
      })),
    ),
    m(
      'TK9',
      'routeMatches always holds',
      seedPolicy,
      withGuards(seedPolicy, () => ({ routeMatches: () => true })),
    ),
    m(
      'TK9',
      'governorOfPendingRegion does not ask for the governor',
      seedPolicy,
      withGuards(seedPolicy, () => ({
        governorOfPendingRegion: ({ context, event }) => {
          const { region } = event as EventOf<'RESPOND'>
          const scope = context.content?.scope
          return (
            scope?.kind === 'regional' && scope.regions.includes(region) && !(region in context.responses)
          )
        },
      })),
    ),
    m(
      'TK10',
      'a routing table with no rule for export, and a proposal check that no longer asks whether a rule routes the content',
      routingGapPolicy,
      withGuards(routingGapPolicy, () => ({ contentIsRoutable: () => true })),
    ),
    m(
      'TK11',
      'the Government Apparatus key refuses approvals once the Presidential Administration has approved',
      seedPolicy,
      withGuards(seedPolicy, (original) => ({
        seatHasNotDecided: (args, params) =>
          !(params.key === GA && approvalsOn(args.context, PA).size > 0) &&
          original('seatHasNotDecided')(args, params),
      })),
    ),
    m(
      'TK12',
      'recordDecision numbers decisions from a counter outside the machine',
      seedPolicy,
      createInitiativeMachine(seedPolicy).provide({
        actions: {
          recordDecision: assign(({ context, event }: GuardArgs) => {
            const update = recordDecision(seedPolicy, context, decide(event))
            const decisions = update.decisions ?? []
            const last = decisions.at(-1)
            if (last === undefined) return update
            return { ...update, decisions: [...decisions.slice(0, -1), { ...last, reason: `#${counter++}` }] }
          }),
        },
      } as never) as InitiativeMachine,
    ),
  ]
}
