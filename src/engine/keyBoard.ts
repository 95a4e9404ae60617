import type { AnyMachineSnapshot } from 'xstate'
import { describePhase, type Phase, phaseOf } from '../../machines/describeState.js'
import {
  countedApprovals,
  formatInstant,
  isFresh,
  refusingSeats,
  rolloutTargets,
} from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { keyApplies } from '../policy/condition.js'
import type { Policy, Track } from '../policy/PolicySchema.js'
import { keySummary } from './keySummary.js'

export type KeyStatus = 'turned' | 'pending' | 'refused' | 'stale' | 'expired' | 'waived'

/** One key on the board, like a submit-requirements panel. */
export interface KeyLine {
  key: string
  label: string
  status: KeyStatus
  quorum: number
  /** Approvals that count now, one per seat. */
  approvals: { by: string; seat: string; at: string }[]
  refusedBy: { by: string; reason?: string }[]
  /** Who can still act on this key, with deputies named for their holder. */
  waitingFor: string[]
  /** One line a person reads: "turned by oreshkin", "waiting for grigorenko". */
  summary: string
}

export interface Board {
  initiativeId: string | null
  title: string | null
  sponsor: string | null
  phase: Phase
  phaseText: string
  revision: { n: number; hash: string }
  deadline: string | null
  keys: KeyLine[]
  track: Track | null
  rollout: { target: string; answer: 'accepted' | 'declined' | 'pending' }[]
}

function keyStatus(
  policy: Policy,
  context: InitiativeContext,
  snapshot: AnyMachineSnapshot,
  keyId: string,
  now: number,
): KeyStatus {
  const phase = phaseOf(snapshot)
  const key = policy.keys.find((k) => k.id === keyId)
  // A key whose condition does not hold for this content was never asked, before or after approval.
  if (key !== undefined && !keyApplies(key, context.content)) return 'waived'
  if (context.approvedAt !== null) return 'turned'
  if (
    refusingSeats(context, keyId).size > 0 &&
    (phase === 'returned' || snapshot.matches({ open: { review: { [keyId]: 'refused' } } }))
  ) {
    return 'refused'
  }
  if (
    (phase === 'review' || phase === 'plenary') &&
    snapshot.matches({ open: { review: { [keyId]: 'turned' } } })
  ) {
    // Turned in the chart, but its approvals may have outlived their lifetime since the last event.
    const quorum = policy.keys.find((k) => k.id === keyId)?.quorum ?? 1
    return countedApprovals(policy, context, keyId, now).length >= quorum ? 'turned' : 'expired'
  }
  const current = context.decisions.filter(
    (d) => d.key === keyId && d.decision === 'approve' && d.revokedAt === undefined,
  )
  const onThisRevision = current.filter((d) => d.revision === context.revision.hash)
  if (onThisRevision.length > 0 && onThisRevision.every((d) => !isFresh(policy, d.at, now))) return 'expired'
  // Decisions on earlier revisions are dropped at the amendment; the key is remembered instead.
  const earlier = current.length > onThisRevision.length || context.approvedEarlier.includes(keyId)
  if (onThisRevision.length === 0 && earlier) return 'stale'
  return 'pending'
}

/**
 * The board of an initiative's keys at time `now`: per key turned, pending (and who can act),
 * refused, stale (approved on an earlier revision only) or expired.
 */
export function keyBoard(policy: Policy, snapshot: AnyMachineSnapshot, now: number): Board {
  const context = snapshot.context as InitiativeContext
  const phase = phaseOf(snapshot)
  const at = context.approvedAt ?? now
  const keys = policy.keys.map((key): KeyLine => {
    const status = keyStatus(policy, context, snapshot, key.id, now)
    const counted = countedApprovals(policy, context, key.id, at)
    const seats = new Set(counted.map((d) => d.seat))
    const refusers = refusingSeats(context, key.id)
    const deputiesFor = (holder: string) =>
      context.delegations
        .filter((d) => d.key === key.id && d.holder === holder && d.from <= now && now < d.until)
        .map((d) => `${d.deputy} (deputy for ${holder} until ${formatInstant(d.until)})`)
    const waitingFor =
      snapshot.status !== 'active'
        ? []
        : status === 'pending' || status === 'stale' || status === 'expired'
          ? key.holders
              .filter((h) => !seats.has(h) && !refusers.has(h) && h !== context.sponsor)
              .flatMap((h) => [h, ...deputiesFor(h)])
          : []
    const refusedBy = context.decisions
      .filter((d) => d.key === key.id && d.decision === 'refuse' && d.revision === context.revision.hash)
      .map((d) => (d.reason === undefined ? { by: d.by } : { by: d.by, reason: d.reason }))
    const line: KeyLine = {
      key: key.id,
      label: key.label,
      status,
      quorum: key.quorum,
      approvals: counted.map((d) => ({ by: d.by, seat: d.seat, at: formatInstant(d.at) })),
      refusedBy,
      waitingFor,
      summary: '',
    }
    line.summary = keySummary(line, {
      key,
      lifetimeDays: policy.approvals.lifetimeDays,
      active: snapshot.status === 'active',
    })
    return line
  })
  return {
    initiativeId: context.id,
    title: context.content?.title ?? null,
    sponsor: context.sponsor,
    phase,
    phaseText: describePhase(phase),
    revision: context.revision,
    deadline: context.deadline === null ? null : formatInstant(context.deadline),
    keys,
    track: context.track,
    rollout: rolloutTargets(policy, context)
      .filter(() => context.track !== null)
      .map((target) => ({
        target,
        answer: !(target in context.responses)
          ? 'pending'
          : context.responses[target]
            ? 'accepted'
            : 'declined',
      })),
  }
}
