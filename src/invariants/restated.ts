import { canonicalHash, canonicalJson } from '../domain/canonicalHash.js'
import type { InitiativeContent } from '../domain/InitiativeContent.js'
import { DAY_MS } from '../domain/timeUnits.js'
import type { Key, Policy, Track } from '../policy/PolicySchema.js'
import type { InitiativeSnapshotLike, InvariantStep } from './Invariant.js'
import type { Recorded, RecordedDecision, RecordedDelegation, RecordedRevision } from './Recorded.js'

// These restate what the rules mean from the recorded events and the policy. They deliberately
// share no code with machines/rules.ts or machines/facts.ts and read nothing of the machine's
// context: a bug in a guard or an action must not hide here.

export { DAY_MS }

export function keyById(policy: Policy, id: string): Key | undefined {
  return policy.keys.find((k) => k.id === id)
}

/** Every institution a principal belongs to or is affiliated with; none for an unknown id. */
export function institutionsOf(policy: Policy, principalId: string | null): string[] {
  const p = policy.principals.find((x) => x.id === principalId)
  return p === undefined ? [] : [p.institution, ...p.affiliations]
}

/** Whether an approval given at `givenAt` is within the policy's lifetime at `at`. */
export function isFreshAt(policy: Policy, givenAt: number, at: number): boolean {
  const days = policy.approvals.lifetimeDays
  return days === null || at - givenAt <= days * DAY_MS
}

/**
 * The hash a decision names its revision by: SHA-256 of the canonical JSON of the initiative id,
 * the revision number and the fields the policy calls substantive (absent ones as null).
 */
export function revisionHashOf(policy: Policy, id: string, n: number, content: InitiativeContent): string {
  const substantive = Object.fromEntries(policy.amendments.substantive.map((f) => [f, content[f] ?? null]))
  return canonicalHash({ initiative: id, revision: n, content: substantive })
}

/** Whether some field the policy calls substantive differs between two contents. */
export function substantiveChange(
  policy: Policy,
  before: InitiativeContent | null,
  after: InitiativeContent,
): boolean {
  if (before === null) return true
  return policy.amendments.substantive.some(
    (f) => canonicalJson(before[f] ?? null) !== canonicalJson(after[f] ?? null),
  )
}

/**
 * The holder on whose seat `actor` acts for `keyId` at `at`: the actor when it holds the key;
 * for a key that allows deputies, the holder of the first recorded delegation of the key to the
 * actor whose window covers `at`; else null.
 */
export function seatOf(
  policy: Policy,
  delegations: readonly RecordedDelegation[],
  keyId: string,
  actor: string,
  at: number,
): string | null {
  const key = keyById(policy, keyId)
  if (key === undefined) return null
  if (key.holders.includes(actor)) return actor
  if (!key.deputies.allowed) return null
  const covering = delegations.find(
    (g) =>
      g.key === keyId && g.deputy === actor && g.from <= at && at < g.until && key.holders.includes(g.holder),
  )
  return covering?.holder ?? null
}

export const currentRevision = (r: Recorded): RecordedRevision | undefined => r.revisions.at(-1)

/** Whether a decision names the revision that was current when it was recorded. */
export const namesItsRevision = (r: Recorded, d: RecordedDecision): boolean =>
  d.named === r.revisions[d.revision]?.hash

/**
 * Where the initiative stands for counting: past approval, the approval's revision, position
 * and time; before it, the current revision, now.
 */
export function standing(r: Recorded, stage: string): { revision: number; asOf: number; at: number } {
  if (APPROVED_STAGES.includes(stage) && r.approval !== null) {
    return { revision: r.approval.revision, asOf: r.approval.seq, at: r.approval.at }
  }
  return { revision: r.revisions.length - 1, asOf: r.count - 1, at: r.now }
}

/**
 * Approvals of `keyId` that count on `revision` as of the `asOf`-th event: recorded by then on
 * that revision and naming it, on a holder's seat, not revoked by then; one per seat. With
 * `freshAt`, only those within the policy's lifetime at that time.
 */
export function countingApprovals(
  policy: Policy,
  r: Recorded,
  keyId: string,
  { revision, asOf, freshAt }: { revision: number; asOf: number; freshAt?: number },
): RecordedDecision[] {
  const key = keyById(policy, keyId)
  if (key === undefined) return []
  const bySeat = new Map<string, RecordedDecision>()
  for (const d of r.decisions) {
    if (d.key !== keyId || d.decision !== 'approve' || d.seq > asOf) continue
    if (d.revokedSeq !== undefined && d.revokedSeq <= asOf) continue
    if (d.revision !== revision || !namesItsRevision(r, d)) continue
    if (d.seat === null || !key.holders.includes(d.seat)) continue
    if (freshAt !== undefined && !isFreshAt(policy, d.at, freshAt)) continue
    bySeat.set(d.seat, d)
  }
  return [...bySeat.values()]
}

/** The decision the step recorded, if its event was a DECIDE. */
export function newDecision({ event, recorded }: InvariantStep): RecordedDecision | undefined {
  return event.type === 'DECIDE' ? recorded.after.decisions.at(-1) : undefined
}

/**
 * The lifecycle stage of a snapshot, read from its state value alone: a top-level state
 * (`idle`, `approved`, `regionalRollout`, `completed`, …) or a stage of `open` (`draft`,
 * `review`, `returned`).
 */
export function stageOf(snapshot: Pick<InitiativeSnapshotLike, 'value'>): string {
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

/** Whether the snapshot's state is past approval. */
export function isApproved(snapshot: Pick<InitiativeSnapshotLike, 'value'>): boolean {
  return APPROVED_STAGES.includes(stageOf(snapshot))
}

/** The state of each key's region (`pending`, `turned`, `refused`) in review; empty outside it. */
export function keyRegions(
  policy: Policy,
  snapshot: Pick<InitiativeSnapshotLike, 'value'>,
): Map<string, string> {
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
export function expectedTrack(policy: Policy, content: InitiativeContent | null): Track | null {
  if (content === null) return null
  const rule = policy.routing.find(
    (r) =>
      (r.when.objective === undefined || r.when.objective.includes(content.objective)) &&
      (r.when.scope === undefined || r.when.scope.includes(content.scope.kind)),
  )
  return rule?.track ?? null
}

export const short = (hash: string) => hash.slice(0, 12)
