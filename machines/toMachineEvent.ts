import type { Command } from '../src/domain/Command.js'
import type { InitiativeContent } from '../src/domain/InitiativeContent.js'
import type { InitiativeEvent } from '../src/domain/InitiativeEvent.js'
import type { InitiativeContext } from './InitiativeContext.js'

/** Keeps only the fields a command actually set, so exactOptionalPropertyTypes stays honest. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never
}

/**
 * Turns a validated command into the machine event it asks for, at time `at`. Fills in only
 * what the command leaves to the engine (the current revision, the rest of an amended
 * content); it decides nothing — that is the machine's job.
 */
export function toMachineEvent(
  command: Command,
  initiativeId: string,
  context: InitiativeContext | null,
  at: number,
): InitiativeEvent {
  const by = command.by
  switch (command.type) {
    case 'propose': {
      const { title, summary = '', objective, scope, budget } = command
      const content: InitiativeContent = { title, summary, objective, scope, ...defined({ budget }) }
      return { type: 'PROPOSE', by, at, id: initiativeId, content }
    }
    case 'submit':
      return { type: 'SUBMIT', by, at }
    case 'amend': {
      const { type: _t, by: _b, commandId: _c, initiativeId: _i, signature: _s, ...patch } = command
      const base = context?.content ?? {
        title: '',
        summary: '',
        objective: '',
        scope: { kind: 'federal', ministries: [] },
      }
      return { type: 'AMEND', by, at, content: { ...base, ...defined(patch) } }
    }
    case 'decide':
      return {
        type: 'DECIDE',
        by,
        at,
        key: command.key,
        decision: command.decision,
        revision: command.revision ?? context?.revision.hash ?? '',
        ...defined({ reason: command.reason }),
      }
    case 'revoke':
      return { type: 'REVOKE', by, at, key: command.key }
    case 'withdraw':
      return { type: 'WITHDRAW', by, at, ...defined({ reason: command.reason }) }
    case 'delegate':
      return {
        type: 'DELEGATE',
        by,
        at,
        key: command.key,
        deputy: command.deputy,
        from: command.from ?? at,
        until: command.until,
      }
    case 'respond':
      return { type: 'RESPOND', by, at, region: command.region, accept: command.accept }
    case 'ministry':
      return { type: 'MINISTRY', by, at, ministry: command.ministry, accept: command.accept }
    case 'plenary':
      return { type: 'PLENARY', by, at, vote: command.vote }
    case 'destination':
      return { type: 'DESTINATION', by, at, destination: command.destination, agreed: command.agreed }
    case 'complete':
      return { type: 'COMPLETE', by, at }
  }
}
