import { DAY_MS } from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { Policy } from '../policy/PolicySchema.js'

/** The review region of a state value, when the initiative is in review. */
export function reviewOf(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null) return null
  const open = (value as { open?: unknown }).open
  if (typeof open !== 'object' || open === null) return null
  const review = (open as { review?: unknown }).review
  return typeof review === 'object' && review !== null ? (review as Record<string, unknown>) : null
}

/**
 * The instants ahead at which something a guard reads changes, as the explorer's clock sees
 * them. Time moves only by ticks to these instants, so between two of them nothing changes.
 */
export interface Timeline {
  /** The last instant the current review can still matter: the window's end, plus the plenary when it is still to come. */
  horizon: number
  /** When the review window (or the plenary) closes; null outside review. */
  window: number | null
  /** The first instant at which the earliest approval that counts stops being fresh (within the horizon). */
  expiry: number | null
  /** The next start or end of a delegation window. */
  delegation: number | null
}

/** The first instant an approval given at `at` no longer counts (TK7); lifetimes are inclusive. */
export const expiryOf = (policy: Policy, at: number): number =>
  policy.approvals.lifetimeDays === null
    ? Number.POSITIVE_INFINITY
    : at + policy.approvals.lifetimeDays * DAY_MS + 1

/**
 * The timeline of a snapshot: its horizon and the next instant of each kind. In review the
 * horizon is the window's end (plus the plenary when the policy escalates and has not yet), and
 * no tick goes past it, so an approval whose expiry lies beyond it stays fresh for as long as
 * its revision is reviewed.
 */
export function timelineOf(policy: Policy, value: unknown, context: InitiativeContext): Timeline {
  const now = context.now
  const review = reviewOf(value)
  let horizon = Number.POSITIVE_INFINITY
  let window: number | null = null
  let expiry: number | null = null
  if (review !== null && context.deadline !== null) {
    const plenaryAhead =
      policy.review.onClose === 'plenary' && review.window === 'open' && context.escalatedAt === null
    horizon = context.deadline + (plenaryAhead ? policy.review.plenaryDays * DAY_MS : 0)
    window = Math.max(context.deadline, now)
    if (policy.approvals.lifetimeDays !== null) {
      const hash = context.revision.hash
      for (const d of context.decisions) {
        if (d.decision !== 'approve' || d.revokedAt !== undefined || d.revision !== hash) continue
        const e = expiryOf(policy, d.at)
        if (e > now && e <= horizon && (expiry === null || e < expiry)) expiry = e
      }
    }
  }
  let delegation: number | null = null
  // After approval no rule reads a delegation again (the abstract key drops them): no tick to one.
  if (context.approvedAt === null)
    for (const d of context.delegations) {
      for (const t of [d.from, d.until]) {
        if (t > now && t <= horizon && (delegation === null || t < delegation)) delegation = t
      }
    }
  return { horizon, window, expiry, delegation }
}
