import type { InitiativeContent } from '../src/domain/InitiativeContent.js'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import type { ErrorCode } from '../src/domain/TwoKeysError.js'
import { keyApplies } from '../src/policy/condition.js'
import type { Policy, Principal } from '../src/policy/PolicySchema.js'
import { answersWithinReach, type BodyRole, hasRole, reachFor, rolloutOf } from '../src/policy/reach.js'
import { routeIndexFor, routeTakes } from '../src/policy/routing.js'
import {
  countedApprovals,
  currentDecisions,
  DAY_MS,
  decisionInstitutions,
  findKey,
  findPrincipal,
  formatInstant,
  institutionsOf,
  isFresh,
  refusingSeats,
  rolloutTargets,
  seatFor,
} from './facts.js'
import type { InitiativeContext } from './InitiativeContext.js'
import { type Phrase, phrase, type RefusalKey, term } from './refusalMessages.js'

export interface KeyParams {
  key: string
}
export interface RouteParams {
  rule: number
  /** The rule's track, carried for diagrams and explanations. */
  track: string
}

/**
 * A selector only picks which transition an event means (approve or refuse, which key); it is
 * not a rule, so it gives no reason.
 */
export interface Selector<P = unknown> {
  check(context: InitiativeContext, event: InitiativeEvent, params: P): boolean
}

/**
 * A governance rule: a named check (the machine's guard), the error code its refusal carries, and
 * the phrases that say why it failed (what `explain()` shows, as message keys with parameters, so
 * any language can render them). Keeping all of it on the rule means a reason can never drift away
 * from the rule it explains; a rule without a code or phrases does not compile.
 */
export interface Rule<P = unknown> extends Selector<P> {
  code: RefusalCode
  /** Why the check failed: one phrase or more (each its own reason), never none. */
  phrases(context: InitiativeContext, event: InitiativeEvent, params: P): readonly [Phrase, ...Phrase[]]
}

/** The error codes a rule's refusal may carry (the engine's other codes are not the rules'). */
export type RefusalCode = Extract<
  ErrorCode,
  'REFUSED' | 'NOT_AUTHORIZED' | 'KEY_ALREADY_USED' | 'STALE_REVISION' | 'WINDOW_CLOSED'
>

// Guards receive the union of all events; each rule reads the fields of the events it is used on.
type AnyFields = Partial<{
  by: string
  at: number
  key: string
  revision: string
  decision: 'approve' | 'refuse'
  content: InitiativeContent
  deputy: string
  from: number
  until: number
  region: string
  accept: boolean
  destination: string
  ministry: string
}>
const fields = (event: InitiativeEvent): AnyFields => event as AnyFields
const actorOf = (event: InitiativeEvent): string => fields(event).by ?? ''
// The machine's clock never runs backwards: an event dated before the last one is judged at the last one's time.
const timeOf = (event: InitiativeEvent, context: InitiativeContext): number =>
  Math.max(fields(event).at ?? context.now, context.now)
/** The verb of each command only a sponsor may give, for "only the sponsor may … this initiative". */
const ACTION_TERMS: Partial<Record<InitiativeEvent['type'], RefusalKey>> = {
  SUBMIT: 'action.submit',
  AMEND: 'action.amend',
  WITHDRAW: 'action.withdraw',
  COMPLETE: 'action.complete',
  DESTINATION: 'action.destination',
}
/** The body an answering event speaks as: a governor for a region, a ministry, an agency for a destination. */
const BODY_OF: Partial<Record<InitiativeEvent['type'], BodyRole>> = {
  RESPOND: 'governor',
  MINISTRY: 'ministry',
  DESTINATION: 'agency',
}
const quote = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ')

/** Builds every rule of the initiative machine for one policy. */
export function createRules(policy: Policy) {
  const keyById = (id: string) => {
    const key = findKey(policy, id)
    if (key === undefined) throw new Error(`rules: key "${id}" is not in policy "${policy.id}"`)
    return key
  }
  const seatOf = (context: InitiativeContext, event: InitiativeEvent, keyId: string) =>
    seatFor(context, keyById(keyId), actorOf(event), timeOf(event, context))
  const ministries = () => policy.principals.filter((p) => p.roles.includes('ministry')).map((p) => p.id)
  /** A federal rollout the named ministries accept: at least one, each a ministry, none twice. */
  const ministryProblems = (named: readonly string[]): Phrase[] => {
    if (named.length === 0) return [phrase('content.noMinistry', { policy: policy.id })]
    const problems: Phrase[] = []
    const unknown = named.filter((m) => !hasRole(policy, m, 'ministry'))
    if (unknown.length > 0) {
      problems.push(phrase('content.notMinistry', { ministries: quote(unknown), known: quote(ministries()) }))
    }
    if (new Set(named).size !== named.length) problems.push(phrase('content.ministryTwice'))
    return problems
  }
  const contentProblems = (content: InitiativeContent | undefined): Phrase[] => {
    if (content === undefined) return []
    const problems: Phrase[] = []
    if (!policy.objectives.includes(content.objective)) {
      problems.push(
        phrase('content.unknownObjective', {
          objective: content.objective,
          objectives: quote(policy.objectives),
        }),
      )
    }
    const scope = content.scope
    if (scope.kind === 'regional') {
      const unknown = scope.regions.filter((r) => !policy.regions.some((region) => region.id === r))
      if (unknown.length > 0) {
        problems.push(
          phrase('content.unknownRegion', {
            regions: quote(unknown),
            known: quote(policy.regions.map((r) => r.id)),
          }),
        )
      }
      if (new Set(scope.regions).size !== scope.regions.length) problems.push(phrase('content.regionTwice'))
    }
    if (scope.kind === 'federal' && rolloutOf(policy).federal === 'ministries') {
      problems.push(...ministryProblems(scope.ministries))
    }
    if (scope.kind === 'export') {
      const unfriendly = scope.destinations.filter((d) => !policy.friendlyDestinations.includes(d))
      if (unfriendly.length > 0) {
        problems.push(
          phrase('content.unfriendlyDestination', {
            destinations: quote(unfriendly),
            friendly: quote(policy.friendlyDestinations),
          }),
        )
      }
      if (new Set(scope.destinations).size !== scope.destinations.length) {
        problems.push(phrase('content.destinationTwice'))
      }
    }
    return problems
  }
  /** The other key whose institution a principal belongs to, if any: acting for two keys is TK2's concern. */
  const otherKeyOf = (keyId: string, principal: Principal) =>
    policy.keys.find((k) => k.id !== keyId && institutionsOf(principal).includes(k.institution))
  const substantive = (before: InitiativeContent | null, after: InitiativeContent | undefined) => {
    if (before === null || after === undefined) return false
    return policy.amendments.substantive.some(
      (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
    )
  }
  const sponsors = () => quote(policy.principals.filter((p) => p.roles.includes('sponsor')).map((p) => p.id))
  /** The votes of the plenary session now sitting (a vote from an earlier session does not count). */
  const sessionVotes = (context: InitiativeContext) =>
    (context.plenaryVotes ?? []).filter((v) => v.session === context.escalatedAt)
  const unturnedKeys = (context: InitiativeContext) =>
    policy.keys.filter(
      (k) =>
        keyApplies(k, context.content) &&
        countedApprovals(policy, context, k.id, context.now).length < k.quorum,
    )

  // --- selectors: which transition an event means -------------------------------------
  const selectors = {
    isForKey: {
      check: (_c, event, p: KeyParams) => fields(event).key === p.key,
    },
    isApproval: { check: (_c, event) => fields(event).decision === 'approve' },
    isRefusal: { check: (_c, event) => fields(event).decision === 'refuse' },
    isSubstantiveAmendment: {
      check: (context, event) => substantive(context.content, fields(event).content),
    },
    reachesQuorum: {
      check: (context, event, p: KeyParams) => {
        const key = keyById(p.key)
        const at = timeOf(event, context)
        const seat = seatOf(context, event, p.key)
        const seats = new Set(countedApprovals(policy, context, p.key, at).map((d) => d.seat))
        if (seat !== null) seats.add(seat)
        return seats.size >= key.quorum
      },
    },
    refusalRefusesKey: {
      check: (context, event, p: KeyParams) => {
        const key = keyById(p.key)
        if (key.veto) return true
        const seats = refusingSeats(context, p.key)
        const seat = seatOf(context, event, p.key)
        if (seat !== null) seats.add(seat)
        return key.holders.length - seats.size < key.quorum
      },
    },
    keyWaived: {
      check: (context, _event, p: KeyParams) => !keyApplies(keyById(p.key), context.content),
    },
    keyExpired: {
      check: (context, _event, p: KeyParams) =>
        countedApprovals(policy, context, p.key, context.now).length < keyById(p.key).quorum,
    },
    routeMatches: {
      check: (context, _event, p: RouteParams) => {
        const rule = policy.routing[p.rule]
        const content = context.content
        if (rule === undefined || content === null) return false
        return routeTakes(rule, content.objective, content.scope.kind)
      },
    },
    escalated: { check: (context) => context.escalatedAt !== null },
    windowClosed: {
      check: (context, event) => context.deadline !== null && timeOf(event, context) >= context.deadline,
    },
    /** The vote being cast completes the plenary's quorum of members to return the initiative. */
    plenaryQuorumReached: {
      check: (context) => sessionVotes(context).length + 1 >= (policy.commission?.plenaryQuorum ?? Infinity),
    },
    allResponded: {
      check: (context) => rolloutTargets(policy, context).every((t) => t in context.responses),
    },
  } satisfies Record<string, Selector<never>>

  // --- rules: each refusal names one of these ---------------------------------------
  const refusing = {
    allKeysTurned: {
      code: 'REFUSED',
      check: (context) => unturnedKeys(context).length === 0,
      phrases: (context) =>
        nonEmpty(
          unturnedKeys(context).map((k) => {
            const have = new Set(countedApprovals(policy, context, k.id, context.now).map((d) => d.seat))
            const waiting = k.holders.filter((h) => !have.has(h))
            return phrase('rule.allKeysTurned', {
              key: k.id,
              missing: k.quorum - have.size,
              waiting: quote(waiting),
            })
          }),
        ),
    },
    actorMaySponsor: {
      code: 'NOT_AUTHORIZED',
      check: (_c, event) => findPrincipal(policy, actorOf(event))?.roles.includes('sponsor') === true,
      phrases: (_c, event) => {
        const by = actorOf(event)
        return findPrincipal(policy, by) === undefined
          ? [phrase('rule.actorMaySponsor.unknown', { by, policy: policy.id })]
          : [phrase('rule.actorMaySponsor.notSponsor', { by, sponsors: sponsors() })]
      },
    },
    actorIsSponsor: {
      code: 'NOT_AUTHORIZED',
      check: (context, event) => actorOf(event) === context.sponsor,
      phrases: (context, event) => [
        phrase('rule.actorIsSponsor', {
          sponsor: context.sponsor ?? '',
          action: term(ACTION_TERMS[event.type] ?? 'action.submit'),
          by: actorOf(event),
        }),
      ],
    },
    contentIsRoutable: {
      code: 'REFUSED',
      check: (_c, event) => {
        const content = fields(event).content
        return content === undefined || routeIndexFor(policy, content.objective, content.scope.kind) >= 0
      },
      phrases: (_c, event) => {
        const content = fields(event).content
        return [
          phrase('rule.contentIsRoutable', {
            policy: policy.id,
            objective: String(content?.objective),
            scope: String(content?.scope.kind),
          }),
        ]
      },
    },
    contentIsValid: {
      code: 'REFUSED',
      check: (_c, event) => contentProblems(fields(event).content).length === 0,
      phrases: (_c, event) => nonEmpty(contentProblems(fields(event).content)),
    },
    onCurrentRevision: {
      code: 'STALE_REVISION',
      check: (context, event) => fields(event).revision === context.revision.hash,
      phrases: (context, event) => [
        phrase('rule.onCurrentRevision', {
          given: String(fields(event).revision).slice(0, 12),
          n: context.revision.n,
          current: context.revision.hash.slice(0, 12),
        }),
      ],
    },
    withinWindow: {
      code: 'WINDOW_CLOSED',
      check: (context, event) => context.deadline === null || timeOf(event, context) < context.deadline,
      phrases: (context) => [phrase('rule.withinWindow', { deadline: formatInstant(context.deadline ?? 0) })],
    },
    actorHasAuthority: {
      code: 'NOT_AUTHORIZED',
      check: (context, event, p: KeyParams) => seatOf(context, event, p.key) !== null,
      phrases: (context, event, p: KeyParams) => {
        const key = keyById(p.key)
        const by = actorOf(event)
        const at = timeOf(event, context)
        const known = findPrincipal(policy, by) !== undefined
        const base = { by, key: key.id, holders: quote(key.holders) }
        const mine = context.delegations.filter((d) => d.key === key.id && d.deputy === by)
        if (!key.deputies.allowed) {
          return [
            phrase(
              known ? 'rule.actorHasAuthority.noDeputies' : 'rule.actorHasAuthority.unknownNoDeputies',
              base,
            ),
          ]
        }
        if (mine.length === 0) {
          return [
            phrase(
              known ? 'rule.actorHasAuthority.notNamed' : 'rule.actorHasAuthority.unknownNotNamed',
              base,
            ),
          ]
        }
        const windows = mine.map((d) => `${formatInstant(d.from)}–${formatInstant(d.until)}`).join(', ')
        return [phrase('rule.actorHasAuthority.outsideWindow', { ...base, windows, at: formatInstant(at) })]
      },
    },
    actorIsNotSponsor: {
      code: 'NOT_AUTHORIZED',
      check: (context, event, p: KeyParams) => {
        const by = actorOf(event)
        return by !== context.sponsor && seatOf(context, event, p.key) !== context.sponsor
      },
      phrases: (context, event) =>
        actorOf(event) === context.sponsor
          ? [phrase('rule.actorIsNotSponsor.sponsor', { by: actorOf(event) })]
          : [
              phrase('rule.actorIsNotSponsor.forSponsor', {
                by: actorOf(event),
                sponsor: context.sponsor ?? '',
              }),
            ],
    },
    distinctAcrossKeys: {
      code: 'KEY_ALREADY_USED',
      check: (context, event, p: KeyParams) => {
        const at = timeOf(event, context)
        const by = actorOf(event)
        const seat = seatOf(context, event, p.key)
        const mine = new Set(decisionInstitutions(policy, by, seat))
        return policy.keys
          .filter((k) => k.id !== p.key)
          .every((k) =>
            countedApprovals(policy, context, k.id, at).every(
              (d) => d.by !== by && d.seat !== seat && !d.institutions.some((i) => mine.has(i)),
            ),
          )
      },
      phrases: (context, event, p: KeyParams) => {
        const at = timeOf(event, context)
        const by = actorOf(event)
        const mine = new Set(decisionInstitutions(policy, by, seatOf(context, event, p.key)))
        for (const k of policy.keys) {
          if (k.id === p.key) continue
          for (const d of countedApprovals(policy, context, k.id, at)) {
            if (d.by === by)
              return [phrase('rule.distinctAcrossKeys.samePrincipal', { by, other: k.id, key: p.key })]
            const shared = d.institutions.find((i) => mine.has(i))
            if (shared !== undefined) {
              return [
                phrase('rule.distinctAcrossKeys.sameInstitution', {
                  institution: shared,
                  other: k.id,
                  through: d.by,
                  key: p.key,
                }),
              ]
            }
          }
        }
        return [phrase('rule.distinctAcrossKeys.other', { by })]
      },
    },
    seatHasNotDecided: {
      code: 'KEY_ALREADY_USED',
      check: (context, event, p: KeyParams) => {
        const seat = seatOf(context, event, p.key)
        const at = timeOf(event, context)
        return !currentDecisions(context, p.key).some(
          (d) => d.seat === seat && (d.decision === 'refuse' || isFresh(policy, d.at, at)),
        )
      },
      phrases: (context, event, p: KeyParams) => {
        const seat = seatOf(context, event, p.key)
        const prior = currentDecisions(context, p.key).find((d) => d.seat === seat)
        return [
          phrase(seat === actorOf(event) ? 'rule.seatHasNotDecided' : 'rule.seatHasNotDecided.seat', {
            seat: String(seat),
            decision: term(prior?.decision === 'refuse' ? 'decision.refuse' : 'decision.approve'),
            key: p.key,
            at: formatInstant(prior?.at ?? 0),
          }),
        ]
      },
    },
    hasApprovalToRevoke: {
      code: 'REFUSED',
      check: (context, event, p: KeyParams) => {
        const seat = seatOf(context, event, p.key)
        return currentDecisions(context, p.key).some((d) => d.decision === 'approve' && d.seat === seat)
      },
      phrases: (_c, event, p: KeyParams) => [
        phrase('rule.hasApprovalToRevoke', { by: actorOf(event), key: p.key }),
      ],
    },
    actorHoldsDelegatedKey: {
      code: 'NOT_AUTHORIZED',
      check: (_c, event) => {
        const key = findKey(policy, fields(event).key ?? '')
        return key?.holders.includes(actorOf(event)) === true
      },
      phrases: (_c, event) => {
        const key = findKey(policy, fields(event).key ?? '')
        return key === undefined
          ? [
              phrase('rule.actorHoldsDelegatedKey.unknownKey', {
                key: String(fields(event).key),
                policy: policy.id,
                keys: quote(policy.keys.map((k) => k.id)),
              }),
            ]
          : [
              phrase('rule.actorHoldsDelegatedKey.notHolder', {
                key: key.id,
                holders: quote(key.holders),
                by: actorOf(event),
              }),
            ]
      },
    },
    deputiesAllowed: {
      code: 'REFUSED',
      check: (_c, event) => findKey(policy, fields(event).key ?? '')?.deputies.allowed === true,
      phrases: (_c, event) => [phrase('rule.deputiesAllowed', { key: String(fields(event).key) })],
    },
    delegationWindowValid: {
      code: 'REFUSED',
      check: (context, event) => {
        const { from = 0, until = 0 } = fields(event)
        const maxDays = findKey(policy, fields(event).key ?? '')?.deputies.maxDays ?? 0
        return from < until && until > timeOf(event, context) && until - from <= maxDays * DAY_MS
      },
      phrases: (_c, event) => {
        const { from = 0, until = 0 } = fields(event)
        const maxDays = findKey(policy, fields(event).key ?? '')?.deputies.maxDays ?? 0
        if (from >= until) {
          return [
            phrase('rule.delegationWindowValid.backwards', {
              from: formatInstant(from),
              until: formatInstant(until),
            }),
          ]
        }
        if (until - from > maxDays * DAY_MS) {
          return [
            phrase('rule.delegationWindowValid.tooLong', {
              days: ((until - from) / DAY_MS).toFixed(1),
              maxDays,
              key: String(fields(event).key),
            }),
          ]
        }
        return [phrase('rule.delegationWindowValid.ended')]
      },
    },
    deputyEligible: {
      code: 'REFUSED',
      check: (context, event) => {
        const key = findKey(policy, fields(event).key ?? '')
        const deputy = findPrincipal(policy, fields(event).deputy ?? '')
        if (key === undefined || deputy === undefined || deputy.id === context.sponsor) return false
        if (policy.keys.some((k) => k.holders.includes(deputy.id))) return false
        if (otherKeyOf(key.id, deputy) !== undefined) return false
        return key.deputies.eligible === undefined
          ? institutionsOf(deputy).includes(key.institution)
          : key.deputies.eligible.includes(deputy.id)
      },
      phrases: (context, event) => {
        const key = findKey(policy, fields(event).key ?? '')
        const id = fields(event).deputy ?? ''
        const deputy = findPrincipal(policy, id)
        if (deputy === undefined)
          return [phrase('rule.deputyEligible.unknown', { deputy: id, policy: policy.id })]
        if (deputy.id === context.sponsor) return [phrase('rule.deputyEligible.sponsor', { deputy: id })]
        if (policy.keys.some((k) => k.holders.includes(deputy.id))) {
          return [phrase('rule.deputyEligible.holder', { deputy: id })]
        }
        const other = key === undefined ? undefined : otherKeyOf(key.id, deputy)
        if (other !== undefined) {
          return [
            phrase('rule.deputyEligible.otherInstitution', {
              deputy: id,
              institution: other.institution,
              other: other.id,
            }),
          ]
        }
        return key?.deputies.eligible === undefined
          ? [
              phrase('rule.deputyEligible.wrongInstitution', {
                deputy: id,
                institution: String(key?.institution),
                key: String(key?.id),
              }),
            ]
          : [
              phrase('rule.deputyEligible.notListed', {
                deputy: id,
                key: key.id,
                eligible: quote(key.deputies.eligible),
              }),
            ]
      },
    },
    governorOfPendingRegion: {
      code: 'NOT_AUTHORIZED',
      check: (context, event) => {
        const { region = '' } = fields(event)
        const governor = policy.regions.find((r) => r.id === region)?.governor
        return (
          rolloutTargets(policy, context).includes(region) &&
          !(region in context.responses) &&
          governor === actorOf(event)
        )
      },
      phrases: (context, event) => {
        const { region = '' } = fields(event)
        if (!rolloutTargets(policy, context).includes(region)) {
          return [
            phrase('rule.governorOfPendingRegion.notNamed', {
              region,
              targets: quote(rolloutTargets(policy, context)),
            }),
          ]
        }
        if (region in context.responses) return [phrase('rule.governorOfPendingRegion.answered', { region })]
        const governor = policy.regions.find((r) => r.id === region)?.governor
        return [
          phrase('rule.governorOfPendingRegion.notGovernor', {
            region,
            governor: String(governor),
            by: actorOf(event),
          }),
        ]
      },
    },
    actorIsMember: {
      code: 'NOT_AUTHORIZED',
      check: (_c, event) => policy.commission?.members.includes(actorOf(event)) === true,
      phrases: (_c, event) => [
        phrase('rule.actorIsMember', {
          by: actorOf(event),
          members: quote(policy.commission?.members ?? []),
        }),
      ],
    },
    memberHasNotVoted: {
      code: 'REFUSED',
      check: (context, event) => !sessionVotes(context).some((v) => v.by === actorOf(event)),
      phrases: (_c, event) => [phrase('rule.memberHasNotVoted', { by: actorOf(event) })],
    },
    ministryOfPendingAnswer: {
      code: 'NOT_AUTHORIZED',
      check: (context, event) => {
        const { ministry = '' } = fields(event)
        return (
          rolloutTargets(policy, context).includes(ministry) &&
          !(ministry in context.responses) &&
          actorOf(event) === ministry
        )
      },
      phrases: (context, event) => {
        const { ministry = '' } = fields(event)
        const targets = rolloutTargets(policy, context)
        if (!targets.includes(ministry)) {
          return [phrase('rule.ministryOfPendingAnswer.notNamed', { ministry, targets: quote(targets) })]
        }
        if (ministry in context.responses)
          return [phrase('rule.ministryOfPendingAnswer.answered', { ministry })]
        return [phrase('rule.ministryOfPendingAnswer.notMinistry', { ministry, by: actorOf(event) })]
      },
    },
    actorIsAgency: {
      code: 'NOT_AUTHORIZED',
      check: (_c, event) => hasRole(policy, actorOf(event), 'agency'),
      phrases: (_c, event) => [
        phrase('rule.actorIsAgency', {
          agencies: quote(policy.principals.filter((p) => p.roles.includes('agency')).map((p) => p.id)),
          by: actorOf(event),
        }),
      ],
    },
    withinReach: {
      code: 'NOT_AUTHORIZED',
      check: (context, event) =>
        answersWithinReach(policy, context.content, actorOf(event), BODY_OF[event.type] ?? 'agency'),
      phrases: (context, event) => {
        const reach = reachFor(policy, context.content)
        return [
          phrase('rule.withinReach', {
            by: actorOf(event),
            role: term(`body.${BODY_OF[event.type] ?? 'agency'}`),
            reach: reach.length === 0 ? term('body.none') : { terms: reach.map((r) => `body.${r}` as const) },
          }),
        ]
      },
    },
    destinationPending: {
      code: 'REFUSED',
      check: (context, event) => {
        const { destination = '' } = fields(event)
        return rolloutTargets(policy, context).includes(destination) && !(destination in context.responses)
      },
      phrases: (context, event) => {
        const { destination = '' } = fields(event)
        return rolloutTargets(policy, context).includes(destination)
          ? [phrase('rule.destinationPending.answered', { destination })]
          : [
              phrase('rule.destinationPending.notNamed', {
                destination,
                targets: quote(rolloutTargets(policy, context)),
              }),
            ]
      },
    },
  } satisfies Record<string, Rule<never>>
  return { ...selectors, ...refusing }
}

/** A list a failed check produced, which is never empty when the check failed. */
function nonEmpty(phrases: Phrase[]): [Phrase, ...Phrase[]] {
  const [first, ...rest] = phrases
  if (first === undefined) throw new Error('rules: a failed check gave no reason')
  return [first, ...rest]
}

export type Rules = ReturnType<typeof createRules>
export type RuleName = keyof Rules

/** Whether a named guard is a rule (with a code and phrases) rather than a selector. */
export const isRule = (entry: Selector<never> | Rule<never> | undefined): entry is Rule<never> =>
  entry !== undefined && 'phrases' in entry
