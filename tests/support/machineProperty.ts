import fc from 'fast-check'
import { initialTransition, type SnapshotFrom, transition } from 'xstate'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import type { InvariantId, Violation } from '../../src/invariants/Invariant.js'
import { checkInvariants } from '../../src/invariants/invariants.js'
import type { Recorded } from '../../src/invariants/Recorded.js'
import { NOTHING_RECORDED, recordStep } from '../../src/invariants/recordEvent.js'
import { keyRegions } from '../../src/invariants/restated.js'
import { tk10NoDeadEnds } from '../../src/invariants/tk10NoDeadEnds.js'
import { tk12Replay } from '../../src/invariants/tk12Replay.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { describeSpec, EPOCH, type EventSpec, eventSpecArb, resolveEvent, startArb } from './arbitraries.js'

type Snapshot = SnapshotFrom<InitiativeMachine>

/** Thrown by a property when an invariant breaks: the violations and the accepted events that led there. */
export class InvariantViolationError extends Error {
  constructor(
    readonly violations: Violation[],
    readonly trace: InitiativeEvent[],
  ) {
    const lines = violations.map((v) => `  ✖ ${v.id}: ${v.message}`)
    const events = trace.map((e) => `    ${JSON.stringify(e)}`)
    super(
      `invariant violated:\n${lines.join('\n')}\n  accepted events (replay them in order):\n${events.join('\n')}`,
    )
    this.name = 'InvariantViolationError'
  }
}

/** The ids a failed property reports, read from fast-check's `RunDetails.errorInstance`. */
export function violatedIds(error: unknown): InvariantId[] {
  return error instanceof InvariantViolationError ? [...new Set(error.violations.map((v) => v.id))] : []
}

/** One initiative driven by a sequence of commands: the model and the real system at once. */
export class InitiativeRun {
  readonly input: { policyHash: string }
  snapshot: Snapshot
  readonly accepted: InitiativeEvent[] = []
  /** What the accepted events record: the invariants' facts, never the machine's context. */
  recorded: Recorded = NOTHING_RECORDED
  clock = EPOCH
  previousRevision: string | null = null
  refused = 0

  constructor(
    readonly policy: Policy,
    readonly machine: InitiativeMachine,
  ) {
    this.input = { policyHash: hashPolicy(policy) }
    ;[this.snapshot] = initialTransition(machine, this.input)
  }

  /** Resolves and offers one event; an accepted one is checked against every step invariant. */
  send(spec: EventSpec): void {
    const { context } = this.snapshot
    const event = resolveEvent(spec, {
      policy: this.policy,
      context,
      clock: this.clock,
      previousRevision: this.previousRevision,
      openKeys: [...keyRegions(this.policy, this.snapshot)]
        .filter(([, s]) => s === 'pending')
        .map(([k]) => k),
    })
    this.clock = event.at
    const before = this.snapshot
    if (!before.can(event)) {
      this.refused++
      return
    }
    const [after] = transition(this.machine, before, event)
    this.accepted.push(event)
    this.snapshot = after
    if (after.context.revision.hash !== before.context.revision.hash && before.context.revision.hash !== '') {
      this.previousRevision = before.context.revision.hash
    }
    const step = recordStep(this.policy, this.recorded, before, event, after)
    this.recorded = step.recorded.after
    const violations = checkInvariants(this.policy, step)
    if (violations.length > 0) throw new InvariantViolationError(violations, this.accepted)
  }

  /** What is checked once the sequence is over: replay (TK12) and a way out (TK10). */
  finish(): void {
    const violations = [
      ...tk12Replay.check(this.machine, this.input, this.accepted, this.snapshot),
      ...tk10NoDeadEnds.check(this.policy, this.machine, this.snapshot),
    ]
    if (violations.length > 0) throw new InvariantViolationError(violations, this.accepted)
  }
}

/** One command of the model-based test: sends its event through XState's pure `transition`. */
class SendEvent implements fc.Command<InitiativeRun, InitiativeRun> {
  constructor(readonly spec: EventSpec) {}
  check(): boolean {
    return true
  }
  run(_model: InitiativeRun, run: InitiativeRun): void {
    run.send(this.spec)
  }
  toString(): string {
    return describeSpec(this.spec)
  }
}

export interface MachinePropertyOptions {
  /** Longest command sequence after the start (default 30). */
  maxCommands?: number
  /** Collects every finished run, e.g. to measure coverage. */
  onRun?: (run: InitiativeRun) => void
}

/**
 * The model-based property: from a start (nothing, proposed, or submitted), a random sequence
 * of commands by every kind of principal; every accepted step keeps TK1–TK9, and at the end the
 * accepted events replay to the same snapshot (TK12) and a final state is still reachable (TK10).
 * `machine` defaults to the real machine of `policy`; pass a mutant to see the property fail.
 */
export function machineProperty(
  policy: Policy,
  machine: InitiativeMachine = createInitiativeMachine(policy),
  options: MachinePropertyOptions = {},
) {
  const replayPath = process.env.TWOKEYS_REPLAY_PATH
  const commands = fc.commands([eventSpecArb(policy).map((spec) => new SendEvent(spec))], {
    maxCommands: options.maxCommands ?? 50,
    size: 'max',
    ...(replayPath === undefined ? {} : { replayPath }),
  })
  return fc.property(startArb(policy), commands, (start, sequence) => {
    const run = new InitiativeRun(policy, machine)
    for (const spec of start) run.send(spec)
    fc.modelRun(() => ({ model: run, real: run }), sequence)
    run.finish()
    options.onRun?.(run)
  })
}

/**
 * Run parameters: a fixed seed (printed by fast-check in every failure), overridable with
 * TWOKEYS_SEED. TWOKEYS_PATH (fast-check's `path`) with TWOKEYS_REPLAY_PATH (the
 * `replayPath` printed after the counterexample's commands) replays the shrunk failure exactly.
 * TWOKEYS_RUNS caps the number of runs while iterating (the suite's counts are the default).
 */
export function runParameters(defaultRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.TWOKEYS_SEED ?? 20_250_101)
  const numRuns = Math.min(defaultRuns, Number(process.env.TWOKEYS_RUNS ?? defaultRuns))
  const path = process.env.TWOKEYS_PATH
  // The violations and the accepted events go into the report itself, not only its cause.
  const base = { numRuns, seed, includeErrorInReport: true }
  return path === undefined ? base : { ...base, path, endOnFailure: true }
}
