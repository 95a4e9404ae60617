import type { Decision, InitiativeContext } from '../../machines/InitiativeContext.js'
import type { Key, Policy, Track } from '../policy/PolicySchema.js'
import type { InitiativeSnapshotLike, InvariantStep } from './Invariant.js'

// These restate what the rules mean from the recorded facts and the policy. They deliberately
// share no code with machines/rules.ts or machines/facts.ts: a bug in a guard must not hide here.

export const DAY_MS = 86_400_000

export function keyById(policy: Policy, id: string): Key | undefined {
  return policy.keys.find((k) => k.id === id)
}

/** Every institution a principal belongs to or is affiliated with; none for an unknown id. */
export function institutionsOf(policy: Policy, principalId: string): string[] {
  const p = policy.principals.find((x) => x.id === principalId)
  return p === undefined ? [] : [p.institution, ...p.affiliations]
}

/** Whether an approval given at `givenAt` is within the policy's lifetime at `at`. */
export function isFreshAt(policy: Policy, givenAt: number, at: number): boolean {
  const days = policy.approvals.lifetimeDays
  return days === null || at - givenAt <= days * DAY_MS
}

/**
 * Approvals of `keyId` on the context's current revision, not revoked, given by or for a holder
 * of the key, one per holder seat. With `freshAt`, only those within the lifetime at that time
 * and not given after it.
 */
export function countingApprovals(
  policy: Policy,
  context: InitiativeContext,
  keyId: string,
  freshAt?: number,
): Decision[] {
  const key = keyById(policy, keyId)
  if (key === undefined) return []
  const bySeat = new Map<string, Decision>()
  for (const d of context.decisions) {
    if (d.key !== keyId || d.decision !== 'approve' || d.revokedAt !== undefined) continue
    if (d.revision !== context.revision.hash || !key.holders.includes(d.seat)) continue
    if (freshAt !== undefined && (d.at > freshAt || !isFreshAt(policy, d.at, freshAt))) continue
    bySeat.set(d.seat, d)
  }
  return [...bySeat.values()]
}

/** Decisions that the step appended (decisions are append-only; only `revokedAt` may change later). */
export function newDecisions(step: InvariantStep): Decision[] {
  return step.after.context.decisions.slice(step.before.context.decisions.length)
}

/**
 * The lifecycle stage of a snapshot, read from its state value alone: a top-level state
 * (`idle`, `approved`, `regionalRollout`, `completed`, …) or a stage of `open` (`draft`,
 * `review`, `returned`).
 */
export function stageOf(snapshot: InitiativeSnapshotLike): string {
  const value = snapshot.value
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return String(value)
  const [top, inner] = Object.entries(value)[0] ?? ['?', undefined]
  if (top !== 'open') return top
  if (typeof inner === 'string') return inner
  return Object.keys(inner ?? {})[0] ?? 'open'
}

/** Stages an initiative reaches only by approval. */
export const APPROVED_STAGES: readonly string[] = [
  'approved',
  'federalRollout',
  'regionalRollout',
  'exportRollout',
  'completed',
]
export const ROLLOUT_STAGES: readonly string[] = ['federalRollout', 'regionalRollout', 'exportRollout']

/** Whether the snapshot is past approval (by state, or by the recorded approval time). */
export function isApproved(snapshot: InitiativeSnapshotLike): boolean {
  return snapshot.context.approvedAt !== null || APPROVED_STAGES.includes(stageOf(snapshot))
}

/** The state of each key's region (`pending`, `turned`, `refused`) in review; empty outside it. */
export function keyRegions(policy: Policy, snapshot: InitiativeSnapshotLike): Map<string, string> {
  const regions = new Map<string, string>()
  const value = snapshot.value as { open?: { review?: Record<string, unknown> } } | string | null
  const review = typeof value === 'object' && value !== null ? value.open?.review : undefined
  if (typeof review !== 'object' || review === null) return regions
  for (const key of policy.keys) {
    const state = review[key.id]
    if (typeof state === 'string') regions.set(key.id, state)
  }
  return regions
}

/** The track of the first routing rule that matches the content: the one it must take (TK9). */
export function expectedTrack(policy: Policy, context: InitiativeContext): Track | null {
  const content = context.content
  if (content === null) return null
  const rule = policy.routing.find(
    (r) =>
      (r.when.objective === undefined || r.when.objective.includes(content.objective)) &&
      (r.when.scope === undefined || r.when.scope.includes(content.scope.kind)),
  )
  return rule?.track ?? null
}

export const quoteIds = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ')
export const short = (hash: string) => hash.slice(0, 12)
