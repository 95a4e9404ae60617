import type { InitiativeContent } from '../domain/InitiativeContent.js'
import { keyApplies } from './condition.js'
import type { Policy, Rollout, Track } from './PolicySchema.js'

/** A body a key may bring in: the role of the principals who answer a rollout. */
export type BodyRole = 'ministry' | 'governor' | 'agency'

/** Who carries each track out, with the defaults filled in (a policy may leave `rollout` out). */
export function rolloutOf(policy: Policy): Rollout {
  return { federal: policy.rollout?.federal ?? 'sponsor', export: policy.rollout?.export ?? 'sponsor' }
}

/**
 * The role of the bodies that answer a rollout of `track`, or null when the sponsor carries it
 * out: governors answer for their regions; ministries for a federal rollout, and agencies for
 * destinations, where the policy's `rollout` says so.
 */
export function answeringRole(policy: Policy, track: Track): BodyRole | null {
  if (track === 'regional') return 'governor'
  if (track === 'federal') return rolloutOf(policy).federal === 'ministries' ? 'ministry' : null
  return rolloutOf(policy).export === 'agencies' ? 'agency' : null
}

/** Whether the policy models reach at all: some key says which bodies it brings in. */
export function reachModelled(policy: Policy): boolean {
  return policy.keys.some((k) => k.reach !== undefined)
}

/**
 * The bodies the keys that approve `content` bring in: the reach of every key that applies to
 * it (a waived key was not turned, so it brings no one in). Sorted, without repeats.
 */
export function reachFor(policy: Policy, content: InitiativeContent | null): BodyRole[] {
  const roles = new Set<BodyRole>()
  for (const key of policy.keys) {
    if (keyApplies(key, content)) for (const role of key.reach ?? []) roles.add(role)
  }
  return [...roles].sort()
}

/**
 * Whether `principal` may answer a rollout of `content` as a body of `role`: it has that role,
 * and, where the policy models reach, a key that approved the content brings that role in.
 */
export function answersWithinReach(
  policy: Policy,
  content: InitiativeContent | null,
  principal: string,
  role: BodyRole,
): boolean {
  if (!reachModelled(policy)) return true
  return hasRole(policy, principal, role) && reachFor(policy, content).includes(role)
}

export function hasRole(policy: Policy, principal: string, role: BodyRole): boolean {
  return policy.principals.some((p) => p.id === principal && p.roles.includes(role))
}
