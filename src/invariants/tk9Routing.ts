import type { Policy } from '../policy/PolicySchema.js'
import type { InitiativeSnapshotLike, InvariantStep, StepInvariant, Violation } from './Invariant.js'
import { expectedTrack, quoteIds, ROLLOUT_STAGES, stageOf } from './restated.js'

/** What the rollout of a track waits on: the named regions (regional), destinations (export). */
function targetsOf(snapshot: InitiativeSnapshotLike): string[] {
  const { track, content } = snapshot.context
  const scope = content?.scope
  if (track === 'regional' && scope?.kind === 'regional') return scope.regions
  if (track === 'export' && scope?.kind === 'export') return scope.destinations
  return []
}

function checkTrack(policy: Policy, { event, after }: InvariantStep): Violation[] {
  const { context } = after
  const stage = stageOf(after)
  const routed = ROLLOUT_STAGES.includes(stage) || (stage === 'completed' && context.approvedAt !== null)
  if (!routed && context.track === null) return []
  const violations: Violation[] = []
  const expected = expectedTrack(policy, context)
  if (context.track !== expected) {
    violations.push({
      id: 'TK9',
      message: `the initiative took track "${context.track}" but its routing rules give "${expected}" for objective "${context.content?.objective}" and scope "${context.content?.scope.kind}"`,
      event,
    })
  }
  if (ROLLOUT_STAGES.includes(stage) && stage !== `${context.track}Rollout`) {
    violations.push({
      id: 'TK9',
      message: `the initiative is in "${stage}" but its track is "${context.track}"`,
      event,
    })
  }
  const scope = context.content?.scope
  if ((context.track === 'export' || stage === 'exportRollout') && scope?.kind === 'export') {
    const unfriendly = scope.destinations.filter((d) => !policy.friendlyDestinations.includes(d))
    if (unfriendly.length > 0) {
      violations.push({
        id: 'TK9',
        message: `export goes to ${quoteIds(unfriendly)}, not on the friendly-destinations list`,
        event,
      })
    }
  }
  if (stage === 'completed' && (context.track === 'regional' || context.track === 'export')) {
    const waiting = targetsOf(after).filter((t) => !(t in context.responses))
    if (waiting.length > 0) {
      violations.push({
        id: 'TK9',
        message: `the ${context.track} rollout completed without an answer from ${quoteIds(waiting)}`,
        event,
      })
    }
  }
  return violations
}

function checkResponses(policy: Policy, { before, event, after }: InvariantStep): Violation[] {
  const violations: Violation[] = []
  const targets = targetsOf(after)
  const { responses, track, sponsor } = after.context
  for (const target of Object.keys(responses)) {
    if (!targets.includes(target)) {
      violations.push({
        id: 'TK9',
        message: `"${target}" answered, but the ${track ?? 'un-routed'} rollout reaches only ${quoteIds(targets)}`,
        event,
      })
    }
    const was = before.context.responses[target]
    if (was === responses[target]) continue
    if (was !== undefined) {
      violations.push({
        id: 'TK9',
        message: `"${target}" answered twice (${was} → ${responses[target]})`,
        event,
      })
      continue
    }
    if (track === 'regional') {
      const governor = policy.regions.find((r) => r.id === target)?.governor
      const byGovernor =
        event.type === 'RESPOND' &&
        event.region === target &&
        event.by === governor &&
        event.accept === responses[target]
      if (!byGovernor) {
        violations.push({
          id: 'TK9',
          message: `region "${target}" answered through a ${event.type}${'by' in event ? ` by "${event.by}"` : ''}; only its governor "${governor}" may answer for it`,
          event,
        })
      }
    }
    if (track === 'export') {
      const bySponsor =
        event.type === 'DESTINATION' &&
        event.destination === target &&
        event.by === sponsor &&
        event.agreed === responses[target]
      if (!bySponsor) {
        violations.push({
          id: 'TK9',
          message: `destination "${target}" was recorded through a ${event.type}${'by' in event ? ` by "${event.by}"` : ''}, not by the sponsor "${sponsor}"`,
          event,
        })
      }
    }
  }
  return violations
}

/**
 * TK9 routing: a routed initiative is on the track of the first routing rule matching its
 * objective and scope kind, in that track's rollout; export goes only to friendly
 * destinations; answers come only from the named regions (each by its own governor, once) or
 * destinations (recorded by the sponsor), and a regional or export rollout completes only
 * when every one has answered.
 */
export const tk9Routing: StepInvariant = {
  id: 'TK9',
  name: 'routing',
  statement:
    'an approved initiative takes exactly the track its rules give; export goes only to friendly destinations; regional rollout reaches only the named regions, each accepted by its own governor',
  scope: 'step',
  check(policy, step) {
    return [...checkTrack(policy, step), ...checkResponses(policy, step)]
  },
}
