import { assign, createMachine } from 'xstate'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { amend } from '../../machines/updates.js'
import type { EventOf, InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { Policy } from '../policy/PolicySchema.js'

// The three ways a deliberately broken machine is made from the real one's parts. The mutant
// catalogue (mutantCatalogue.ts: `verify --bug` and the property tests) builds its entries with
// these, so a mutant is always the real machine with one named part replaced.

export type GuardArgs = { context: InitiativeContext; event: InitiativeEvent }
export type Guard = (args: GuardArgs, params: { key: string }) => boolean
// biome-ignore lint/suspicious/noExplicitAny: a machine config is untyped data here
export type MachineConfig = any

/**
 * The policy's machine with some named guards replaced; `original(name)` is the correct one.
 *
 * @example
 * withGuards(policy, () => ({ actorIsNotSponsor: () => true })) // the sponsor may turn a key
 */
export function withGuards(
  policy: Policy,
  guards: (original: (name: string) => Guard) => Record<string, Guard>,
): InitiativeMachine {
  const machine = createInitiativeMachine(policy)
  const original = (name: string) => machine.implementations.guards[name] as unknown as Guard
  return machine.provide({ guards: guards(original) } as never) as InitiativeMachine
}

/**
 * `machine` with an amend action that changes the content but keeps the context's `kept` fields
 * as they were (what a substantive amendment should have reset).
 *
 * @example
 * withAmendKeeping(policy, createInitiativeMachine(policy), ['revision']) // amendments make no new revision
 */
export function withAmendKeeping(
  policy: Policy,
  machine: InitiativeMachine,
  kept: readonly (keyof InitiativeContext)[],
): InitiativeMachine {
  return machine.provide({
    actions: {
      amend: assign(({ context, event }: GuardArgs) => ({
        ...amend(policy, context, event as EventOf<'AMEND'>),
        ...Object.fromEntries(kept.map((field) => [field, context[field]])),
      })),
    },
  } as never) as InitiativeMachine
}

/**
 * The policy's machine rebuilt with the state at `path` (state names from the root) rewritten by
 * `edit`, which gets a shallow copy; a state the chart lacks on that path (a lapsing policy has
 * no plenary) is added, reached by no transition unless `edit` or another state adds one.
 *
 * @example
 * withStateConfig(policy, ['open', 'review', 'window', 'plenary'], (plenary) => ({ ...plenary, on: {} }))
 */
export function withStateConfig(
  policy: Policy,
  path: readonly string[],
  edit: (state: MachineConfig) => MachineConfig,
): InitiativeMachine {
  const machine = createInitiativeMachine(policy)
  const patch = (node: MachineConfig, rest: readonly string[]): MachineConfig => {
    const [head, ...tail] = rest
    if (head === undefined) return edit({ ...node })
    return { ...node, states: { ...node.states, [head]: patch(node.states?.[head] ?? { on: {} }, tail) } }
  }
  return createMachine(
    patch(machine.config, path),
    machine.implementations as never,
  ) as unknown as InitiativeMachine
}
