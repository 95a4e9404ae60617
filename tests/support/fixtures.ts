import { initialTransition, type SnapshotFrom, transition } from 'xstate'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import type { EventOf, InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import type { InvariantStep } from '../../src/invariants/Invariant.js'
import type { Recorded } from '../../src/invariants/Recorded.js'
import { NOTHING_RECORDED, recordStep } from '../../src/invariants/recordEvent.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { DAY, EPOCH } from './arbitraries.js'

export type Snapshot = SnapshotFrom<InitiativeMachine>

export const PA = 'presidential-administration'
export const GA = 'government-apparatus'

export const federalContent: InitiativeContent = {
  title: 'GPU cluster',
  summary: '',
  objective: 'infrastructure',
  scope: { kind: 'federal', ministries: ['minzifry'] },
}
export const regionalContent: InitiativeContent = {
  ...federalContent,
  scope: { kind: 'regional', regions: ['tatarstan', 'novosibirsk'] },
}
export const exportContent: InitiativeContent = {
  ...federalContent,
  objective: 'export',
  scope: { kind: 'export', destinations: ['belarus', 'armenia'] },
}

/** `EPOCH` plus some days. */
export const day = (n: number) => EPOCH + n * DAY

/** A little driver for hand-written scenarios: every accepted step is kept for the invariants. */
export class Scenario {
  readonly machine: InitiativeMachine
  snapshot: Snapshot
  readonly steps: InvariantStep<Snapshot>[] = []
  readonly events: InitiativeEvent[] = []
  /** What the accepted events record: the facts the invariants judge by. */
  recorded: Recorded = NOTHING_RECORDED

  constructor(
    readonly policy: Policy,
    machine?: InitiativeMachine,
  ) {
    this.machine = machine ?? createInitiativeMachine(policy)
    ;[this.snapshot] = initialTransition(this.machine, { policyHash: hashPolicy(policy) })
  }

  /** Sends an event; throws when the machine refuses it, so a scenario says what it means. */
  send(event: InitiativeEvent): this {
    if (!this.snapshot.can(event)) throw new Error(`the machine refused ${JSON.stringify(event)}`)
    const [after] = transition(this.machine, this.snapshot, event)
    return this.push(event, after)
  }

  /**
   * Records `event` as accepted whether or not the machine would take it, and moves to a forged
   * snapshot in `value` (the context unchanged): what a broken machine could have done.
   */
  force(event: InitiativeEvent, value: unknown = this.snapshot.value): this {
    return this.push(event, this.forge({}, value))
  }

  /** The step if the machine took `event` into `after` (a forged snapshot), without keeping it. */
  stepTo(event: InitiativeEvent, after: Snapshot): InvariantStep<Snapshot> {
    return recordStep(this.policy, this.recorded, this.snapshot, event, after)
  }

  private push(event: InitiativeEvent, after: Snapshot): this {
    const step = this.stepTo(event, after)
    this.steps.push(step)
    this.events.push(event)
    this.recorded = step.recorded.after
    this.snapshot = after
    return this
  }

  /** Sends an event if the machine accepts it; returns whether it did. */
  offer(event: InitiativeEvent): boolean {
    if (!this.snapshot.can(event)) return false
    this.send(event)
    return true
  }

  get lastStep(): InvariantStep<Snapshot> {
    const step = this.steps.at(-1)
    if (step === undefined) throw new Error('no step yet')
    return step
  }

  get revision(): string {
    return this.snapshot.context.revision.hash
  }

  propose(by = 'minek', content = federalContent, at = day(0)): this {
    return this.send({ type: 'PROPOSE', by, at, id: 'i1', content })
  }

  submit(at = day(0)): this {
    return this.send({ type: 'SUBMIT', by: this.snapshot.context.sponsor ?? 'minek', at })
  }

  approve(by: string, key: string, at: number): this {
    return this.send(this.decision(by, key, at))
  }

  decision(
    by: string,
    key: string,
    at: number,
    decision: 'approve' | 'refuse' = 'approve',
  ): EventOf<'DECIDE'> {
    return { type: 'DECIDE', by, at, key, revision: this.revision, decision }
  }

  /** A snapshot of this machine in `value` with the context changed: a state no real run need reach. */
  forge(patch: Partial<InitiativeContext>, value: unknown = this.snapshot.value): Snapshot {
    return this.machine.resolveState({
      value: value as Snapshot['value'],
      context: { ...this.snapshot.context, ...patch },
    })
  }
}

export const reviewValue = (pa: string, ga: string, window = 'open') => ({
  open: { review: { window, [PA]: pa, [GA]: ga } },
})

/** An initiative of `policy` proposed by minzifry, submitted, and approved by both co-chairs on day 1: its rollout is open. */
export const approvedByBoth = (policy: Policy, content: InitiativeContent = federalContent) =>
  new Scenario(policy)
    .propose('minzifry', content)
    .submit()
    .approve('oreshkin', PA, day(1))
    .approve('grigorenko', GA, day(1))
