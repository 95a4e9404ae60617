import { type CheckPhrase, checkPhrase, sayCheck } from '../../machines/checkPhrases.js'
import { representativeContents } from '../explore/contents.js'
import type { Exploration } from '../explore/explore.js'
import { keyApplies } from '../policy/condition.js'
import { formatPath } from '../policy/formatPath.js'
import type { Policy } from '../policy/PolicySchema.js'
import { describeRoute, expressibleKinds, ruleFor } from '../policy/policyWarnings.js'
import { answeringRole, reachModelled } from '../policy/reach.js'
import { routeTakes } from '../policy/routing.js'
import type { Vacuity } from './VerifyResult.js'

const vacuity = (
  path: (string | number)[],
  reason: CheckPhrase,
  from: Vacuity['from'],
  invariants: Vacuity['invariants'] = [],
): Vacuity => ({
  rule: formatPath(path),
  path,
  reason: sayCheck(reason),
  reasonPhrase: reason,
  from,
  invariants,
})

/** Which alphabet letters the machine took from some reachable state. */
function takenEvents(graph: Exploration): Uint8Array {
  const taken = new Uint8Array(graph.alphabet.length)
  for (let i = 0; i < graph.edges.count; i++) taken[graph.edges.event[i] as number] = 1
  // Letters that stand for one another (`letterTwin`: twin keys, twin holders) are taken by all
  // once taken by one: each is taken from the image of a state where another one is.
  const orbitTaken = new Uint8Array(graph.alphabet.length)
  graph.letterTwin.forEach((orbit, e) => {
    if (taken[e] === 1) orbitTaken[orbit] = 1
  })
  graph.letterTwin.forEach((orbit, e) => {
    if (orbitTaken[orbit] === 1) taken[e] = 1
  })
  return taken
}

/**
 * TK7 binds only if some approval reaches the end of its lifetime while its revision is still in
 * review: in the graph, some state takes the `expiry` tick (the explorer schedules it only when
 * it falls inside the review). The arithmetic only explains why it never does.
 */
function expiry(graph: Exploration, taken: Uint8Array): Vacuity[] {
  const { review, approvals } = graph.policy
  const lifetime = approvals.lifetimeDays
  if (lifetime === null) return []
  if (graph.alphabet.some((e) => e.type === 'TICK' && e.variant === 'expiry' && taken[e.index] === 1))
    return []
  const plenary = review.onClose === 'plenary' ? review.plenaryDays : 0
  const reason =
    lifetime >= review.windowDays + plenary
      ? checkPhrase('idle.expiryInReview', {
          lifetime,
          window: review.windowDays,
          plenary: review.onClose === 'plenary' ? plenary : null,
        })
      : checkPhrase('idle.expiry', { lifetime })
  return [vacuity(['approvals', 'lifetimeDays'], reason, 'graph', ['TK7'])]
}

/** Deputies a key allows but no reachable state lets act: no decision by one is ever taken. */
function deputies(graph: Exploration, taken: Uint8Array): Vacuity[] {
  const { policy, alphabet } = graph
  // Alike keys are canonicalised: a deputy deciding on one of them stands for all of them.
  const groupOf = (k: number) => graph.symmetryGroups.find((g) => g.includes(k)) ?? [k]
  return policy.keys.flatMap((key, k) => {
    if (!key.deputies.allowed) return []
    const group = groupOf(k)
    const acted = alphabet.some(
      (e) => e.type === 'DECIDE' && e.role === 'deputy' && group.includes(e.key) && taken[e.index] === 1,
    )
    if (acted) return []
    const why =
      graph.alphabetContext.cast.deputies[k] === null
        ? key.deputies.eligible === undefined
          ? checkPhrase('idle.deputiesNoInstitution', { institution: key.institution })
          : checkPhrase('idle.deputiesNoEligible', {})
        : null
    return [vacuity(['keys', k, 'deputies'], checkPhrase('idle.deputies', { key: key.id, why }), 'graph')]
  })
}

/**
 * Routing rules that never decide a track. Routing reads only the objective and the kind of
 * scope, both from finite lists, so trying every pair is exact; no exploration needed.
 */
function shadowedRoutes(policy: Policy): Vacuity[] {
  const inputs = policy.objectives.flatMap((objective) =>
    expressibleKinds(policy).map((scope) => ({ objective, scope })),
  )
  return policy.routing.flatMap((rule, i) => {
    const matched = inputs.filter((c) => routeTakes(rule, c.objective, c.scope))
    const first = [...new Set(matched.map((c) => ruleFor(policy, c)))].sort((a, b) => a - b)
    if (first.includes(i)) return []
    const route = describeRoute(rule)
    const reason =
      matched.length === 0
        ? checkPhrase('idle.routeMatchesNothing', { rule: i, route })
        : checkPhrase('idle.routeShadowed', { rule: i, route, first })
    return [vacuity(['routing', i], reason, 'policy')]
  })
}

/**
 * A veto that changes nothing: without it, a key is refused once its remaining holders cannot
 * reach the quorum (the machine's `refusalRefusesKey`), and with as many holders as its quorum
 * one refusal already does that.
 */
function idleVetoes(policy: Policy): Vacuity[] {
  return policy.keys.flatMap((key, k) => {
    if (!key.veto || key.quorum !== key.holders.length) return []
    return [
      vacuity(
        ['keys', k, 'veto'],
        checkPhrase('idle.veto', { key: key.id, quorum: key.quorum, holders: key.holders.length }),
        'policy',
      ),
    ]
  })
}

/**
 * A condition that cannot tell initiatives apart: over every initiative the explorer starts from
 * (one on each side of every threshold, of every kind and objective) the key applies to none, or
 * to all. Either way `appliesIf` never binds — a typo'd threshold or a field the scope never has.
 */
function idleConditions(policy: Policy): Vacuity[] {
  const contents = representativeContents(policy).map((b) => b.content)
  return policy.keys.flatMap((key, k) => {
    if (key.appliesIf === undefined) return []
    const applies = contents.filter((c) => keyApplies(key, c)).length
    if (applies > 0 && applies < contents.length) return []
    return [
      vacuity(
        ['keys', k, 'appliesIf'],
        checkPhrase(applies === 0 ? 'idle.conditionNever' : 'idle.conditionAlways', {
          key: key.id,
          condition: key.appliesIf,
        }),
        'policy',
      ),
    ]
  })
}

/**
 * Reach that never binds: every body that answers a rollout is brought in by a key that applies
 * to every initiative (no condition), so no answer can fall outside the approvers' reach and
 * TK13 holds vacuously. Plain arithmetic on the policy.
 */
function idleReach(policy: Policy): Vacuity[] {
  if (!reachModelled(policy)) return []
  const always = new Set(policy.keys.filter((k) => k.appliesIf === undefined).flatMap((k) => k.reach ?? []))
  const tracks = new Set(policy.routing.map((r) => r.track))
  const answering = [...tracks].map((t) => answeringRole(policy, t)).filter((r) => r !== null)
  if (!answering.every((role) => always.has(role))) return []
  const index = policy.keys.findIndex((k) => k.reach !== undefined)
  return [
    vacuity(
      ['keys', index, 'reach'],
      checkPhrase('idle.reach', { bodies: [...new Set(answering)].sort() }),
      'policy',
      ['TK13'],
    ),
  ]
}

/**
 * Rules of the policy that can never bind on the reachable space, each with the reason: an
 * approval lifetime that never runs out inside a review (TK7 then holds vacuously), deputies no
 * one can be or who never get to act, routing rules shadowed by earlier ones, vetoes that change
 * nothing. What depends on the machine's behaviour is read from the explored graph (and only when
 * the graph is complete: a partial search cannot say "never"); what is plain arithmetic on the
 * policy is computed from it.
 *
 * @example
 * findVacuity(explore(policy, machine)).map((v) => v.rule) // ['approvals.lifetimeDays', 'keys[0].veto', …]
 */
export function findVacuity(graph: Exploration): Vacuity[] {
  const taken = takenEvents(graph)
  const fromGraph = graph.complete ? [...expiry(graph, taken), ...deputies(graph, taken)] : []
  return [
    ...fromGraph,
    ...shadowedRoutes(graph.policy),
    ...idleVetoes(graph.policy),
    ...idleConditions(graph.policy),
    ...idleReach(graph.policy),
  ]
}
