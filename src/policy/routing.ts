import type { Policy, RoutingRule, ScopeKind } from './PolicySchema.js'

/**
 * Whether a routing rule takes an initiative of this objective and kind of scope: a `when` field
 * left out matches anything. The one routing predicate — the machine's guard, the explorer, the
 * policy warnings and the vacuity finder all ask it (the invariants restate it on purpose: they
 * are the oracle).
 */
export function routeTakes(rule: RoutingRule, objective: string, scope: ScopeKind): boolean {
  return (
    (rule.when.objective === undefined || rule.when.objective.includes(objective)) &&
    (rule.when.scope === undefined || rule.when.scope.includes(scope))
  )
}

/** What a routing rule matches, in words: `scope export`, `objective infrastructure, scope federal`, `anything`. */
export function describeWhen(rule: RoutingRule): string {
  const when = [
    rule.when.objective === undefined ? '' : `objective ${rule.when.objective.join('/')}`,
    rule.when.scope === undefined ? '' : `scope ${rule.when.scope.join('/')}`,
  ].filter((w) => w !== '')
  return when.join(', ') || 'anything'
}

/** The index of the first routing rule that takes the initiative (first match wins), or -1. */
export function routeIndexFor(policy: Policy, objective: string, scope: ScopeKind): number {
  return policy.routing.findIndex((rule) => routeTakes(rule, objective, scope))
}

/** The track the first routing rule that takes the initiative gives, or null when none does. */
export function trackFor(policy: Policy, objective: string, scope: ScopeKind): string | null {
  return policy.routing[routeIndexFor(policy, objective, scope)]?.track ?? null
}
