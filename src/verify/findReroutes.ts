import { type CheckPhrase, checkPhrase, sayCheck } from '../../machines/checkPhrases.js'
import { createStepper } from '../../machines/stepper.js'
import type { InitiativeContent } from '../domain/InitiativeContent.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { instantiate } from '../explore/alphabet.js'
import { type Exploration, type InitiativeSnapshot, snapshotOf } from '../explore/explore.js'
import { reviewOf } from '../explore/timeline.js'
import type { Policy } from '../policy/PolicySchema.js'
import { type PolicyWarning, policyWarnings } from '../policy/policyWarnings.js'
import { counterexampleOf, stepsOf } from './counterexampleOf.js'
import type { Hole } from './VerifyResult.js'

/** The approvals that count now: given on the current revision and not revoked. */
const standing = (s: InitiativeSnapshot) =>
  s.context.decisions.filter(
    (d) => d.decision === 'approve' && d.revokedAt === undefined && d.revision === s.context.revision.hash,
  )

/** Whether a snapshot is in review of the warning's content, with some approval standing and none refused. */
function isPartlyApproved(policy: Policy, warning: PolicyWarning, s: InitiativeSnapshot): boolean {
  const review = reviewOf(s.value)
  const content = s.context.content
  return (
    review !== null &&
    s.context.approvedAt === null &&
    content !== null &&
    content.objective === warning.before.objective &&
    content.scope.kind === warning.before.scope &&
    policy.keys.every((k) => review[k.id] !== 'refused') &&
    standing(s).length > 0
  )
}

/**
 * Where `findReroutes` starts its stories: for each of the policy's rerouting warnings, the
 * first state, breadth-first (so the shortest story), in review of the warning's content with
 * some approval standing and none refused. `see` is shown each state as the search finds it
 * (`ExploreOptions.onState`), in order.
 *
 * @example
 * const starts = rerouteStarts(policy)
 * const graph = explore(policy, machine, { onState: starts.see })
 * findReroutes(graph, starts)
 */
export function rerouteStarts(policy: Policy) {
  const warnings = policyWarnings(policy)
  const first = warnings.map(() => -1)
  const firstUnder = warnings.map(() => -1)
  let open = warnings.length
  return {
    warnings,
    /** Per warning, the first partly approved state, or -1. */
    first,
    /** Per warning, the branch whose image of that state it is, or -1 for its representative (`branchSharing`). */
    firstUnder,
    /** Whether some warning still waits for its first state (so `see` still reads snapshots). */
    waiting: (): boolean => open > 0,
    see(s: number, snapshot: InitiativeSnapshot, under = -1): void {
      if (open === 0) return
      warnings.forEach((warning, i) => {
        if (first[i] === -1 && isPartlyApproved(policy, warning, snapshot)) {
          first[i] = s
          firstUnder[i] = under
          open--
        }
      })
    },
  }
}

/** The warnings and their first partly approved states, as `rerouteStarts` found them. */
export type RerouteStarts = Pick<ReturnType<typeof rerouteStarts>, 'warnings' | 'first' | 'firstUnder'>

/** The content amended in `warning.field` only, to what routing sends elsewhere. */
function amended(
  graph: Exploration,
  content: InitiativeContent,
  warning: PolicyWarning,
): InitiativeContent | null {
  if (warning.field === 'objective') return { ...content, objective: warning.after.objective }
  const scope = graph.alphabetContext.branches.find((b) => b.content.scope.kind === warning.after.scope)
    ?.content.scope
  return scope === undefined ? null : { ...content, scope }
}

/**
 * Each `policyWarnings` rerouting told as a hole, with the story the machine itself follows:
 * the shortest way to an initiative some keys approved, the sponsor's amendment of the field
 * (no new revision, so the approvals stand), then the remaining holders' approvals, ending on
 * the other track. A warning whose story the machine does not follow is returned as a note
 * instead: the policy permits it, but this machine refuses it.
 */
export function findReroutes(
  graph: Exploration,
  starts: RerouteStarts,
): { holes: Hole[]; notes: CheckPhrase[] } {
  const holes: Hole[] = []
  const notes: CheckPhrase[] = []
  const step = createStepper(graph.machine)
  for (const [i, warning] of starts.warnings.entries()) {
    const story = tell(graph, warning, starts.first[i] ?? -1, starts.firstUnder[i] ?? -1, step)
    const as = (c: PolicyWarning['before']) => (warning.field === 'scope' ? c.scope : c.objective)
    if (story === null) continue
    if (!('counterexample' in story)) {
      notes.push(checkPhrase('reroute.note', { field: warning.field, why: story }))
      continue
    }
    const title = checkPhrase('reroute.title', {
      field: warning.field,
      before: as(warning.before),
      after: as(warning.after),
    })
    const violation = checkPhrase('reroute.routed', {
      track: warning.after.track,
      approvals: story.approvals.map((d) => ({ by: d.by, key: d.key })),
      field: warning.field,
      rule: warning.rule,
      scope: warning.before.scope,
      objective: warning.before.objective,
    })
    holes.push({
      title: sayCheck(title),
      titlePhrase: title,
      counterexample: { ...story.counterexample, violation: sayCheck(violation), violationPhrase: violation },
    })
  }
  return { holes, notes }
}

/** The story of one rerouting, or why the machine does not follow it. */
function tell(
  graph: Exploration,
  warning: PolicyWarning,
  s: number,
  under: number,
  step: ReturnType<typeof createStepper>,
) {
  // On a partial search, "never" cannot be said: say nothing (the result is a failure anyway).
  if (s < 0)
    return graph.complete ? checkPhrase('reroute.neverPartly', { scope: warning.before.scope }) : null
  let snapshot = snapshotOf(graph, s, under)
  const approvals = standing(snapshot)
  const events: InitiativeEvent[] = []
  const befores: InitiativeSnapshot[] = []
  const take = (event: InitiativeEvent): boolean => {
    const after = step(snapshot, event)
    if (after === snapshot) return false
    events.push(event)
    befores.push(snapshot)
    snapshot = after
    return true
  }
  const content = snapshot.context.content
  const changed = content === null ? null : amended(graph, content, warning)
  const sponsor = snapshot.context.sponsor
  if (changed === null || sponsor === null) return checkPhrase('reroute.noContent', {})
  const revision = snapshot.context.revision.hash
  if (!take({ type: 'AMEND', by: sponsor, at: snapshot.context.now, content: changed }))
    return checkPhrase('reroute.amendRefused', {})
  if (snapshot.context.revision.hash !== revision) return checkPhrase('reroute.newRevision', {})
  // The remaining holders approve, one decision at a time, until the initiative is approved.
  const approves = graph.alphabet.filter(
    (e) => e.type === 'DECIDE' && e.role === 'holder' && e.variant === 'approve' && e.expected,
  )
  for (let round = 0; snapshot.context.approvedAt === null && round < approves.length; round++) {
    const progressed = approves.some((e) => {
      const review = reviewOf(snapshot.value)
      const key = graph.policy.keys[e.key]
      if (review === null || key === undefined || review[key.id] !== 'pending') return false
      const event = instantiate(graph.alphabetContext, e, snapshot.value, snapshot.context)
      return event !== null && take(event)
    })
    if (!progressed) break
  }
  if (snapshot.context.track !== warning.after.track)
    return checkPhrase('reroute.notRouted', { track: warning.after.track })
  const prefix = counterexampleOf(graph, s, '', { under })
  return {
    approvals,
    counterexample: {
      steps: [...prefix.steps, ...stepsOf(graph.policy, events, befores, prefix.steps.length + 1)],
      notes: [],
    },
  }
}
