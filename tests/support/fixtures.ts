import { initialTransition, type SnapshotFrom, transition } from 'xstate'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import type { EventOf, InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import type { InvariantStep } from '../../src/invariants/Invariant.js'
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
    const before = this.snapshot
    ;[this.snapshot] = transition(this.machine, before, event)
    this.steps.push({ before, event, after: this.snapshot })
    this.events.push(event)
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

/** A step from a forged `before` to a forged `after`. */
export const stepOf = (
  before: Snapshot,
  event: InitiativeEvent,
  after: Snapshot,
): InvariantStep<Snapshot> => ({
  before,
  event,
  after,
})

export const reviewValue = (pa: string, ga: string, window = 'open') => ({
  open: { review: { window, [PA]: pa, [GA]: ga } },
})
