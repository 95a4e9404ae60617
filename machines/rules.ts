import type { InitiativeContent } from '../src/domain/InitiativeContent.js'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import type { Policy, Principal } from '../src/policy/PolicySchema.js'
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

export interface KeyParams {
  key: string
}
export interface RouteParams {
  rule: number
  /** The rule's track, carried for diagrams and explanations. */
  track: string
}

/**
 * A governance rule: a named check (the machine's guard) and the sentence that says why it
 * failed (what `explain()` shows). Keeping both together means a reason can never drift
 * away from the rule it explains.
 *
 * A `selector` only picks which transition an event means (approve or refuse, which key); it
 * is not a rule, so it has no reason.
 */
export interface Rule<P = unknown> {
  check(context: InitiativeContext, event: InitiativeEvent, params: P): boolean
  reason?(context: InitiativeContext, event: InitiativeEvent, params: P): string
}

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
}>
const fields = (event: InitiativeEvent): AnyFields => event as AnyFields
const actorOf = (event: InitiativeEvent): string => fields(event).by ?? ''
// The machine's clock never runs backwards: an event dated before the last one is judged at the last one's time.
const timeOf = (event: InitiativeEvent, context: InitiativeContext): number =>
  Math.max(fields(event).at ?? context.now, context.now)
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
  const contentProblems = (content: InitiativeContent | undefined): string[] => {
    if (content === undefined) return []
    const problems: string[] = []
    if (!policy.objectives.includes(content.objective)) {
      problems.push(
        `objective "${content.objective}" is not one of the policy's objectives (${quote(policy.objectives)})`,
      )
    }
    const scope = content.scope
    if (scope.kind === 'regional') {
      const unknown = scope.regions.filter((r) => !policy.regions.some((region) => region.id === r))
      if (unknown.length > 0) {
        problems.push(
          `region ${quote(unknown)} is not in the policy; known regions: ${quote(policy.regions.map((r) => r.id))}`,
        )
      }
      if (new Set(scope.regions).size !== scope.regions.length)
        problems.push('a region is named twice in the scope')
    }
    if (scope.kind === 'export') {
      const unfriendly = scope.destinations.filter((d) => !policy.friendlyDestinations.includes(d))
      if (unfriendly.length > 0) {
        problems.push(
          `destination ${quote(unfriendly)} is not on the friendly-destinations list (${quote(policy.friendlyDestinations)}); export goes only to friendly destinations (TK9)`,
        )
      }
      if (new Set(scope.destinations).size !== scope.destinations.length) {
        problems.push('a destination is named twice in the scope')
      }
    }
    return problems
  }
  /** The other key whose institution a principal belongs to, if any: acting for two keys is TK2's concern. */
  const otherKeyOf = (keyId: string, principal: Principal) =>
    policy.keys.find((k) => k.id !== keyId && institutionsOf(principal).includes(k.institution))
  const routeFor = (content: InitiativeContent) =>
    policy.routing.find(
      (rule) =>
        (rule.when.objective === undefined || rule.when.objective.includes(content.objective)) &&
        (rule.when.scope === undefined || rule.when.scope.includes(content.scope.kind)),
    )
  const substantive = (before: InitiativeContent | null, after: InitiativeContent | undefined) => {
    if (before === null || after === undefined) return false
    return policy.amendments.substantive.some(
      (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
    )
  }

  const rules = {
    // --- selectors: which transition an event means -------------------------------------
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
    keyExpired: {
      check: (context, _event, p: KeyParams) =>
        countedApprovals(policy, context, p.key, context.now).length < keyById(p.key).quorum,
    },
    allKeysTurned: {
      check: (context) =>
        policy.keys.every((k) => countedApprovals(policy, context, k.id, context.now).length >= k.quorum),
      reason: (context) =>
        policy.keys
          .filter((k) => countedApprovals(policy, context, k.id, context.now).length < k.quorum)
          .map((k) => {
            const have = new Set(countedApprovals(policy, context, k.id, context.now).map((d) => d.seat))
            const waiting = k.holders.filter((h) => !have.has(h))
            return `key "${k.id}" is not turned: waiting for ${k.quorum - have.size} of ${quote(waiting)}`
          })
          .join('; '),
    },
    routeMatches: {
      check: (context, _event, p: RouteParams) => {
        const rule = policy.routing[p.rule]
        const content = context.content
        if (rule === undefined || content === null) return false
        return (
          (rule.when.objective === undefined || rule.when.objective.includes(content.objective)) &&
          (rule.when.scope === undefined || rule.when.scope.includes(content.scope.kind))
        )
      },
    },
    escalated: { check: (context) => context.escalatedAt !== null },
    windowClosed: {
      check: (context, event) => context.deadline !== null && timeOf(event, context) >= context.deadline,
    },
    allResponded: {
      check: (context) => rolloutTargets(context).every((t) => t in context.responses),
    },

    // --- rules: each refusal names one of these ---------------------------------------
    actorMaySponsor: {
      check: (_c, event) => findPrincipal(policy, actorOf(event))?.roles.includes('sponsor') === true,
      reason: (_c, event) => {
        const by = actorOf(event)
        return findPrincipal(policy, by) === undefined
          ? `"${by}" is not a principal of policy "${policy.id}"`
          : `"${by}" may not propose: only principals with the role "sponsor" may (${quote(policy.principals.filter((p) => p.roles.includes('sponsor')).map((p) => p.id))})`
      },
    },
    actorIsSponsor: {
      check: (context, event) => actorOf(event) === context.sponsor,
      reason: (context, event) =>
        `only the sponsor "${context.sponsor}" may ${event.type.toLowerCase()} this initiative, not "${actorOf(event)}"`,
    },
    contentIsRoutable: {
      check: (_c, event) => {
        const content = fields(event).content
        return content === undefined || routeFor(content) !== undefined
      },
      reason: (_c, event) => {
        const content = fields(event).content
        return `no routing rule of policy "${policy.id}" takes an initiative with objective "${content?.objective}" and scope "${content?.scope.kind}", so it could never be routed once approved (TK9, TK10); choose another objective or scope, or ask the policy's owner to add a rule`
      },
    },
    contentIsValid: {
      check: (_c, event) => contentProblems(fields(event).content).length === 0,
      reason: (_c, event) => contentProblems(fields(event).content).join('; '),
    },
    onCurrentRevision: {
      check: (context, event) => fields(event).revision === context.revision.hash,
      reason: (context, event) =>
        `the decision was taken on revision ${String(fields(event).revision).slice(0, 12)}, but the current revision is ${context.revision.n} (${context.revision.hash.slice(0, 12)}); an approval counts only for the revision it was given on (TK5) — review the current revision and decide again`,
    },
    withinWindow: {
      check: (context, event) => context.deadline === null || timeOf(event, context) < context.deadline,
      reason: (context) =>
        `the review window closed at ${formatInstant(context.deadline ?? 0)}; no decision is taken after it`,
    },
    actorHasAuthority: {
      check: (context, event, p: KeyParams) => seatOf(context, event, p.key) !== null,
      reason: (context, event, p: KeyParams) => {
        const key = keyById(p.key)
        const by = actorOf(event)
        const at = timeOf(event, context)
        const known = findPrincipal(policy, by) !== undefined
        const base = `${known ? `"${by}"` : `unknown principal "${by}"`} does not hold key "${key.id}" (holders: ${quote(key.holders)})`
        const mine = context.delegations.filter((d) => d.key === key.id && d.deputy === by)
        if (!key.deputies.allowed) return `${base}, and key "${key.id}" allows no deputies (TK6)`
        if (mine.length === 0) return `${base} and no holder has named them deputy (TK6)`
        const windows = mine.map((d) => `${formatInstant(d.from)}–${formatInstant(d.until)}`).join(', ')
        return `${base}; their delegation (${windows}) does not cover ${formatInstant(at)} (TK6)`
      },
    },
    actorIsNotSponsor: {
      check: (context, event, p: KeyParams) => {
        const by = actorOf(event)
        return by !== context.sponsor && seatOf(context, event, p.key) !== context.sponsor
      },
      reason: (context, event) =>
        actorOf(event) === context.sponsor
          ? `"${actorOf(event)}" sponsors this initiative and may not turn a key on it (TK3)`
          : `"${actorOf(event)}" acts for the sponsor "${context.sponsor}" and may not turn a key on its initiative (TK3)`,
    },
    distinctAcrossKeys: {
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
      reason: (context, event, p: KeyParams) => {
        const at = timeOf(event, context)
        const by = actorOf(event)
        const mine = new Set(decisionInstitutions(policy, by, seatOf(context, event, p.key)))
        for (const k of policy.keys) {
          if (k.id === p.key) continue
          for (const d of countedApprovals(policy, context, k.id, at)) {
            if (d.by === by) {
              return `"${by}" already approved key "${k.id}"; key "${p.key}" needs a different principal (TK2)`
            }
            const shared = d.institutions.find((i) => mine.has(i))
            if (shared !== undefined) {
              return `institution "${shared}" already counts toward key "${k.id}" (through "${d.by}"); key "${p.key}" needs a different institution (TK2)`
            }
          }
        }
        return `"${by}" already counts toward another key of this revision (TK2)`
      },
    },
    seatHasNotDecided: {
      check: (context, event, p: KeyParams) => {
        const seat = seatOf(context, event, p.key)
        const at = timeOf(event, context)
        return !currentDecisions(context, p.key).some(
          (d) => d.seat === seat && (d.decision === 'refuse' || isFresh(policy, d.at, at)),
        )
      },
      reason: (context, event, p: KeyParams) => {
        const seat = seatOf(context, event, p.key)
        const prior = currentDecisions(context, p.key).find((d) => d.seat === seat)
        const who = seat === actorOf(event) ? `"${seat}"` : `the seat of "${seat}"`
        return `${who} already decided (${prior?.decision ?? 'decided'}) key "${p.key}" on this revision at ${formatInstant(prior?.at ?? 0)}; revoke the approval first to decide again`
      },
    },
    hasApprovalToRevoke: {
      check: (context, event, p: KeyParams) => {
        const seat = seatOf(context, event, p.key)
        return currentDecisions(context, p.key).some((d) => d.decision === 'approve' && d.seat === seat)
      },
      reason: (_c, event, p: KeyParams) =>
        `"${actorOf(event)}" has no approval of key "${p.key}" on this revision to revoke`,
    },
    actorHoldsDelegatedKey: {
      check: (_c, event) => {
        const key = findKey(policy, fields(event).key ?? '')
        return key?.holders.includes(actorOf(event)) === true
      },
      reason: (_c, event) => {
        const key = findKey(policy, fields(event).key ?? '')
        return key === undefined
          ? `"${fields(event).key}" is not a key of policy "${policy.id}" (keys: ${quote(policy.keys.map((k) => k.id))})`
          : `only a holder of key "${key.id}" (${quote(key.holders)}) may name its deputy, not "${actorOf(event)}"`
      },
    },
    deputiesAllowed: {
      check: (_c, event) => findKey(policy, fields(event).key ?? '')?.deputies.allowed === true,
      reason: (_c, event) => `the policy allows no deputies for key "${fields(event).key}"`,
    },
    delegationWindowValid: {
      check: (context, event) => {
        const { from = 0, until = 0 } = fields(event)
        const maxDays = findKey(policy, fields(event).key ?? '')?.deputies.maxDays ?? 0
        return from < until && until > timeOf(event, context) && until - from <= maxDays * DAY_MS
      },
      reason: (_c, event) => {
        const { from = 0, until = 0 } = fields(event)
        const maxDays = findKey(policy, fields(event).key ?? '')?.deputies.maxDays ?? 0
        if (from >= until)
          return `a delegation must end after it starts (${formatInstant(from)} → ${formatInstant(until)})`
        if (until - from > maxDays * DAY_MS) {
          return `a delegation of ${((until - from) / DAY_MS).toFixed(1)} days is longer than the ${maxDays} days key "${fields(event).key}" allows`
        }
        return 'the delegation window has already ended'
      },
    },
    deputyEligible: {
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
      reason: (context, event) => {
        const key = findKey(policy, fields(event).key ?? '')
        const id = fields(event).deputy ?? ''
        const deputy = findPrincipal(policy, id)
        if (deputy === undefined) return `deputy "${id}" is not a principal of policy "${policy.id}"`
        if (deputy.id === context.sponsor)
          return `the sponsor "${id}" may not be named deputy on its own initiative (TK3)`
        if (policy.keys.some((k) => k.holders.includes(deputy.id))) {
          return `"${id}" already holds a key and may not also act as a deputy (TK2)`
        }
        const other = key === undefined ? undefined : otherKeyOf(key.id, deputy)
        if (other !== undefined) {
          return `"${id}" belongs to "${other.institution}", the institution of key "${other.id}", and so may not act for another key (TK2)`
        }
        return key?.deputies.eligible === undefined
          ? `"${id}" is not of institution "${key?.institution}" and so may not be deputy for key "${key?.id}"`
          : `"${id}" is not on the eligible deputies of key "${key.id}" (${quote(key.deputies.eligible)})`
      },
    },
    governorOfPendingRegion: {
      check: (context, event) => {
        const { region = '' } = fields(event)
        const governor = policy.regions.find((r) => r.id === region)?.governor
        return (
          rolloutTargets(context).includes(region) &&
          !(region in context.responses) &&
          governor === actorOf(event)
        )
      },
      reason: (context, event) => {
        const { region = '' } = fields(event)
        if (!rolloutTargets(context).includes(region)) {
          return `region "${region}" is not named by this initiative (${quote(rolloutTargets(context))}); rollout reaches only named regions (TK9)`
        }
        if (region in context.responses) return `region "${region}" has already answered`
        const governor = policy.regions.find((r) => r.id === region)?.governor
        return `only the governor of "${region}" ("${governor}") may answer for it, not "${actorOf(event)}" (TK9)`
      },
    },
    destinationPending: {
      check: (context, event) => {
        const { destination = '' } = fields(event)
        return rolloutTargets(context).includes(destination) && !(destination in context.responses)
      },
      reason: (context, event) => {
        const { destination = '' } = fields(event)
        return rolloutTargets(context).includes(destination)
          ? `destination "${destination}" has already answered`
          : `destination "${destination}" is not named by this initiative (${quote(rolloutTargets(context))})`
      },
    },
  } satisfies Record<string, Rule<never>>
  return rules
}

export type Rules = ReturnType<typeof createRules>
export type RuleName = keyof Rules
