import { DAY_MS } from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeContent } from '../domain/InitiativeContent.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { EPOCH, STALE_REVISION } from '../explore/alphabet.js'
import { reviewOf } from '../explore/timeline.js'
import type { Policy } from '../policy/PolicySchema.js'

/** "day 14", "day 30 + 1 ms": a time of the explorer's clock, counted from the proposal (`EPOCH`). */
export function formatDay(time: number): string {
  const at = time - EPOCH
  const days = Math.floor(at / DAY_MS)
  const rest = at - days * DAY_MS
  if (rest === 0) return `day ${days}`
  const h = Math.floor(rest / 3_600_000)
  const m = Math.floor((rest % 3_600_000) / 60_000)
  const ms = rest % 60_000
  const parts = [
    h > 0 ? `${h} h` : '',
    m > 0 ? `${m} min` : '',
    ms > 0 ? (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`) : '',
  ]
  return `day ${days} + ${parts.filter((p) => p !== '').join(' ')}`
}

const scopeWords = (content: InitiativeContent) => {
  const scope = content.scope
  if (scope.kind === 'regional')
    return `a regional ${content.objective} initiative for ${scope.regions.join(' and ')}`
  if (scope.kind === 'export')
    return `an ${content.objective} initiative exporting to ${scope.destinations.join(' and ')}`
  return `a federal ${content.objective} initiative`
}

/**
 * One event in words, as a counterexample step prints it: who did what. `before` is the
 * snapshot the event was sent to (for what an amendment changed and what a tick passed).
 *
 * @example
 * describeEvent(policy, { type: 'DECIDE', by: 'oreshkin', key: 'government-apparatus', decision: 'approve', … }, snapshot)
 * // 'oreshkin approves government-apparatus'
 */
export function describeEvent(
  policy: Policy,
  event: InitiativeEvent,
  { value, context: before }: { value: unknown; context: InitiativeContext },
): string {
  switch (event.type) {
    case 'PROPOSE':
      return `${event.by} proposes ${scopeWords(event.content)}`
    case 'SUBMIT':
      return `${event.by} submits it for review`
    case 'AMEND': {
      const old = before.content
      const changed =
        old === null
          ? []
          : (['title', 'summary', 'objective', 'scope', 'budget'] as const).filter(
              (f) => JSON.stringify(old[f]) !== JSON.stringify(event.content[f]),
            )
      const substantive = changed.some((f) => policy.amendments.substantive.includes(f))
      const what = changed.includes('scope')
        ? `the scope to ${scopeWords(event.content)}`
        : `the ${changed.join(' and ') || 'content'}`
      return `${event.by} amends ${what} (${substantive ? 'substantive' : 'not substantive'})`
    }
    case 'DECIDE': {
      const verb = event.decision === 'approve' ? 'approves' : 'refuses'
      const stale = event.revision === STALE_REVISION || event.revision !== before.revision.hash
      return `${event.by} ${verb} ${event.key}${stale ? ' on a revision that is not the current one' : ''}`
    }
    case 'REVOKE':
      return `${event.by} revokes their approval of ${event.key}`
    case 'DELEGATE':
      return `${event.by} names ${event.deputy} deputy for ${event.key} from ${formatDay(event.from)} to ${formatDay(event.until)} (${(
        (event.until - event.from) / DAY_MS
      ).toFixed(
        0,
      )} days; the policy allows ${policy.keys.find((k) => k.id === event.key)?.deputies.maxDays ?? 0})`
    case 'WITHDRAW':
      return `${event.by} withdraws the initiative`
    case 'TICK': {
      const passed: string[] = []
      const review = reviewOf(value)
      if (review !== null && before.deadline !== null && before.deadline <= event.at) {
        passed.push(review.window === 'open' ? 'the review window closes' : 'the plenary session ends')
      }
      const lifetime = policy.approvals.lifetimeDays
      if (lifetime !== null) {
        for (const d of before.decisions) {
          const expiry = d.at + lifetime * DAY_MS
          if (d.decision !== 'approve' || d.revokedAt !== undefined || d.revision !== before.revision.hash)
            continue
          if (expiry >= before.now && expiry < event.at) passed.push(`${d.by}'s approval of ${d.key} expires`)
        }
      }
      for (const d of before.delegations) {
        if (d.from > before.now && d.from <= event.at)
          passed.push(`${d.deputy}'s delegation for ${d.key} begins`)
        if (d.until > before.now && d.until <= event.at)
          passed.push(`${d.deputy}'s delegation for ${d.key} ends`)
      }
      return `time passes${passed.length > 0 ? `: ${passed.join(', ')}` : ''}`
    }
    case 'RESPOND':
      return `${event.by} ${event.accept ? 'accepts' : 'declines'} the rollout in ${event.region}`
    case 'MINISTRY':
      return `${event.by} ${event.accept ? 'accepts' : 'declines'} the federal rollout for ${event.ministry}`
    case 'PLENARY':
      return `${event.by} votes in the plenary to return it to its sponsor`
    case 'DESTINATION':
      return `${event.by} records that ${event.destination} ${event.agreed ? 'agreed' : 'declined'}`
    case 'COMPLETE':
      return `${event.by} completes the rollout`
  }
}
