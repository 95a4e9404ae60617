import { checkPhrase } from '../../machines/checkPhrases.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { InvariantStep, StepInvariant, Violation } from './Invariant.js'
import type { Recorded } from './Recorded.js'
import { expectedTrack, ROLLOUT_STAGES, stageOf } from './restated.js'
import { said } from './said.js'

/**
 * What a rollout of `track` waits on, by the recorded content: the named regions or destinations,
 * or the named ministries where the policy has ministries accept a federal rollout.
 */
function targetsOf(policy: Policy, r: Recorded, track: string | null): string[] {
  const scope = r.content?.scope
  if (track === 'regional' && scope?.kind === 'regional') return scope.regions
  if (track === 'export' && scope?.kind === 'export') return scope.destinations
  if (track === 'federal' && scope?.kind === 'federal' && policy.rollout?.federal === 'ministries') {
    return scope.ministries
  }
  return []
}

/** The track an answer belongs to, by its event type. */
const TRACK_OF_ANSWER = { RESPOND: 'regional', MINISTRY: 'federal', DESTINATION: 'export' } as const

/** The track the state under test claims: its rollout state's, else the one it reports. */
function claimedTrack(stage: string, reported: string | null): string | null {
  return ROLLOUT_STAGES.includes(stage) ? stage.replace('Rollout', '') : reported
}

function checkTrack(policy: Policy, { event, after, recorded }: InvariantStep): Violation[] {
  const r = recorded.after
  const stage = stageOf(after)
  const reported = after.context.track
  const routed = ROLLOUT_STAGES.includes(stage) || stage === 'completed'
  if (!routed && reported === null) return []
  const violations: Violation[] = []
  const expected = expectedTrack(policy, r.content)
  const track = claimedTrack(stage, reported)
  if (track !== expected) {
    violations.push({
      id: 'TK9',
      ...said(
        checkPhrase('tk9.wrongTrack', {
          track: String(track),
          expected: String(expected),
          objective: String(r.content?.objective),
          scope: String(r.content?.scope.kind),
        }),
      ),
      event,
    })
  }
  if (ROLLOUT_STAGES.includes(stage) && reported !== track) {
    violations.push({
      id: 'TK9',
      ...said(checkPhrase('tk9.stageTrack', { stage, track: String(reported) })),
      event,
    })
  }
  const scope = r.content?.scope
  if ((track === 'export' || reported === 'export') && scope?.kind === 'export') {
    const unfriendly = scope.destinations.filter((d) => !policy.friendlyDestinations.includes(d))
    if (unfriendly.length > 0) {
      violations.push({
        id: 'TK9',
        ...said(checkPhrase('tk9.unfriendly', { destinations: unfriendly })),
        event,
      })
    }
  }
  if (stage === 'completed' && track !== null) {
    const answered = new Set(r.answers.map((a) => a.target))
    const waiting = targetsOf(policy, r, track).filter((t) => !answered.has(t))
    if (waiting.length > 0) {
      violations.push({
        id: 'TK9',
        ...said(checkPhrase('tk9.unanswered', { track, waiting })),
        event,
      })
    }
  }
  return violations
}

/** The answer the step recorded: in its track's rollout, for a target it names, once, by the right principal. */
function checkAnswer(policy: Policy, { event, recorded }: InvariantStep): Violation[] {
  if (event.type !== 'RESPOND' && event.type !== 'MINISTRY' && event.type !== 'DESTINATION') return []
  const answer = recorded.after.answers.at(-1)
  if (answer === undefined) return []
  const r = recorded.before
  const track = TRACK_OF_ANSWER[answer.type]
  const inRollout = answer.stage === `${track}Rollout`
  const targets = targetsOf(policy, r, track)
  const violations: Violation[] = []
  if (!inRollout) {
    violations.push({
      id: 'TK9',
      ...said(checkPhrase('tk9.outOfRollout', { target: answer.target, stage: answer.stage, track })),
      event,
    })
  } else if (!targets.includes(answer.target)) {
    violations.push({
      id: 'TK9',
      ...said(checkPhrase('tk9.notTarget', { target: answer.target, track, targets })),
      event,
    })
  }
  const earlier = r.answers.find((a) => a.target === answer.target && a.type === answer.type)
  if (earlier !== undefined) {
    violations.push({
      id: 'TK9',
      ...said(
        checkPhrase('tk9.twice', { target: answer.target, first: earlier.answer, second: answer.answer }),
      ),
      event,
    })
  }
  if (answer.type === 'RESPOND') {
    const governor = policy.regions.find((g) => g.id === answer.target)?.governor
    if (answer.by !== governor) {
      violations.push({
        id: 'TK9',
        ...said(
          governor === undefined
            ? checkPhrase('tk9.notRegion', { target: answer.target, by: answer.by })
            : checkPhrase('tk9.notGovernor', { region: answer.target, by: answer.by, governor }),
        ),
        event,
      })
    }
  } else if (answer.type === 'MINISTRY') {
    if (answer.by !== answer.target) {
      violations.push({
        id: 'TK9',
        ...said(checkPhrase('tk9.notMinistry', { ministry: answer.target, by: answer.by })),
        event,
      })
    }
  } else if (policy.rollout?.export === 'agencies') {
    const agency = policy.principals.some((p) => p.id === answer.by && p.roles.includes('agency'))
    if (!agency) {
      violations.push({
        id: 'TK9',
        ...said(checkPhrase('tk9.notAgency', { destination: answer.target, by: answer.by })),
        event,
      })
    }
  } else if (answer.by !== r.sponsor) {
    violations.push({
      id: 'TK9',
      ...said(
        checkPhrase('tk9.notSponsor', {
          destination: answer.target,
          by: answer.by,
          sponsor: String(r.sponsor),
        }),
      ),
      event,
    })
  }
  return violations
}

/**
 * TK9 routing: a routed initiative (its rollout state, or the track it reports) is on the track
 * of the first routing rule matching the recorded content's objective and scope kind; export
 * goes only to friendly destinations; every accepted answer is taken in its track's rollout,
 * for a region, ministry or destination the recorded content names, once, by that region's
 * governor, that ministry, or the sponsor (an agency, where the policy says so) for a
 * destination; and a rollout completes only when the recorded answers cover everyone it waits on.
 */
export const tk9Routing: StepInvariant = {
  id: 'TK9',
  name: 'routing',
  statement:
    'an approved initiative takes exactly the track its rules give; export goes only to friendly destinations; regional rollout reaches only the named regions, each accepted by its own governor',
  scope: 'step',
  check(policy, step) {
    return [...checkTrack(policy, step), ...checkAnswer(policy, step)]
  },
}
