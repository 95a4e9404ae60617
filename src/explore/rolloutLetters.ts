import type { Policy, Track } from '../policy/PolicySchema.js'
import type { EventRole, LetterDraft } from './AbstractEvent.js'
import type { Cast } from './cast.js'
import type { ContentBranch } from './contents.js'

/** What the rollout letters depend on: the policy, its branches, the cast, the tracks routed to. */
export interface RolloutSetting {
  policy: Policy
  branches: readonly ContentBranch[]
  cast: Cast
  tracks: ReadonlySet<Track>
}

/** Each named region's governor accepts or declines (an outsider and a governor of a region not named try to). */
export function regionLetters({ policy, branches, cast, tracks }: RolloutSetting): LetterDraft[] {
  const events: LetterDraft[] = []
  const regional = branches.find((b) => b.content.scope.kind === 'regional')
  if (regional !== undefined && regional.content.scope.kind === 'regional') {
    regional.content.scope.regions.forEach((region, i) => {
      const governor = policy.regions.find((r) => r.id === region)?.governor ?? cast.outsider
      for (const accept of [true, false]) {
        events.push({
          type: 'RESPOND',
          role: 'governor',
          actor: governor,
          key: -1,
          target: i,
          variant: accept ? 'accept' : 'decline',
          label: `governor ${governor} ${accept ? 'accepts' : 'declines'} rollout in ${region}`,
          expected: tracks.has('regional'),
        })
      }
      if (i === 0) {
        events.push({
          type: 'RESPOND',
          role: 'outsider',
          actor: cast.outsider,
          key: -1,
          target: 0,
          variant: 'accept',
          label: `outsider ${cast.outsider} accepts rollout in ${region}`,
          expected: false,
        })
      }
    })
    if (cast.strayGovernor !== null) {
      events.push({
        type: 'RESPOND',
        role: 'governor',
        actor: cast.strayGovernor.id,
        key: -1,
        target: -1,
        variant: 'accept',
        label: `governor ${cast.strayGovernor.id} accepts rollout in ${cast.strayGovernor.region}, which is not named`,
        expected: false,
      })
    }
  }
  return events
}

/** Each named ministry accepts or declines the federal rollout (an outsider and a ministry not named try to). */
export function ministryLetters({ branches, cast, tracks }: RolloutSetting): LetterDraft[] {
  const events: LetterDraft[] = []
  const federal = branches.find((b) => b.content.scope.kind === 'federal')
  if (federal !== undefined && federal.content.scope.kind === 'federal') {
    federal.content.scope.ministries.forEach((ministry, i) => {
      for (const accept of [true, false]) {
        events.push({
          type: 'MINISTRY',
          role: 'ministry',
          actor: ministry,
          key: -1,
          target: i,
          variant: accept ? 'accept' : 'decline',
          label: `ministry ${ministry} ${accept ? 'accepts' : 'declines'} the federal rollout`,
          expected: tracks.has('federal'),
        })
      }
      if (i === 0) {
        events.push({
          type: 'MINISTRY',
          role: 'outsider',
          actor: cast.outsider,
          key: -1,
          target: 0,
          variant: 'accept',
          label: `outsider ${cast.outsider} accepts the federal rollout for ${ministry}`,
          expected: false,
        })
      }
    })
    if (cast.strayMinistry !== null) {
      events.push({
        type: 'MINISTRY',
        role: 'ministry',
        actor: cast.strayMinistry,
        key: -1,
        target: -1,
        variant: 'accept',
        label: `ministry ${cast.strayMinistry}, which the initiative does not name, accepts the federal rollout`,
        expected: false,
      })
    }
  }
  return events
}

/** Whoever records export destinations records one agreed or declined; the others try to. */
export function destinationLetters({ policy, branches, cast, tracks }: RolloutSetting): LetterDraft[] {
  const events: LetterDraft[] = []
  if (branches.some((b) => b.content.scope.kind === 'export')) {
    // Whoever records destinations (the sponsor, or an agency), and the other as an intruder.
    const recorders: [EventRole, string | null, boolean][] = [
      ['sponsor', null, cast.agency === null],
      ...(cast.agency === null ? [] : ([['agency', cast.agency, true]] as [EventRole, string, boolean][])),
    ]
    for (const [role, actor, records] of recorders) {
      for (const agreed of [true, false]) {
        events.push({
          type: 'DESTINATION',
          role,
          actor,
          key: -1,
          target: 0,
          variant: agreed ? 'agreed' : 'declined',
          label: `${actor === null ? 'the sponsor' : `agency ${actor}`} records that the destination ${agreed ? 'agreed' : 'declined'}`,
          expected: tracks.has('export') && records,
        })
      }
    }
    events.push({
      type: 'DESTINATION',
      role: 'outsider',
      actor: cast.outsider,
      key: -1,
      target: 0,
      variant: 'agreed',
      label: `outsider ${cast.outsider} records that the destination agreed`,
      expected: false,
    })
    if (policy.friendlyDestinations.length > 1) {
      events.push({
        type: 'DESTINATION',
        role: 'sponsor',
        actor: null,
        key: -1,
        target: -1,
        variant: 'agreed',
        label: 'the sponsor records a friendly destination the initiative does not name',
        expected: false,
      })
    }
  }
  return events
}
