import type { AnyMachineSnapshot } from 'xstate'
import type { InitiativeMachine } from '../../../machines/initiative.js'
import { phrase, renderPhrase, term } from '../../../machines/refusalMessages.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import { explainEvent } from '../../engine/explainEvent.js'
import type { Policy } from '../../policy/PolicySchema.js'
import type { RefusedEvent } from './ReplayResult.js'

/**
 * A refused event with the machine's own reasons (`explainEvent`, the engine's words), its code,
 * and the rules that refused it — or, when no rule did (the initiative is closed, the event is not
 * taken in its phase), the phrase key the engine words it with.
 *
 * @example
 * refusalOf(machine, policy, snapshot, 4, decideByGrigorenko).rules // ['state.unknownKey']
 */
export function refusalOf(
  machine: InitiativeMachine,
  policy: Policy,
  snapshot: AnyMachineSnapshot,
  seq: number,
  event: InitiativeEvent,
): RefusedEvent {
  const explanation = explainEvent(machine, policy, snapshot, event)
  const rules = explanation.rules.length > 0 ? explanation.rules : explanation.phrases.map((p) => p.key)
  return {
    seq,
    event,
    code: explanation.code ?? 'REFUSED',
    rules: rules.length > 0 ? rules : ['state.notNow'],
    reasons: explanation.reasons,
    phrases: explanation.phrases,
  }
}

/**
 * A recorded event that carries no signed command, offered to a policy with `identity: signed`:
 * the engine refuses it at the door, before any rule.
 */
export function unsignedRefusal(seq: number, event: InitiativeEvent, policyId: string): RefusedEvent {
  const said = phrase('identity.unsigned', {
    event: term(`command.${event.type}`),
    by: 'by' in event ? event.by : '?',
    policy: policyId,
  })
  return {
    seq,
    event,
    code: 'UNAUTHENTICATED',
    rules: ['identity'],
    reasons: [renderPhrase(said)],
    phrases: [said],
  }
}
