import { and, assign, or, setup, stateIn } from 'xstate'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import { conditionOf, formatCondition } from '../src/policy/condition.js'
import type { Policy } from '../src/policy/PolicySchema.js'
import { reachModelled, rolloutOf } from '../src/policy/reach.js'
import { describeWhen } from '../src/policy/routing.js'
import { type InitiativeContext, type InitiativeInput, initialContext } from './InitiativeContext.js'
import { oncePerSnapshot } from './oncePerSnapshot.js'
import { createRules, type KeyParams } from './rules.js'
import * as updates from './updates.js'

/** State ids of one key's region; ids keep `stateIn` guards and diagrams readable. */
export const keyStateId = (key: string, state: 'pending' | 'turned' | 'refused' | 'waived') =>
  `${state}:${key}`

const TRACK_ACTIONS = {
  federal: 'assignFederal',
  regional: 'assignRegional',
  export: 'assignExport',
} as const

/** What must hold for a decision to count at all; each name is a rule with a reason. */
const DECISION_RULES = [
  'onCurrentRevision',
  'withinWindow',
  'actorHasAuthority',
  'actorIsNotSponsor',
  'distinctAcrossKeys',
  'seatHasNotDecided',
] as const

/** The machines `createInitiativeMachine` built, each with its policy. */
const built = new WeakMap<object, Policy>()

/**
 * Builds the statechart of one initiative under `policy`. Every governance rule is a named
 * guard here (see `rules.ts`); the engine, verifier, simulator and diagrams all use this
 * machine and none re-implements a rule.
 *
 * Deadlines are data: the review window's end is stored in context and fired by a `TICK`
 * event carrying the time, never by an XState `after` timer (those are not persisted).
 *
 * @example
 * const machine = createInitiativeMachine(policy)
 * const actor = createActor(machine, { input: { policyHash: hashPolicy(policy) } }).start()
 * actor.send({ type: 'PROPOSE', by: 'minzifry', at: 0, id: 'i1', content })
 */
export function createInitiativeMachine(policy: Policy) {
  const machine = buildMachine(policy)
  built.set(machine, policy)
  return machine
}

/**
 * Whether `machine` is the one `createInitiativeMachine(policy)` built — the policy's rules as
 * written — and not one given other guards or actions (`machine.provide` makes a new machine).
 * What holds of the rules (`deputyAsSeat`) need not hold of another machine.
 *
 * @example
 * isPolicyMachine(createInitiativeMachine(policy), policy) // true
 */
export function isPolicyMachine(machine: object, policy: Policy): boolean {
  return built.get(machine) === policy
}

function buildMachine(policy: Policy) {
  const rules = createRules(policy)
  const guards = Object.fromEntries(
    Object.entries(rules).map(([name, rule]) => [
      name,
      ({ context, event }: { context: InitiativeContext; event: InitiativeEvent }, params: unknown) =>
        (rule.check as (c: InitiativeContext, e: InitiativeEvent, p: unknown) => boolean)(
          context,
          event,
          params,
        ),
    ]),
  )
  // biome-ignore lint/suspicious/noExplicitAny: each update narrows the event it is used on
  const update = (fn: (p: Policy, c: InitiativeContext, e: any) => Partial<InitiativeContext>) =>
    assign<InitiativeContext, InitiativeEvent, undefined, InitiativeEvent, never>(({ context, event }) =>
      fn(policy, context, event),
    )

  const keyRule = (type: string, key: string) => ({ type, params: { key } satisfies KeyParams })
  const decisionRules = (key: string) => DECISION_RULES.map((name) => keyRule(name, key))

  const keyIds = policy.keys.map((k) => k.id)
  /** Keys that apply by condition: only they can be waived (the others' charts stay as they were). */
  const waivable = new Set(policy.keys.filter((k) => k.appliesIf !== undefined).map((k) => k.id))
  const conditionText = (key: string) => {
    const condition = conditionOf(policy.keys.find((k) => k.id === key) ?? {})
    return condition === null ? '' : formatCondition(condition)
  }

  const keyRegion = (key: string) => ({
    initial: 'pending',
    states: {
      pending: {
        id: keyStateId(key, 'pending'),
        // A key whose condition does not hold for this revision's content is not asked (TK1 reads
        // "every applicable key"); a substantive amendment re-enters review and asks again.
        ...(waivable.has(key)
          ? {
              always: {
                // The condition rides along for diagrams; the rule reads the policy's own.
                guard: { type: 'keyWaived', params: { key, condition: conditionText(key) } },
                target: 'waived' as const,
              },
            }
          : {}),
        on: {
          DECIDE: [
            {
              guard: and([
                keyRule('isForKey', key),
                'isApproval',
                ...decisionRules(key),
                keyRule('reachesQuorum', key),
              ]),
              target: 'turned',
              actions: 'recordDecision',
            },
            {
              guard: and([keyRule('isForKey', key), 'isApproval', ...decisionRules(key)]),
              actions: 'recordDecision',
            },
            {
              guard: and([
                keyRule('isForKey', key),
                'isRefusal',
                ...decisionRules(key),
                keyRule('refusalRefusesKey', key),
              ]),
              target: 'refused',
              actions: 'recordDecision',
            },
            {
              guard: and([keyRule('isForKey', key), 'isRefusal', ...decisionRules(key)]),
              actions: 'recordDecision',
            },
          ],
          REVOKE: {
            guard: and([keyRule('isForKey', key), keyRule('hasApprovalToRevoke', key)]),
            actions: 'revokeApproval',
          },
        },
      },
      turned: {
        id: keyStateId(key, 'turned'),
        // An approval that outlives the policy's lifetime stops counting (TK7).
        always: { guard: keyRule('keyExpired', key), target: 'pending' },
      },
      refused: { id: keyStateId(key, 'refused') },
      ...(waivable.has(key) ? { waived: { id: keyStateId(key, 'waived') } } : {}),
    },
  })

  const rollout = rolloutOf(policy)
  // A body answers a rollout only within the reach of the keys that approved it, where the policy
  // models reach (TK13); without reach the guard is the answer's own rule, as it always was.
  const answeredBy = (rule: 'ministryOfPendingAnswer' | 'governorOfPendingRegion') =>
    reachModelled(policy) ? and([rule, 'withinReach']) : rule

  // The review window; a plenary session exists only where the policy escalates to one.
  const windowStates =
    policy.review.onClose === 'plenary'
      ? ({
          open: {
            always: { guard: 'escalated', target: 'plenary' },
            on: {
              TICK: [
                { guard: 'windowClosed', target: 'plenary', actions: 'openPlenary' },
                { actions: 'advanceClock' },
              ],
            },
          },
          plenary: {
            on: {
              TICK: [
                { guard: 'windowClosed', target: '#initiative.lapsed', actions: 'close' },
                { actions: 'advanceClock' },
              ],
              // A quorum of members may send the initiative back to its sponsor; it never turns a key (TK8).
              ...(policy.commission === undefined
                ? {}
                : {
                    PLENARY: [
                      {
                        guard: and([
                          'actorIsMember',
                          'withinWindow',
                          'memberHasNotVoted',
                          'plenaryQuorumReached',
                        ]),
                        target: '#initiative.open.returned' as const,
                        actions: 'recordVote' as const,
                      },
                      {
                        guard: and(['actorIsMember', 'withinWindow', 'memberHasNotVoted']),
                        actions: 'recordVote' as const,
                      },
                    ],
                  }),
            },
          },
        } as const)
      : ({
          open: {
            on: {
              TICK: [
                { guard: 'windowClosed', target: '#initiative.lapsed', actions: 'close' },
                { actions: 'advanceClock' },
              ],
            },
          },
        } as const)

  return setup({
    types: {
      context: {} as InitiativeContext,
      events: {} as InitiativeEvent,
      input: {} as InitiativeInput,
    },
    guards,
    actions: {
      propose: update(updates.propose),
      advanceClock: update(updates.advanceClock),
      openReviewWindow: update(updates.openReviewWindow),
      openPlenary: update(updates.openPlenary),
      amend: update(updates.amend),
      recordDecision: update(updates.recordDecision),
      revokeApproval: update(updates.revokeApproval),
      recordDelegation: update(updates.recordDelegation),
      markApproved: update(updates.markApproved),
      assignFederal: update(updates.assignTrack('federal')),
      assignRegional: update(updates.assignTrack('regional')),
      assignExport: update(updates.assignTrack('export')),
      recordResponse: update(updates.recordResponse),
      recordVote: update(updates.recordVote),
      close: update(updates.close),
    },
  }).createMachine({
    id: 'initiative',
    initial: 'idle',
    context: ({ input }) => initialContext(input),
    states: {
      idle: {
        on: {
          PROPOSE: {
            guard: and(['actorMaySponsor', 'contentIsValid', 'contentIsRoutable']),
            target: 'open',
            actions: 'propose',
          },
        },
      },
      open: {
        initial: 'draft',
        on: {
          WITHDRAW: { guard: 'actorIsSponsor', target: 'withdrawn', actions: 'close' },
          DELEGATE: {
            guard: and([
              'actorHoldsDelegatedKey',
              'deputiesAllowed',
              'delegationWindowValid',
              'deputyEligible',
            ]),
            actions: 'recordDelegation',
          },
        },
        states: {
          draft: {
            on: {
              SUBMIT: { guard: 'actorIsSponsor', target: 'review', actions: 'openReviewWindow' },
              AMEND: {
                guard: and(['actorIsSponsor', 'contentIsValid', 'contentIsRoutable']),
                actions: 'amend',
              },
              TICK: { actions: 'advanceClock' },
            },
          },
          review: {
            id: 'review',
            type: 'parallel',
            always: [
              // Read once per snapshot, not once per key region (see `oncePerSnapshot`).
              {
                guard: oncePerSnapshot(or(keyIds.map((k) => stateIn(`#${keyStateId(k, 'refused')}`)))),
                target: 'returned',
              },
              {
                guard: oncePerSnapshot(
                  and([
                    ...keyIds.map((k) =>
                      waivable.has(k)
                        ? or([stateIn(`#${keyStateId(k, 'turned')}`), stateIn(`#${keyStateId(k, 'waived')}`)])
                        : stateIn(`#${keyStateId(k, 'turned')}`),
                    ),
                    'allKeysTurned',
                  ]),
                ),
                target: '#initiative.approved',
                actions: 'markApproved',
              },
            ],
            on: {
              AMEND: [
                {
                  // A new revision: every key starts again (TK5); the window keeps its deadline.
                  guard: and([
                    'actorIsSponsor',
                    'contentIsValid',
                    'contentIsRoutable',
                    'isSubstantiveAmendment',
                  ]),
                  target: '#review',
                  reenter: true,
                  actions: 'amend',
                },
                { guard: and(['actorIsSponsor', 'contentIsValid', 'contentIsRoutable']), actions: 'amend' },
              ],
            },
            states: {
              window: {
                initial: 'open',
                states: windowStates,
              },
              ...Object.fromEntries(keyIds.map((k) => [k, keyRegion(k)])),
            },
          },
          returned: {
            on: {
              AMEND: [
                {
                  guard: and([
                    'actorIsSponsor',
                    'contentIsValid',
                    'contentIsRoutable',
                    'isSubstantiveAmendment',
                  ]),
                  target: 'review',
                  actions: ['amend', 'openReviewWindow'],
                },
                { guard: and(['actorIsSponsor', 'contentIsValid', 'contentIsRoutable']), actions: 'amend' },
              ],
              TICK: { actions: 'advanceClock' },
            },
          },
        },
      },
      approved: {
        // Routing: the first rule that matches the initiative's objective and scope (TK9).
        always: policy.routing.map((rule, index) => ({
          // `when` rides along for diagrams, as `condition` does for a waived key.
          guard: {
            type: 'routeMatches',
            params: { rule: index, track: rule.track, when: describeWhen(rule) },
          },
          target: `${rule.track}Rollout`,
          actions: TRACK_ACTIONS[rule.track],
        })),
      },
      federalRollout:
        rollout.federal === 'ministries'
          ? {
              // Each ministry the initiative names accepts or declines; the sponsor does not close it.
              always: { guard: 'allResponded', target: '#initiative.completed', actions: 'close' },
              on: {
                MINISTRY: { guard: answeredBy('ministryOfPendingAnswer'), actions: 'recordResponse' },
                TICK: { actions: 'advanceClock' },
              },
            }
          : {
              on: {
                COMPLETE: { guard: 'actorIsSponsor', target: '#initiative.completed', actions: 'close' },
                TICK: { actions: 'advanceClock' },
              },
            },
      regionalRollout: {
        always: { guard: 'allResponded', target: '#initiative.completed', actions: 'close' },
        on: {
          RESPOND: { guard: answeredBy('governorOfPendingRegion'), actions: 'recordResponse' },
          TICK: { actions: 'advanceClock' },
        },
      },
      exportRollout: {
        always: { guard: 'allResponded', target: '#initiative.completed', actions: 'close' },
        on: {
          DESTINATION: {
            guard:
              rollout.export === 'agencies'
                ? reachModelled(policy)
                  ? and(['actorIsAgency', 'destinationPending', 'withinReach'])
                  : and(['actorIsAgency', 'destinationPending'])
                : and(['actorIsSponsor', 'destinationPending']),
            actions: 'recordResponse',
          },
          TICK: { actions: 'advanceClock' },
        },
      },
      completed: { type: 'final' },
      withdrawn: { type: 'final' },
      lapsed: { type: 'final' },
    },
  })
}

export type InitiativeMachine = ReturnType<typeof buildMachine>
