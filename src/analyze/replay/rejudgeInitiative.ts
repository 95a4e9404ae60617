import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import { type Phase, phaseOf } from '../../../machines/describeState.js'
import type { InitiativeContext } from '../../../machines/InitiativeContext.js'
import type { InitiativeMachine } from '../../../machines/initiative.js'
import { stepperFor } from '../../../machines/stepper.js'
import { toMachineEvent } from '../../../machines/toMachineEvent.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { RecordedEvent } from '../../domain/RecordedEvent.js'
import { dueTicks } from '../../engine/dueTicks.js'
import { type KeyLine, keyBoard } from '../../engine/keyBoard.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import { type ReplayPoint, replayChecked, type SignatureCheck } from '../../ledger/replayChecked.js'
import type { Policy } from '../../policy/PolicySchema.js'
import { deadlineField } from './deadlineField.js'
import { migrationOf, type PathStep } from './migrationOf.js'
import type { DeadlineStep, Divergence, InitiativeReplayResult, RefusedEvent } from './ReplayResult.js'
import { refusalOf, unsignedRefusal } from './refusalOf.js'

/** A policy with its hash and machine. */
export interface Judge {
  policy: Policy
  hash: string
  machine: InitiativeMachine
}

export interface RejudgeInput {
  initiativeId: string
  /** Every recorded event of the initiative, in seq order. */
  events: readonly RecordedEvent[]
  /** The policy the initiative is pinned to. */
  recorded: Judge
  candidate: Judge
  /** The instant both judgements are taken at: deadlines up to it fall due (not before the last event). */
  at: number
  /** How the recorded signed commands are checked, as the engine checks them on load. */
  signatures?: SignatureCheck
  /** Say whether a running initiative can move to the candidate. */
  migrate?: boolean
}

const OPEN: readonly Phase[] = ['draft', 'review', 'plenary', 'returned']

/** The keys not turned (nor waived) of an initiative still open at `now`: what it waits for. */
function openKeys(policy: Policy, state: AnyMachineSnapshot, now: number): KeyLine[] {
  if (state.status !== 'active' || !OPEN.includes(phaseOf(state))) return []
  return keyBoard(policy, state, now).keys.filter((k) => k.status !== 'turned' && k.status !== 'waived')
}

/** The deadlines due by `now` under a policy, each with the field it comes from. */
function deadlinesTo(judge: Judge, from: AnyMachineSnapshot, now: number) {
  const { ticks, snapshot } = dueTicks(judge.machine, judge.policy, from, now)
  let before = from
  const steps = ticks.map((tick) => {
    const step = { before, tick, field: deadlineField(before, tick.event.at) }
    before = tick.snapshot
    return step
  })
  return { steps, snapshot }
}

/**
 * The event the candidate is offered for a record: the signed command made into an event in the
 * candidate's state (as the engine would: the current revision and the rest of an amended content
 * come from that state), else the recorded event as it is.
 */
function eventFor(record: RecordedEvent, initiativeId: string, state: AnyMachineSnapshot): InitiativeEvent {
  if (record.command === undefined) return record.event
  return toMachineEvent(record.command, initiativeId, state.context as InitiativeContext, record.event.at)
}

/**
 * Re-judges one initiative's recorded history under a candidate policy. The history is first
 * replayed under its own policy with the ledger's checks (links, hashes, signed commands, rules:
 * a tampered log is AUDIT_TAMPERED, not a finding). Then each recorded command is offered, in
 * order and at its recorded time, to the candidate's machine; the recorded deadlines are not
 * offered — the candidate's own fall due from its due instants (`dueTicks`) before each event and
 * up to `at`. A refused event changes nothing and the replay goes on. Phases are compared after
 * each recorded event and at `at`: the first point where they part, or where the candidate
 * refuses, is the divergence.
 *
 * @example
 * const result = rejudgeInitiative({ initiativeId: 'kazan', events, recorded, candidate, at })
 * result.changed // true: 'review' under two-keys, 'lapsed' under a ten-day window
 */
export function rejudgeInitiative(input: RejudgeInput): InitiativeReplayResult {
  const { initiativeId, events, recorded, candidate, at } = input
  const step = stepperFor(candidate.machine)

  let point: ReplayPoint = {
    snapshot: getInitialSnapshot(recorded.machine, { policyHash: recorded.hash }),
    seq: 0,
    lastHash: '',
  }
  let state: AnyMachineSnapshot = getInitialSnapshot(candidate.machine, { policyHash: candidate.hash })
  const recordedPath: PathStep[] = []
  const candidatePath: PathStep[] = []
  const refused: RefusedEvent[] = []
  const deadlines: DeadlineStep[] = []
  let divergence: Divergence | undefined
  const part = (d: Divergence) => {
    divergence ??= d
  }
  const phases = () => ({ recorded: phaseOf(point.snapshot), candidate: phaseOf(state) })

  /** The candidate's deadlines up to `now`; returns the first that changed the phase, if any. */
  const candidateDeadlines = (now: number): DeadlineStep | undefined => {
    const due = deadlinesTo(candidate, state, now)
    let first: DeadlineStep | undefined
    for (const { before, tick, field } of due.steps) {
      candidatePath.push({ before, event: tick.event, after: tick.snapshot, seq: null })
      if (phaseOf(tick.snapshot) === phaseOf(before)) continue
      const deadline = { at: tick.event.at, field, phase: phaseOf(tick.snapshot) }
      deadlines.push(deadline)
      first ??= deadline
    }
    state = due.snapshot
    return first
  }

  for (const record of events) {
    const before = point.snapshot
    point = replayChecked(recorded.machine, recorded.hash, initiativeId, point, [record], input.signatures)
    recordedPath.push({ before, event: record.event, after: point.snapshot, seq: record.seq })
    const phaseBefore = phaseOf(before)
    const fired = candidateDeadlines(record.event.at)

    if (record.event.type === 'TICK') {
      // The recorded policy's deadline: the candidate's own, due by now, stand in for it.
      const now = phases()
      if (now.recorded !== now.candidate) {
        part(
          fired !== undefined
            ? {
                kind: 'deadline',
                rule: fired.field,
                at: fired.at,
                ...now,
                // Before the recorded deadline, the recorded policy still had the initiative where it was.
                recorded: fired.at < record.event.at ? phaseBefore : now.recorded,
              }
            : {
                kind: 'noDeadline',
                rule: deadlineField(before, record.event.at),
                at: record.event.at,
                seq: record.seq,
                ...now,
              },
        )
      }
      continue
    }
    if (fired !== undefined && phaseOf(state) !== phaseBefore) {
      part({
        kind: 'deadline',
        rule: fired.field,
        at: fired.at,
        recorded: phaseBefore,
        candidate: phaseOf(state),
      })
    }
    const event = eventFor(record, initiativeId, state)
    const unsigned = candidate.policy.identity === 'signed' && record.command === undefined
    const next = unsigned ? state : step(state as InitiativeSnapshot, event)
    if (next === state) {
      const refusal = unsigned
        ? unsignedRefusal(record.seq, event, candidate.policy.id)
        : refusalOf(candidate.machine, candidate.policy, state, record.seq, event)
      refused.push(refusal)
      part({ kind: 'refused', rule: refusal.rules[0] as string, ...refusal, ...phases() })
      continue
    }
    candidatePath.push({ before: state, event, after: next, seq: record.seq })
    state = next
    const now = phases()
    if (now.recorded !== now.candidate) {
      const waitingFor = openKeys(candidate.policy, state, record.event.at)
      part({ kind: 'phase', rule: 'keys', seq: record.seq, event: record.event, ...now, waitingFor })
    }
  }

  // Up to `at`: the deadlines of both policies that fall due after the last recorded event.
  const recordedTail = deadlinesTo(recorded, point.snapshot, at)
  for (const { before, tick } of recordedTail.steps) {
    recordedPath.push({ before, event: tick.event, after: tick.snapshot, seq: null })
  }
  const lastRecorded = point.snapshot
  point = { ...point, snapshot: recordedTail.snapshot }
  const fired = candidateDeadlines(at)
  const end = phases()
  // Equal at the last event: a difference now is made by a deadline of one policy or the other.
  const theirs = recordedTail.steps.find((s) => phaseOf(s.tick.snapshot) !== phaseOf(s.before))
  if (end.recorded !== end.candidate && fired !== undefined) {
    // Where the recorded policy had it at that instant: its own deadlines up to then applied.
    const then = recordedTail.steps.filter((s) => s.tick.event.at <= fired.at).at(-1)?.tick.snapshot
    const recordedThen = phaseOf(then ?? lastRecorded)
    part({ kind: 'deadline', rule: fired.field, at: fired.at, ...end, recorded: recordedThen })
  } else if (end.recorded !== end.candidate && theirs !== undefined) {
    part({ kind: 'noDeadline', rule: theirs.field, at: theirs.tick.event.at, ...end })
  }

  const context = state.context as InitiativeContext
  const waitingFor = openKeys(candidate.policy, state, at)
  const running = { recorded: point.snapshot.status === 'active', candidate: state.status === 'active' }
  return {
    initiativeId,
    title: context.content?.title ?? (point.snapshot.context as InitiativeContext).content?.title ?? null,
    recordedPolicy: { id: recorded.policy.id, hash: recorded.hash },
    recorded: end.recorded,
    candidate: end.candidate,
    changed: end.recorded !== end.candidate,
    running,
    ...(divergence === undefined ? {} : { divergence }),
    refused,
    deadlines,
    waitingFor,
    ...(input.migrate === true && running.recorded
      ? {
          migration: migrationOf({
            candidate: candidate.policy,
            recordedPath,
            candidatePath,
            refused,
            deadlines,
            final: state,
          }),
        }
      : {}),
  }
}
