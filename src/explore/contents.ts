import type { InitiativeContent } from '../domain/InitiativeContent.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'
import { routeIndexFor } from '../policy/routing.js'

/** One initial branch of an exploration: a representative initiative of one scope kind. */
export interface ContentBranch {
  /** The branch's name in the alphabet: the scope kind, plus the objective when there are several. */
  name: string
  scope: ScopeKind
  /** What the sponsor proposes: valid under the policy. */
  content: InitiativeContent
  /** The same proposal with a bad scope or objective, which a correct machine refuses. */
  invalid: InitiativeContent
}

/** An id that is not already used in `taken`, for the deliberately unknown region or destination. */
function freshId(base: string, taken: readonly string[]): string {
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`
  return id
}

/** A region id the policy does not know. */
export const unknownRegion = (policy: Policy) =>
  freshId(
    'no-such-region',
    policy.regions.map((r) => r.id),
  )
/** A destination that is not on the friendly list. */
export const unfriendlyDestination = (policy: Policy) =>
  freshId('unfriendly-land', policy.friendlyDestinations)
/** An objective the policy does not have. */
export const unknownObjective = (policy: Policy) => freshId('no-such-objective', policy.objectives)

/** The track the first matching routing rule gives (objective, scope kind), or null: what routing sees. */
function routeOf(policy: Policy, objective: string, kind: ScopeKind): string | null {
  return policy.routing[routeIndexFor(policy, objective, kind)]?.track ?? null
}

/**
 * One objective for each distinct routing outcome of a scope kind, `preferred` first. The rules
 * read an objective only to check it is the policy's and to route, so two objectives the routing
 * treats alike are interchangeable.
 */
function objectivesFor(policy: Policy, kind: ScopeKind, preferred: string): string[] {
  const ordered = [preferred, ...policy.objectives.filter((o) => o !== preferred)]
  const seen = new Set<string | null>()
  return ordered.filter((o) => {
    const route = routeOf(policy, o, kind)
    if (seen.has(route)) return false
    seen.add(route)
    return true
  })
}

/**
 * The representative initiatives an exploration starts from: a federal one, a regional one
 * naming (up to) two regions, and an export to one friendly destination — each with one
 * objective per distinct routing outcome (so a routing rule that leaves some objective of some
 * scope unrouted is explored). A kind the policy cannot express (no regions, no friendly
 * destination) is left out; `scopes` narrows the set.
 *
 * @example
 * representativeContents(policy).map((b) => b.scope) // ['federal', 'regional', 'export']
 */
export function representativeContents(
  policy: Policy,
  scopes: readonly ScopeKind[] = ['federal', 'regional', 'export'],
): ContentBranch[] {
  const objective = policy.objectives[0] ?? 'infrastructure'
  const exportObjective = policy.objectives.includes('export') ? 'export' : objective
  const base = { title: 'A', summary: 'a' }
  const branches: ContentBranch[] = []
  const add = (
    scope: ScopeKind,
    preferred: string,
    make: (objective: string) => Omit<ContentBranch, 'scope' | 'name'>,
  ) => {
    for (const o of objectivesFor(policy, scope, preferred)) {
      branches.push({ scope, name: o === preferred ? scope : `${scope}/${o}`, ...make(o) })
    }
  }
  if (scopes.includes('federal')) {
    add('federal', objective, (o) => ({
      content: { ...base, objective: o, scope: { kind: 'federal', ministries: [] } },
      invalid: { ...base, objective: unknownObjective(policy), scope: { kind: 'federal', ministries: [] } },
    }))
  }
  const regions = policy.regions.slice(0, 2).map((r) => r.id)
  if (scopes.includes('regional') && regions.length > 0) {
    add('regional', objective, (o) => ({
      content: { ...base, objective: o, scope: { kind: 'regional', regions } },
      invalid: {
        ...base,
        objective: o,
        scope: { kind: 'regional', regions: [...regions.slice(0, 1), unknownRegion(policy)] },
      },
    }))
  }
  const destinations = policy.friendlyDestinations.slice(0, 1)
  if (scopes.includes('export') && destinations.length > 0) {
    add('export', exportObjective, (o) => ({
      content: { ...base, objective: o, scope: { kind: 'export', destinations } },
      invalid: {
        ...base,
        objective: o,
        scope: { kind: 'export', destinations: [unfriendlyDestination(policy)] },
      },
    }))
  }
  return branches
}

/** The kinds of amendment the explorer tries, each derived from the current content. */
export type AmendmentKind = 'title' | 'summary' | 'objective' | 'invalid-scope'

/**
 * The content an amendment of `kind` proposes: the title or summary toggled, the next objective,
 * or the same content with a scope the policy does not allow. Toggling means the amended field
 * always differs, so whether an amendment is substantive depends on the field alone.
 */
export function amendedContent(
  policy: Policy,
  content: InitiativeContent,
  kind: AmendmentKind,
): InitiativeContent | null {
  switch (kind) {
    case 'title':
      return { ...content, title: content.title === 'A' ? 'B' : 'A' }
    case 'summary':
      return { ...content, summary: content.summary === 'a' ? 'b' : 'a' }
    case 'objective': {
      const i = policy.objectives.indexOf(content.objective)
      const next = policy.objectives[(i + 1) % policy.objectives.length]
      return next === undefined || next === content.objective ? null : { ...content, objective: next }
    }
    case 'invalid-scope': {
      const scope = content.scope
      if (scope.kind === 'export') {
        return { ...content, scope: { kind: 'export', destinations: [unfriendlyDestination(policy)] } }
      }
      const regions = scope.kind === 'regional' ? scope.regions.slice(0, 1) : []
      return { ...content, scope: { kind: 'regional', regions: [...regions, unknownRegion(policy)] } }
    }
  }
}
