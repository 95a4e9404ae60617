import type { AnyMachineSnapshot } from 'xstate'
import { phaseOf } from '../../../machines/describeState.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { InitiativeSnapshotLike } from '../../invariants/Invariant.js'
import { checkInvariants } from '../../invariants/invariants.js'
import { NOTHING_RECORDED, recordStep } from '../../invariants/recordEvent.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { DeadlineStep, Migration, MigrationBlock, RefusedEvent } from './ReplayResult.js'

/** One step of a path: the snapshots around an event; `seq` is the recorded event's, null for a deadline. */
export interface PathStep {
  before: AnyMachineSnapshot
  event: InitiativeEvent
  after: AnyMachineSnapshot
  seq: number | null
}

export interface MigrationInput {
  candidate: Policy
  /** The initiative as recorded: each event with the recorded policy's snapshots around it. */
  recordedPath: readonly PathStep[]
  /** The same history as the candidate judged it (refused events left out). */
  candidatePath: readonly PathStep[]
  refused: readonly RefusedEvent[]
  deadlines: readonly DeadlineStep[]
  /** The candidate's state at the replay's instant. */
  final: AnyMachineSnapshot
}

/** The first step of `path` that breaks a step invariant (TK1–TK9, TK13) of `policy`, from recorded facts. */
function firstViolation(policy: Policy, path: readonly PathStep[]): MigrationBlock | undefined {
  let facts = NOTHING_RECORDED
  for (const s of path) {
    const step = recordStep(
      policy,
      facts,
      s.before as unknown as InitiativeSnapshotLike,
      s.event,
      s.after as unknown as InitiativeSnapshotLike,
    )
    const [violation] = checkInvariants(policy, step)
    if (violation !== undefined) {
      return { kind: 'invariant', id: violation.id, message: violation.message, seq: s.seq }
    }
    facts = step.recorded.after
  }
  return undefined
}

/**
 * Whether a running initiative can move to the candidate policy: its own deadlines have not ended
 * the initiative; the candidate takes every recorded event; and no step invariant of the
 * candidate breaks — neither on the path as recorded (the state the initiative holds now, judged
 * by the candidate's keys, revisions and lifetimes: an initiative approved without a key the
 * candidate requires breaks TK1 here) nor on the candidate's own replay. The invariants judge from
 * the recorded facts (`recordStep`), not from either machine's context.
 *
 * @example
 * migrationOf({ candidate, recordedPath, candidatePath, refused: [], deadlines: [], final })
 * // { ok: false, block: { kind: 'invariant', id: 'TK1', … } }
 */
export function migrationOf(input: MigrationInput): Migration {
  // Ended first: once the candidate has ended it, every later refusal follows from that.
  if (input.final.status !== 'active') {
    const deadline = input.deadlines.at(-1)
    return {
      ok: false,
      block: { kind: 'ended', phase: phaseOf(input.final), ...(deadline === undefined ? {} : { deadline }) },
    }
  }
  const [refusal] = input.refused
  if (refusal !== undefined) return { ok: false, block: { kind: 'refused', refusal } }
  const broken =
    firstViolation(input.candidate, input.recordedPath) ??
    firstViolation(input.candidate, input.candidatePath)
  if (broken !== undefined) return { ok: false, block: broken }
  const phase = phaseOf(input.final)
  const now = input.recordedPath.at(-1)?.after
  return { ok: true, phase, moves: now === undefined || phaseOf(now) !== phase }
}
