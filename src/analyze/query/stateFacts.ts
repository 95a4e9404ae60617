import { type Phase, phaseOf } from '../../../machines/describeState.js'
import { DAY_MS } from '../../../machines/facts.js'
import type { InitiativeContext } from '../../../machines/InitiativeContext.js'
import { keyBoard } from '../../engine/keyBoard.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import { fieldValue } from '../../policy/condition.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { QueryKeyStatus } from './queryFields.js'

/** One key's facts: its status, and for a turned key who turned it and in which capacity. */
export interface KeyFacts {
  status: QueryKeyStatus
  /** The principals whose approvals turned it (one per seat); empty unless turned. */
  by: string[]
  /** `deputy` when some approval that turned it came from a deputy, else `holder`; null unless turned. */
  as: 'deputy' | 'holder' | null
}

/** What a query reads of a state (null: the initiative has no such fact yet). */
export interface StateFacts {
  phase: Phase
  /**
   * `yes` once the initiative was approved (it is then in rollout, completed, or — only where no
   * routing rule matches — still `approved`: the machine routes an approved initiative in the same step).
   */
  approved: 'yes' | 'no'
  track: string | null
  /** The revision number (1 from the proposal; 0 before it). */
  revision: number
  keys: Record<string, KeyFacts>
  keys_turned: number
  /** How many keys were turned with a deputy's approval. */
  deputies: number
  /** Days since the latest submission at the state's instant; null before the first submission. */
  days: number | null
  budget: number | null
  objective: string | null
  scope: string | null
  regions: number | null
  destinations: number | null
}

/**
 * The facts of one snapshot, from the key board (`keyBoard`) and the context: a key is `none`
 * before the initiative was ever submitted, and its `by` and `as` say who turned it.
 *
 * @example
 * stateFacts(policy, snapshot).keys['presidential-administration'] // { status: 'turned', by: ['pa-aide'], as: 'deputy' }
 */
export function stateFacts(policy: Policy, snapshot: InitiativeSnapshot): StateFacts {
  const context = snapshot.context as InitiativeContext
  const phase = phaseOf(snapshot)
  const board = keyBoard(policy, snapshot, context.now)
  const keys: Record<string, KeyFacts> = {}
  for (const line of board.keys) {
    const neverAsked = context.submittedAt === null
    const turned = !neverAsked && line.status === 'turned'
    keys[line.key] = {
      status: neverAsked ? 'none' : line.status,
      by: turned ? line.approvals.map((a) => a.by) : [],
      as: turned ? (line.approvals.some((a) => a.by !== a.seat) ? 'deputy' : 'holder') : null,
    }
  }
  const all = Object.values(keys)
  const content = context.content
  const field = (name: 'budget' | 'objective' | 'scope' | 'regions' | 'destinations') =>
    content === null ? null : fieldValue(content, name)
  return {
    phase,
    approved: context.approvedAt === null ? 'no' : 'yes',
    track: context.track,
    revision: context.revision.n,
    keys,
    keys_turned: all.filter((k) => k.status === 'turned').length,
    deputies: all.filter((k) => k.as === 'deputy').length,
    days: context.submittedAt === null ? null : (context.now - context.submittedAt) / DAY_MS,
    budget: field('budget') as number | null,
    objective: field('objective') as string | null,
    scope: field('scope') as string | null,
    regions: field('regions') as number | null,
    destinations: field('destinations') as number | null,
  }
}
