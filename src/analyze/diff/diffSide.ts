import { phaseOf } from '../../../machines/describeState.js'
import type { InitiativeMachine } from '../../../machines/initiative.js'
import { createStepper } from '../../../machines/stepper.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import { explainEvent } from '../../engine/explainEvent.js'
import { keyBoard } from '../../engine/keyBoard.js'
import { createExpander } from '../../explore/expander.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { SideOutcome, StoryKey } from './DiffResult.js'

/**
 * One policy of a diff: its machine, the explorer's alphabet and abstraction for it (without
 * key symmetry: a renaming that suits one policy need not suit the other), and a way to send it
 * a concrete event.
 *
 * @example
 * const side = createDiffSide(policy, createInitiativeMachine(policy))
 * side.send(side.initial, event) // the snapshot after, or null when the machine refuses it
 */
export function createDiffSide(policy: Policy, machine: InitiativeMachine) {
  const expander = createExpander(policy, machine, { symmetry: false })
  const step = createStepper(machine)

  /** The snapshot after `event`, or null when the machine refuses it (or it changes nothing). */
  function send(before: InitiativeSnapshot, event: InitiativeEvent): InitiativeSnapshot | null {
    if (before.status !== 'active') return null
    // XState's own transition selection first: the full step only when some transition is enabled.
    if (machine.getTransitionData(before as never, event).length === 0) return null
    const after = step(before, event)
    return after === before ? null : after
  }

  /** The refusal of `event` in `before`, with the machine's own code, rules and reasons. */
  function refusal(before: InitiativeSnapshot, event: InitiativeEvent): SideOutcome {
    const why = explainEvent(machine, policy, before, event)
    return {
      accepted: false,
      code: why.code,
      rules: why.rules.length > 0 ? why.rules : why.phrases.map((p) => p.key),
      reasons: why.reasons,
      phrases: why.phrases,
    }
  }

  /** The keys as the key board shows them in `snapshot`. */
  function keys(snapshot: InitiativeSnapshot): StoryKey[] {
    return keyBoard(policy, snapshot, snapshot.context.now).keys.map((k) => ({
      key: k.key,
      status: k.status,
      waitingFor: k.waitingFor,
    }))
  }

  return {
    policy,
    machine,
    alphabet: expander.alphabet,
    alphabetContext: expander.alphabetContext,
    abstractKey: expander.abstractKey,
    initial: expander.initial,
    send,
    refusal,
    keys,
    phase: (snapshot: InitiativeSnapshot) => phaseOf(snapshot),
  }
}

export type DiffSideMachine = ReturnType<typeof createDiffSide>
