import { DAY_MS } from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import { type AbstractEvent, EPOCH, INITIATIVE_ID, STALE_REVISION } from './AbstractEvent.js'
import type { Cast } from './cast.js'
import { type AmendmentKind, amendedContent, type ContentBranch } from './contents.js'
import { timelineOf } from './timeline.js'

/** What `instantiate` needs besides the event: the policy, the branches and the cast. */
export interface AlphabetContext {
  policy: Policy
  branches: readonly ContentBranch[]
  cast: Cast
}

/**
 * The concrete machine event `event` stands for in a snapshot, or null when it does not apply
 * there (the sponsor before a proposal, a tick with nothing ahead, an answer for a region the
 * initiative does not name).
 */
export function instantiate(
  { policy, branches, cast }: AlphabetContext,
  event: AbstractEvent,
  value: unknown,
  context: InitiativeContext,
): InitiativeEvent | null {
  // The explorer's clock starts at EPOCH with the proposal.
  const at = event.type === 'PROPOSE' ? Math.max(context.now, EPOCH) : context.now
  const by = event.actor ?? context.sponsor
  if (event.type === 'TICK') {
    const timeline = timelineOf(policy, value, context)
    const t = timeline[event.variant as 'window' | 'expiry' | 'delegation']
    return t === null ? null : { type: 'TICK', at: t }
  }
  if (by === null) return null
  const key = policy.keys[event.key]
  switch (event.type) {
    case 'PROPOSE': {
      const [scope, invalid] = event.variant.split(':')
      const branch = branches.find((b) => b.name === scope)
      if (branch === undefined) return null
      const content = invalid === undefined ? branch.content : branch.invalid
      return { type: 'PROPOSE', by, at, id: INITIATIVE_ID, content }
    }
    case 'SUBMIT':
    case 'WITHDRAW':
    case 'COMPLETE':
      return { type: event.type, by, at }
    case 'AMEND': {
      if (context.content === null) return null
      const content = amendedContent(policy, context.content, event.variant as AmendmentKind)
      return content === null ? null : { type: 'AMEND', by, at, content }
    }
    case 'DECIDE': {
      if (key === undefined) return null
      const stale = event.variant === 'approve-stale'
      return {
        type: 'DECIDE',
        by,
        at,
        key: key.id,
        revision: stale ? STALE_REVISION : context.revision.hash,
        decision: event.variant === 'refuse' ? 'refuse' : 'approve',
      }
    }
    case 'REVOKE':
      return key === undefined ? null : { type: 'REVOKE', by, at, key: key.id }
    case 'DELEGATE': {
      if (key === undefined) return null
      const days = key.deputies.maxDays ?? 1
      const deputyOf = cast.deputies[event.key] ?? cast.outsider
      const window = (from: number, length: number) => ({ from, until: from + length })
      const plan: Record<string, { deputy: string; from: number; until: number } | null> = {
        valid: { deputy: deputyOf, ...window(at, days * DAY_MS) },
        'too-long': { deputy: deputyOf, ...window(at, 2 * days * DAY_MS) },
        'to-sponsor':
          context.sponsor === null ? null : { deputy: context.sponsor, ...window(at, days * DAY_MS) },
        'to-outsider': { deputy: cast.outsider, ...window(at, days * DAY_MS) },
        'by-outsider': { deputy: deputyOf, ...window(at, days * DAY_MS) },
      }
      // Each holder names a deputy for a key at most once per initiative: enough to see a deputy
      // before, inside and after a window, and it keeps the clock on a coarse grid.
      if (context.delegations.some((d) => d.key === key.id && d.holder === by)) return null
      const dual = event.variant.startsWith('to-dual:') ? event.variant.slice('to-dual:'.length) : null
      const chosen = dual === null ? plan[event.variant] : { deputy: dual, ...window(at, days * DAY_MS) }
      return chosen === null || chosen === undefined
        ? null
        : { type: 'DELEGATE', by, at, key: key.id, ...chosen }
    }
    case 'RESPOND': {
      const scope = context.content?.scope
      const region =
        event.target < 0
          ? cast.strayGovernor?.region
          : scope?.kind === 'regional'
            ? scope.regions[event.target]
            : undefined
      if (region === undefined) return null
      const governor =
        event.role === 'governor' && event.target >= 0
          ? policy.regions.find((r) => r.id === region)?.governor
          : by
      if (governor === undefined) return null
      return { type: 'RESPOND', by: governor, at, region, accept: event.variant === 'accept' }
    }
    case 'PLENARY':
      return { type: 'PLENARY', by, at, vote: 'return' }
    case 'MINISTRY': {
      const scope = context.content?.scope
      const ministry =
        event.target < 0
          ? (cast.strayMinistry ?? undefined)
          : scope?.kind === 'federal'
            ? scope.ministries[event.target]
            : undefined
      if (ministry === undefined) return null
      return { type: 'MINISTRY', by, at, ministry, accept: event.variant === 'accept' }
    }
    case 'DESTINATION': {
      const scope = context.content?.scope
      const named = scope?.kind === 'export' ? scope.destinations : []
      const destination =
        event.target < 0 ? policy.friendlyDestinations.find((d) => !named.includes(d)) : named[event.target]
      if (destination === undefined) return null
      return { type: 'DESTINATION', by, at, destination, agreed: event.variant === 'agreed' }
    }
  }
}
