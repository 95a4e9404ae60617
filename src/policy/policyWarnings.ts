import type { Issue } from '../domain/TwoKeysError.js'
import type { Policy, RoutingRule, ScopeKind, Track } from './PolicySchema.js'
import { withPhrase } from './phrased.js'
import { policyPhrase, type RouteWords, renderPolicyPhrase } from './policyMessages.js'
import { describeWhen, routeIndexFor } from './routing.js'

/** A content of the routing's domain: an objective and a kind of scope. */
export interface RouteInput {
  objective: string
  scope: ScopeKind
}

/**
 * A policy that validates but lets a field routing reads change without a new revision: an
 * initiative some keys approved for one track can be amended onto another and keep those
 * approvals. `before` and `after` are the two contents; `rule` is the routing rule that sends
 * `after` to its track.
 */
export interface PolicyWarning extends Issue {
  code: 'amendment-reroutes'
  field: 'objective' | 'scope'
  rule: number
  before: RouteInput & { track: Track }
  after: RouteInput & { track: Track }
}

const KINDS: readonly ScopeKind[] = ['federal', 'regional', 'export']

/** The first routing rule that matches, as the machine's `routeMatches` reads them, or -1. */
export function ruleFor(policy: Policy, { objective, scope }: RouteInput): number {
  return routeIndexFor(policy, objective, scope)
}

/** The kinds of scope the policy can express at all (a regional one needs regions, …). */
export function expressibleKinds(policy: Policy): ScopeKind[] {
  return KINDS.filter(
    (kind) =>
      (kind !== 'regional' || policy.regions.length > 0) &&
      (kind !== 'export' || policy.friendlyDestinations.length > 0),
  )
}

/** "objective export, scope export → track export": what a routing rule says. */
export function describeRoute(rule: RoutingRule): string {
  return `${describeWhen(rule)} → track ${rule.track}`
}

/** A routing rule as a message's data: what it matches and where it sends. */
const routeWords = (rule: RoutingRule): RouteWords => ({ when: rule.when, track: rule.track })

/** Two contents that differ only in `field` and that routing sends to different tracks, or null. */
function reroute(policy: Policy, field: 'objective' | 'scope') {
  const kinds = expressibleKinds(policy)
  // Toward export first: the track with the most at stake.
  const targets = [...kinds].reverse()
  const pairs: [RouteInput, RouteInput][] =
    field === 'scope'
      ? policy.objectives.flatMap((objective) =>
          kinds.flatMap((a) =>
            targets.map((b): [RouteInput, RouteInput] => [
              { objective, scope: a },
              { objective, scope: b },
            ]),
          ),
        )
      : kinds.flatMap((scope) =>
          policy.objectives.flatMap((a) =>
            [...policy.objectives].reverse().map((b): [RouteInput, RouteInput] => [
              { objective: a, scope },
              { objective: b, scope },
            ]),
          ),
        )
  for (const [before, after] of pairs) {
    const from = ruleFor(policy, before)
    const to = ruleFor(policy, after)
    const fromTrack = policy.routing[from]?.track
    const toTrack = policy.routing[to]?.track
    if (fromTrack !== undefined && toTrack !== undefined && fromTrack !== toTrack) {
      return { before: { ...before, track: fromTrack }, after: { ...after, track: toTrack }, rule: to }
    }
  }
  return null
}

/**
 * What a policy permits that it probably should not, though every rule of the schema holds:
 * for each field routing reads (objective, scope) that `amendments.substantive` leaves out, an
 * approved-by-some-keys initiative could be amended onto another track and keep its approvals.
 * `twokeys validate` prints these as warnings (⚠); `verify` tells each as a hole, with the story.
 *
 * @example
 * policyWarnings(policy)[0]?.message
 * // 'leaves out "scope", which routing reads (routing[0]: scope export → track export): …'
 */
export function policyWarnings(policy: Policy): PolicyWarning[] {
  const warnings: PolicyWarning[] = []
  for (const field of ['scope', 'objective'] as const) {
    if (policy.amendments.substantive.includes(field)) continue
    const found = reroute(policy, field)
    if (found === null) continue
    const { before, after, rule } = found
    const as = (c: RouteInput) => (field === 'scope' ? c.scope : c.objective)
    const routing = policy.routing[rule]
    const phrase = policyPhrase('warnings.amendmentReroutes', {
      field,
      rule,
      route: routing === undefined ? null : routeWords(routing),
      before: as(before),
      beforeTrack: before.track,
      after: as(after),
      afterTrack: after.track,
    })
    const warning: PolicyWarning = {
      code: 'amendment-reroutes',
      path: ['amendments', 'substantive'],
      field,
      rule,
      before,
      after,
      message: renderPolicyPhrase(phrase),
    }
    warnings.push(withPhrase(warning, phrase))
  }
  return warnings
}
