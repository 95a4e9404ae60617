import { DAY_MS } from '../src/domain/timeUnits.js'
import type { Key, Policy, Principal } from '../src/policy/PolicySchema.js'
import { rolloutOf } from '../src/policy/reach.js'
import { routeIndexFor } from '../src/policy/routing.js'
import type { Decision, InitiativeContext } from './InitiativeContext.js'

/** Policy durations are in days; the machine's clock is in milliseconds. */
export { DAY_MS }

export function findPrincipal(policy: Policy, id: string): Principal | undefined {
  return policy.principals.find((p) => p.id === id)
}

export function findKey(policy: Policy, id: string): Key | undefined {
  return policy.keys.find((k) => k.id === id)
}

/** A principal's own institution and every affiliation: all count for distinctness (TK2). */
export function institutionsOf(principal: Principal | undefined): string[] {
  return principal === undefined ? [] : [principal.institution, ...principal.affiliations]
}

/**
 * Every institution a decision speaks for: the actor's and, for a deputy, the holder's whose
 * seat it uses. Both count for distinctness (TK2), so a deputy cannot launder an affiliation.
 */
export function decisionInstitutions(policy: Policy, actor: string, seat: string | null): string[] {
  const own = institutionsOf(findPrincipal(policy, actor))
  // On one's own seat `held` repeats `own`; the set keeps each institution once either way.
  const held = seat === null ? [] : institutionsOf(findPrincipal(policy, seat))
  return [...new Set([...own, ...held])]
}

/**
 * The holder on whose seat `actor` acts for `key` at time `at`: the actor itself when it holds
 * the key, the delegating holder when the actor is a deputy inside an allowed window, else null.
 */
export function seatFor(context: InitiativeContext, key: Key, actor: string, at: number): string | null {
  if (key.holders.includes(actor)) return actor
  if (!key.deputies.allowed) return null
  const delegation = context.delegations.find(
    (d) =>
      d.key === key.id &&
      d.deputy === actor &&
      d.from <= at &&
      at < d.until &&
      key.holders.includes(d.holder),
  )
  return delegation?.holder ?? null
}

/** An approval given at `givenAt` still counts at `now` unless it is older than the lifetime (TK7). */
export function isFresh(policy: Policy, givenAt: number, now: number): boolean {
  const days = policy.approvals.lifetimeDays
  return days === null || now - givenAt <= days * DAY_MS
}

/** Decisions on `key` for the current revision that have not been revoked. */
export function currentDecisions(context: InitiativeContext, keyId: string): Decision[] {
  return context.decisions.filter(
    (d) => d.key === keyId && d.revision === context.revision.hash && d.revokedAt === undefined,
  )
}

/** Approvals on `key` that count at time `now`: current revision, not revoked, fresh; one per seat. */
export function countedApprovals(
  policy: Policy,
  context: InitiativeContext,
  keyId: string,
  now: number,
): Decision[] {
  const bySeat = new Map<string, Decision>()
  for (const d of currentDecisions(context, keyId)) {
    if (d.decision === 'approve' && isFresh(policy, d.at, now)) bySeat.set(d.seat, d)
  }
  return [...bySeat.values()]
}

/** Seats that refused `key` on the current revision. */
export function refusingSeats(context: InitiativeContext, keyId: string): Set<string> {
  return new Set(
    currentDecisions(context, keyId)
      .filter((d) => d.decision === 'refuse')
      .map((d) => d.seat),
  )
}

/** The routing rule index that applies to the initiative's content, or -1 when none does. */
export function matchingRoute(policy: Policy, context: InitiativeContext): number {
  const content = context.content
  if (content === null) return -1
  return routeIndexFor(policy, content.objective, content.scope.kind)
}

/**
 * What the rollout of the initiative's track waits on: the named regions (regional), the named
 * destinations (export), or the named ministries (federal, where the policy has ministries accept
 * it); nothing before it is routed, or when the sponsor carries the track out.
 */
export function rolloutTargets(policy: Policy, context: InitiativeContext): string[] {
  const scope = context.content?.scope
  if (context.track === 'regional' && scope?.kind === 'regional') return scope.regions
  if (context.track === 'export' && scope?.kind === 'export') return scope.destinations
  if (
    context.track === 'federal' &&
    scope?.kind === 'federal' &&
    rolloutOf(policy).federal === 'ministries'
  ) {
    return scope.ministries
  }
  return []
}

export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}
