import type { InitiativeContent } from '../domain/InitiativeContent.js'
import { type Condition, comparisonsOf, conditionOf, keyApplies } from '../policy/condition.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'
import { rolloutOf } from '../policy/reach.js'
import { trackFor } from '../policy/routing.js'

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

/**
 * One objective for each distinct routing outcome of a scope kind, `preferred` first. The rules
 * read an objective only to check it is the policy's and to route, so two objectives the routing
 * treats alike are interchangeable.
 */
function objectivesFor(policy: Policy, kind: ScopeKind, preferred: string): string[] {
  const ordered = [preferred, ...policy.objectives.filter((o) => o !== preferred)]
  // A key that applies by objective tells objectives apart that routing treats alike.
  const readsObjective = keyConditions(policy).some(
    (c) => c !== null && comparisonsOf(c).some((x) => x.field === 'objective'),
  )
  if (readsObjective) return ordered
  const seen = new Set<string | null>()
  return ordered.filter((o) => {
    const route = trackFor(policy, o, kind)
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
      const made = make(o)
      const name = o === preferred ? scope : `${scope}/${o}`
      // One more branch for each other set of keys that applies (a budget past a threshold…).
      conditionClasses(policy, made.content).forEach((content, i) => {
        branches.push({ scope, name: i === 0 ? name : `${name}@${classLabel(content)}`, ...made, content })
      })
    }
  }
  if (scopes.includes('federal')) {
    const ministries = namedMinistries(policy)
    add('federal', objective, (o) => ({
      content: { ...base, objective: o, scope: { kind: 'federal', ministries } },
      invalid: { ...base, objective: unknownObjective(policy), scope: { kind: 'federal', ministries } },
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

/**
 * What of a content the rules read, as text: objective, scope and budget (title and summary
 * never decide). Two contents with the same substance are one for every guard.
 */
export const contentSubstance = (c: InitiativeContent): string =>
  `${c.objective}|${JSON.stringify(c.scope)}|${c.budget ?? ''}`

/** The parsed conditions of the policy's keys, by key index (null: always applies). */
export const keyConditions = (policy: Policy): (Condition | null)[] => policy.keys.map(conditionOf)

const MAX_BUDGET = 1e15

/** Which keys apply to a content, as a string: the machine can tell two contents apart only by it. */
export const applicabilityOf = (policy: Policy, content: InitiativeContent): string =>
  policy.keys.map((k) => (keyApplies(k, content) ? '1' : '0')).join('')

/** The numbers conditions compare a field with: a value on each side of each is a candidate. */
function thresholds(policy: Policy, field: 'budget' | 'regions' | 'destinations'): number[] {
  const named = keyConditions(policy)
    .flatMap((c) => (c === null ? [] : comparisonsOf(c)))
    .filter((c) => c.field === field)
    .flatMap((c) => (c.kind === 'in' ? c.values : [c.value]))
    .filter((v): v is number => typeof v === 'number')
  // Only values a command can carry: budgets are 0…1e15 (InitiativeContentSchema).
  return [...new Set(named.flatMap((t) => [t - 1, t, t + 1]))]
    .filter((v) => v >= 0 && v <= MAX_BUDGET)
    .sort((a, b) => a - b)
}

/**
 * The representative content itself, then one content for each other set of conditional keys that
 * can apply to its kind and objective: budgets and counts of regions or destinations on each side
 * of every threshold the conditions name, one per distinct set. Without conditional keys, just the
 * content.
 */
export function conditionClasses(policy: Policy, content: InitiativeContent): InitiativeContent[] {
  if (keyConditions(policy).every((c) => c === null)) return [content]
  const budgets = [content.budget, ...thresholds(policy, 'budget')]
  const scope = content.scope
  const scopes: InitiativeContent['scope'][] = [scope]
  if (scope.kind === 'regional') {
    for (const n of thresholds(policy, 'regions')) {
      if (n >= 1 && n <= policy.regions.length) {
        scopes.push({ kind: 'regional', regions: policy.regions.slice(0, n).map((r) => r.id) })
      }
    }
  }
  if (scope.kind === 'export') {
    for (const n of thresholds(policy, 'destinations')) {
      if (n >= 1 && n <= policy.friendlyDestinations.length) {
        scopes.push({ kind: 'export', destinations: policy.friendlyDestinations.slice(0, n) })
      }
    }
  }
  const seen = new Set<string>()
  const classes: InitiativeContent[] = []
  for (const s of scopes) {
    for (const budget of budgets) {
      const candidate: InitiativeContent = { ...content, scope: s }
      if (budget === undefined) delete candidate.budget
      else candidate.budget = budget
      const signature = applicabilityOf(policy, candidate)
      if (seen.has(signature)) continue
      seen.add(signature)
      classes.push(candidate)
    }
  }
  return classes
}

/** A short name for a content's class in a branch name: its budget and counts. */
function classLabel(content: InitiativeContent): string {
  const scope = content.scope
  const count =
    scope.kind === 'regional'
      ? `${scope.regions.length}r`
      : scope.kind === 'export'
        ? `${scope.destinations.length}d`
        : ''
  return [content.budget === undefined ? '' : `₽${content.budget}`, count].filter(Boolean).join(',')
}

/** The kinds of amendment the explorer tries, each derived from the current content. */
export type AmendmentKind = 'title' | 'summary' | 'objective' | 'invalid-scope' | 'threshold'

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
    case 'threshold': {
      // Across a condition: the next class of the same kind and objective (see conditionClasses).
      const { budget: _budget, ...representative } = content
      const classes = conditionClasses(policy, representative)
      const here = classes.findIndex((c) => applicabilityOf(policy, c) === applicabilityOf(policy, content))
      const next = classes[(here + 1) % classes.length]
      return next === undefined || classes.length < 2
        ? null
        : { ...next, title: content.title, summary: content.summary }
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

/**
 * The ministries a representative federal initiative names: the policy's first two, where each
 * named ministry accepts or declines the rollout (two, as two regions: one answer, then the last);
 * none where the sponsor completes it.
 */
export function namedMinistries(policy: Policy): string[] {
  if (rolloutOf(policy).federal !== 'ministries') return []
  return policy.principals
    .filter((p) => p.roles.includes('ministry'))
    .slice(0, 2)
    .map((p) => p.id)
}
