import { type CheckPhrase, checkPhrase, dayWords, sayCheck } from '../../machines/checkPhrases.js'
import { DAY_MS } from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { InitiativeContent } from '../domain/InitiativeContent.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { EPOCH, STALE_REVISION } from '../explore/alphabet.js'
import { reviewOf } from '../explore/timeline.js'
import type { Policy } from '../policy/PolicySchema.js'

/** "day 14", "day 30 + 1 ms": a time of the explorer's clock, counted from the proposal (`EPOCH`). */
export function formatDay(time: number): string {
  return dayWords(time - EPOCH)
}

const scopePhrase = (content: InitiativeContent): CheckPhrase => {
  const scope = content.scope
  if (scope.kind === 'regional')
    return checkPhrase('scope.regional', { objective: content.objective, regions: scope.regions })
  if (scope.kind === 'export')
    return checkPhrase('scope.export', { objective: content.objective, destinations: scope.destinations })
  return checkPhrase('scope.federal', { objective: content.objective })
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
  before: { value: unknown; context: InitiativeContext },
): string {
  return sayCheck(eventPhrase(policy, event, before))
}

/**
 * One event as a phrase, for any language (`sayCheck(phrase, CHECK_WORDS_RU)`); `describeEvent`
 * is its English.
 *
 * @example
 * sayCheck(eventPhrase(policy, submit, snapshot), CHECK_WORDS_RU) // 'minzifry подаёт на рассмотрение'
 */
export function eventPhrase(
  policy: Policy,
  event: InitiativeEvent,
  { value, context: before }: { value: unknown; context: InitiativeContext },
): CheckPhrase {
  switch (event.type) {
    case 'PROPOSE':
      return checkPhrase('step.propose', { by: event.by, scope: scopePhrase(event.content) })
    case 'SUBMIT':
      return checkPhrase('step.submit', { by: event.by })
    case 'AMEND': {
      const old = before.content
      const changed =
        old === null
          ? []
          : (['title', 'summary', 'objective', 'scope', 'budget'] as const).filter(
              (f) => JSON.stringify(old[f]) !== JSON.stringify(event.content[f]),
            )
      const substantive = changed.some((f) => policy.amendments.substantive.includes(f))
      return checkPhrase('step.amend', {
        by: event.by,
        fields: changed,
        scope: changed.includes('scope') ? scopePhrase(event.content) : null,
        substantive,
      })
    }
    case 'DECIDE': {
      const stale = event.revision === STALE_REVISION || event.revision !== before.revision.hash
      return checkPhrase('step.decide', { by: event.by, key: event.key, decision: event.decision, stale })
    }
    case 'REVOKE':
      return checkPhrase('step.revoke', { by: event.by, key: event.key })
    case 'DELEGATE':
      return checkPhrase('step.delegate', {
        by: event.by,
        deputy: event.deputy,
        key: event.key,
        from: event.from - EPOCH,
        until: event.until - EPOCH,
        maxDays: policy.keys.find((k) => k.id === event.key)?.deputies.maxDays ?? 0,
      })
    case 'WITHDRAW':
      return checkPhrase('step.withdraw', { by: event.by })
    case 'TICK': {
      const passed: CheckPhrase[] = []
      const review = reviewOf(value)
      if (review !== null && before.deadline !== null && before.deadline <= event.at) {
        passed.push(checkPhrase(review.window === 'open' ? 'passes.window' : 'passes.plenary', {}))
      }
      const lifetime = policy.approvals.lifetimeDays
      if (lifetime !== null) {
        for (const d of before.decisions) {
          const expiry = d.at + lifetime * DAY_MS
          if (d.decision !== 'approve' || d.revokedAt !== undefined || d.revision !== before.revision.hash)
            continue
          if (expiry >= before.now && expiry < event.at)
            passed.push(checkPhrase('passes.expiry', { by: d.by, key: d.key }))
        }
      }
      for (const d of before.delegations) {
        if (d.from > before.now && d.from <= event.at)
          passed.push(checkPhrase('passes.delegationBegins', { deputy: d.deputy, key: d.key }))
        if (d.until > before.now && d.until <= event.at)
          passed.push(checkPhrase('passes.delegationEnds', { deputy: d.deputy, key: d.key }))
      }
      return checkPhrase('step.tick', { passed })
    }
    case 'RESPOND':
      return checkPhrase('step.respond', { by: event.by, accept: event.accept, region: event.region })
    case 'MINISTRY':
      return checkPhrase('step.ministry', { by: event.by, accept: event.accept, ministry: event.ministry })
    case 'PLENARY':
      return checkPhrase('step.plenary', { by: event.by })
    case 'DESTINATION':
      return checkPhrase('step.destination', {
        by: event.by,
        destination: event.destination,
        agreed: event.agreed,
      })
    case 'COMPLETE':
      return checkPhrase('step.complete', { by: event.by })
  }
}
