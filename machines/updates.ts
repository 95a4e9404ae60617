import { canonicalHash } from '../src/domain/canonicalHash.js'
import type { InitiativeContent } from '../src/domain/InitiativeContent.js'
import type { EventOf, InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import type { Policy, Track } from '../src/policy/PolicySchema.js'
import { DAY_MS, decisionInstitutions, findKey, seatFor } from './facts.js'
import type { InitiativeContext, Revision } from './InitiativeContext.js'

/**
 * The context updates the machine's actions apply. Each is a pure function from the context
 * and the event to the fields that change; the machine wraps them in `assign`.
 */
type Update<E extends InitiativeEvent = InitiativeEvent> = (
  policy: Policy,
  context: InitiativeContext,
  event: E,
) => Partial<InitiativeContext>

/** The revision hash covers the substantive fields only, so a typo fix keeps every approval. */
export function revisionHash(policy: Policy, id: string, n: number, content: InitiativeContent): string {
  const substantive = Object.fromEntries(policy.amendments.substantive.map((f) => [f, content[f] ?? null]))
  return canonicalHash({ initiative: id, revision: n, content: substantive })
}

const clock = (context: InitiativeContext, event: InitiativeEvent) => Math.max(context.now, event.at)

export const propose: Update<EventOf<'PROPOSE'>> = (policy, _context, event) => ({
  id: event.id,
  sponsor: event.by,
  content: event.content,
  revision: { n: 1, hash: revisionHash(policy, event.id, 1, event.content) },
  now: event.at,
})

export const advanceClock: Update = (_policy, context, event) => ({ now: clock(context, event) })

// The machine's clock never runs back: every time an update stores is at or after `context.now`.
export const openReviewWindow: Update = (policy, context, event) => ({
  now: clock(context, event),
  submittedAt: clock(context, event),
  deadline: clock(context, event) + policy.review.windowDays * DAY_MS,
  escalatedAt: null,
})

export const openPlenary: Update = (policy, context, event) => ({
  now: clock(context, event),
  deadline: (context.deadline ?? clock(context, event)) + policy.review.plenaryDays * DAY_MS,
  escalatedAt: clock(context, event),
})

/**
 * A substantive amendment makes a new revision, so every approval given so far stops counting
 * (TK5): its decisions are dropped, and the keys they approved are remembered as approved earlier.
 */
export const amend: Update<EventOf<'AMEND'>> = (policy, context, event) => {
  const changed = policy.amendments.substantive.some(
    (f) => JSON.stringify(context.content?.[f]) !== JSON.stringify(event.content[f]),
  )
  if (!changed) return { content: event.content, now: clock(context, event) }
  const n = context.revision.n + 1
  const revision: Revision = { n, hash: revisionHash(policy, context.id ?? '', n, event.content) }
  const approved = context.decisions
    .filter((d) => d.decision === 'approve' && d.revokedAt === undefined)
    .map((d) => d.key)
  return {
    content: event.content,
    revision,
    decisions: [],
    approvedEarlier: [...new Set([...context.approvedEarlier, ...approved])],
    now: clock(context, event),
  }
}

export const recordDecision: Update<EventOf<'DECIDE'>> = (policy, context, event) => {
  const key = findKey(policy, event.key)
  const at = clock(context, event)
  const seat = key === undefined ? event.by : (seatFor(context, key, event.by, at) ?? event.by)
  const decision = {
    key: event.key,
    by: event.by,
    seat,
    institutions: decisionInstitutions(policy, event.by, seat),
    revision: event.revision,
    decision: event.decision,
    at,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
  }
  return { decisions: [...context.decisions, decision], now: clock(context, event) }
}

export const revokeApproval: Update<EventOf<'REVOKE'>> = (policy, context, event) => {
  const key = findKey(policy, event.key)
  const seat = key === undefined ? null : seatFor(context, key, event.by, clock(context, event))
  return {
    decisions: context.decisions.map((d) =>
      d.key === event.key &&
      d.seat === seat &&
      d.decision === 'approve' &&
      d.revision === context.revision.hash &&
      d.revokedAt === undefined
        ? { ...d, revokedAt: clock(context, event) }
        : d,
    ),
    now: clock(context, event),
  }
}

export const recordDelegation: Update<EventOf<'DELEGATE'>> = (_policy, context, event) => ({
  delegations: [
    ...context.delegations,
    {
      key: event.key,
      holder: event.by,
      deputy: event.deputy,
      from: event.from,
      until: event.until,
      at: clock(context, event),
    },
  ],
  now: clock(context, event),
})

export const markApproved: Update = (_policy, context) => ({ approvedAt: context.now })

export const assignTrack =
  (track: Track): Update =>
  () => ({ track })

export const recordResponse: Update<EventOf<'RESPOND'> | EventOf<'MINISTRY'> | EventOf<'DESTINATION'>> = (
  _policy,
  context,
  event,
) => {
  const target =
    event.type === 'RESPOND' ? event.region : event.type === 'MINISTRY' ? event.ministry : event.destination
  const answer = event.type === 'DESTINATION' ? event.agreed : event.accept
  return { responses: { ...context.responses, [target]: answer }, now: clock(context, event) }
}

/** A member's vote to return, counted for the plenary session it was cast in. */
export const recordVote: Update<EventOf<'PLENARY'>> = (_policy, context, event) => ({
  // Kept sorted: the votes are a set, so two orders of the same votes are one state. A member votes
  // once a session (memberHasNotVoted), so no two votes tie.
  plenaryVotes: [...(context.plenaryVotes ?? []), { by: event.by, session: context.escalatedAt ?? 0 }].sort(
    (a, b) => a.session - b.session || (a.by < b.by ? -1 : 1),
  ),
  now: clock(context, event),
})

export const close: Update = (_policy, context, event) => ({
  now: clock(context, event),
  closedAt: clock(context, event),
})
