import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { InitiativeSnapshotLike, InvariantStep } from './Invariant.js'
import type { Recorded, RecordedDecision } from './Recorded.js'
import {
  APPROVED_STAGES,
  currentRevision,
  revisionHashOf,
  seatOf,
  stageOf,
  substantiveChange,
} from './restated.js'

/** Nothing recorded yet: the facts before the first event. */
export const NOTHING_RECORDED: Recorded = {
  count: 0,
  now: 0,
  id: null,
  sponsor: null,
  content: null,
  revisions: [],
  decisions: [],
  delegations: [],
  answers: [],
  stage: 'idle',
  approval: null,
}

/**
 * Folds one accepted event into the recorded facts. `stage` is the state the machine went to
 * (`stageOf(after)`): it is the claim under test, kept only to know when approval was claimed.
 * Everything else comes from the event and the events before it, restated from the policy
 * without the machine's rules, so a wrong guard or action cannot bend what the invariants see.
 *
 * @example
 * const recorded = recordEvent(policy, NOTHING_RECORDED, proposeEvent, 'draft')
 * recorded.revisions[0]?.n // 1
 */
export function recordEvent(policy: Policy, r: Recorded, event: InitiativeEvent, stage: string): Recorded {
  const seq = r.count
  const now = Math.max(r.now, event.at)
  const next: Recorded = { ...r, count: seq + 1, now, stage }
  switch (event.type) {
    case 'PROPOSE': {
      const revision = {
        n: 1,
        hash: revisionHashOf(policy, event.id, 1, event.content),
        content: event.content,
        seq,
      }
      Object.assign(next, {
        id: event.id,
        sponsor: event.by,
        content: event.content,
        revisions: [...r.revisions, revision],
      })
      break
    }
    case 'AMEND': {
      next.content = event.content
      if (substantiveChange(policy, r.content, event.content)) {
        const n = (currentRevision(r)?.n ?? 0) + 1
        const hash = revisionHashOf(policy, r.id ?? '', n, event.content)
        next.revisions = [...r.revisions, { n, hash, content: event.content, seq }]
      }
      break
    }
    case 'DECIDE': {
      const decision: RecordedDecision = {
        seq,
        key: event.key,
        by: event.by,
        seat: seatOf(policy, r.delegations, event.key, event.by, now),
        decision: event.decision,
        named: event.revision,
        revision: r.revisions.length - 1,
        at: now,
      }
      next.decisions = [...r.decisions, decision]
      break
    }
    case 'REVOKE': {
      const seat = seatOf(policy, r.delegations, event.key, event.by, now)
      const current = r.revisions.length - 1
      next.decisions = r.decisions.map((d) =>
        d.key === event.key &&
        d.seat !== null &&
        d.seat === seat &&
        d.decision === 'approve' &&
        d.revision === current &&
        d.revokedSeq === undefined
          ? { ...d, revokedSeq: seq }
          : d,
      )
      break
    }
    case 'DELEGATE':
      next.delegations = [
        ...r.delegations,
        {
          seq,
          key: event.key,
          holder: event.by,
          deputy: event.deputy,
          from: event.from,
          until: event.until,
          at: now,
        },
      ]
      break
    case 'RESPOND':
    case 'MINISTRY':
    case 'DESTINATION':
      next.answers = [
        ...r.answers,
        {
          seq,
          type: event.type,
          by: event.by,
          target:
            event.type === 'RESPOND'
              ? event.region
              : event.type === 'MINISTRY'
                ? event.ministry
                : event.destination,
          answer: event.type === 'DESTINATION' ? event.agreed : event.accept,
          stage: r.stage,
        },
      ]
      break
    default:
      break
  }
  if (APPROVED_STAGES.includes(stage) && !APPROVED_STAGES.includes(r.stage)) {
    next.approval = { seq, at: now, revision: next.revisions.length - 1 }
  }
  return next
}

/**
 * The input of the step invariants for one accepted event: the snapshots around it and the
 * recorded facts before and after it.
 *
 * @example
 * const step = recordStep(policy, recorded, before, event, after)
 * checkInvariants(policy, step) // then carry on from step.recorded.after
 */
export function recordStep<S extends InitiativeSnapshotLike>(
  policy: Policy,
  recorded: Recorded,
  before: S,
  event: InitiativeEvent,
  after: S,
): InvariantStep<S> {
  return {
    before,
    event,
    after,
    recorded: { before: recorded, after: recordEvent(policy, recorded, event, stageOf(after)) },
  }
}
