import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { phrase } from '../../machines/refusalMessages.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { type ErrorPhrase, isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import type { Explanation } from '../../src/engine/explainEvent.js'
import type { Board } from '../../src/engine/keyBoard.js'
import { manualClock } from '../../src/engine/systemClock.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { type AuditSession, createAuditSession, publishGrowth } from './audit/auditSession.js'
import { signAs } from './audit/principalKeys.js'
import { type Scene, sceneOf } from './scene.js'

/** The sandbox's calendar starts where the seed story does. */
export const SANDBOX_START = Date.parse('2026-03-02T09:00:00Z')
/** The one initiative a sandbox plays with. */
export const SANDBOX_INITIATIVE = 'my-initiative'

/** What happened to one attempted command: the engine took it, or refused it with reasons. */
export type Outcome =
  | { kind: 'accepted'; command: CommandInput; board: Board }
  | { kind: 'refused'; command: CommandInput; code: string; reasons: string[]; phrases?: ErrorPhrase[] }

export interface Sandbox {
  readonly policy: Policy
  readonly machine: InitiativeMachine
  readonly engine: Engine
  /** The session's keys (made in the browser), keyring and witnessed log. */
  readonly audit: AuditSession
  now(): number
  scene(): Promise<Scene>
  /** Would the engine take this command now? A command that does not parse is refused too. */
  explain(command: CommandInput): Promise<Explanation>
  /** Offers the command to the engine: the page never decides, it only asks. */
  attempt(command: CommandInput): Promise<Outcome>
  /** Moves the clock on and fires the deadlines now due, as the engine's owner's timer would. */
  advance(ms: number): Promise<void>
}

/**
 * A fresh engine (memory store, manual clock, predictable ids) for one policy: the page's
 * playground. Every rule is the engine's; the sandbox only relays commands and reads state.
 * Each principal gets an Ed25519 key made here, the engine runs with `identity: signed` (when the
 * policy allows a first keyring), every command is signed by its actor's key before it is offered,
 * and after each accepted command a checkpoint of the log is published and cosigned by two witnesses.
 */
export function createSandbox(policy: Policy, start = SANDBOX_START): Sandbox {
  const clock = manualClock(start)
  let counter = 0
  const { session: audit, policy: enginePolicy } = createAuditSession(policy)
  const engine = createEngine({ policy: enginePolicy, clock, ids: () => `cmd-${++counter}` })
  const machine = createInitiativeMachine(policy)
  // The security log keeps a refusal's English reasons; the page keeps their phrases to word them.
  const refusalPhrases = new Map<string, ErrorPhrase[]>()
  const change = audit.keys.keyringChange
  const ready: Promise<void> =
    change === null
      ? Promise.resolve()
      : engine.changeKeyring(change).then((keyring) => {
          audit.keyring = keyring
        })

  /** The decision's revision, which a signature must bind: the initiative's current one. */
  async function revisionNow(command: CommandInput): Promise<string | undefined> {
    if (command.type !== 'decide' || command.revision !== undefined) return undefined
    try {
      const context = (await engine.snapshot(command.initiativeId)).context as InitiativeContext
      return context.revision.hash
    } catch {
      return undefined // no such initiative: the engine says so when the command is offered
    }
  }

  async function publish() {
    const events = await engine.store.readEvents(SANDBOX_INITIATIVE)
    publishGrowth(audit, events, clock())
  }

  return {
    policy,
    machine,
    engine,
    audit,
    now: () => clock(),
    async scene() {
      await ready
      return { ...(await sceneOf(engine, machine, SANDBOX_INITIATIVE, clock())), audit, refusalPhrases }
    },
    async explain(command) {
      await ready
      try {
        return await engine.explain(command)
      } catch (error) {
        if (!isTwoKeysError(error)) throw error
        const reasons = error.issues.length > 0 ? error.issues.map((i) => i.message) : [error.message]
        return {
          allowed: false,
          reasons,
          phrases: reasons.map((text) => phrase('text', { text })),
          rules: [],
          code: error.code,
        }
      }
    },
    async attempt(command) {
      await ready
      const commandId = `cmd-${++counter}`
      try {
        const signed = signAs(audit.keys.keys, command, commandId, await revisionNow(command))
        const receipt = await engine.dispatch(signed)
        await publish()
        return { kind: 'accepted', command, board: receipt.board }
      } catch (error) {
        if (!isTwoKeysError(error)) throw error
        const reasons =
          error.reasons.length > 0
            ? error.reasons
            : error.issues.length > 0
              ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
              : [error.message]
        if (error.phrases.length === reasons.length) refusalPhrases.set(commandId, error.phrases)
        return {
          kind: 'refused',
          command,
          code: error.code,
          reasons,
          ...(error.phrases.length === reasons.length ? { phrases: error.phrases } : {}),
        }
      }
    },
    async advance(ms) {
      await ready
      clock.advance({ ms })
      await engine.tick(clock())
      await publish()
    },
  }
}
