import type { Policy } from '../src/policy/PolicySchema.js'
import { DAY_MS } from './facts.js'
import type { InitiativeContext } from './InitiativeContext.js'

/** The first instant an approval given at `givenAt` no longer counts (TK7); lifetimes are inclusive. */
export function approvalExpiry(policy: Policy, givenAt: number): number {
  return policy.approvals.lifetimeDays === null
    ? Number.POSITIVE_INFINITY
    : givenAt + policy.approvals.lifetimeDays * DAY_MS + 1
}

/**
 * The instants at which a `TICK` may change an initiative's state, in time order: the close of
 * the review window or plenary (`deadline`) and the expiry of each approval that counts now.
 * Delegation ends are not among them: a guard reads a delegation only when someone acts, at
 * that actor's own time, so its end never changes the state by itself.
 */
export function dueInstants(policy: Policy, context: InitiativeContext): number[] {
  const instants: number[] = []
  if (context.deadline !== null) instants.push(context.deadline)
  if (policy.approvals.lifetimeDays !== null) {
    for (const d of context.decisions) {
      if (d.decision === 'approve' && d.revokedAt === undefined && d.revision === context.revision.hash) {
        instants.push(approvalExpiry(policy, d.at))
      }
    }
  }
  return instants.sort((a, b) => a - b)
}
