import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import type { Explanation } from '../../src/engine/explainEvent.js'
import type { Board } from '../../src/engine/keyBoard.js'
import { manualClock } from '../../src/engine/systemClock.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { type Scene, sceneOf } from './scene.js'

/** The sandbox's calendar starts where the seed story does. */
export const SANDBOX_START = Date.parse('2026-03-02T09:00:00Z')
/** The one initiative a sandbox plays with. */
export const SANDBOX_INITIATIVE = 'my-initiative'

/** What happened to one attempted command: the engine took it, or refused it with reasons. */
export type Outcome =
  | { kind: 'accepted'; command: CommandInput; board: Board }
  | { kind: 'refused'; command: CommandInput; code: string; reasons: string[] }

export interface Sandbox {
  readonly policy: Policy
  readonly machine: InitiativeMachine
  readonly engine: Engine
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
 */
export function createSandbox(policy: Policy, start = SANDBOX_START): Sandbox {
  const clock = manualClock(start)
  let counter = 0
  const engine = createEngine({ policy, clock, ids: () => `cmd-${++counter}` })
  const machine = createInitiativeMachine(policy)

  return {
    policy,
    machine,
    engine,
    now: () => clock(),
    scene: () => sceneOf(engine, machine, SANDBOX_INITIATIVE, clock()),
    async explain(command) {
      try {
        return await engine.explain(command)
      } catch (error) {
        if (!isTwoKeysError(error)) throw error
        const reasons = error.issues.length > 0 ? error.issues.map((i) => i.message) : [error.message]
        return { allowed: false, reasons, rules: [], code: error.code }
      }
    },
    async attempt(command) {
      try {
        const receipt = await engine.dispatch(command)
        return { kind: 'accepted', command, board: receipt.board }
      } catch (error) {
        if (!isTwoKeysError(error)) throw error
        const reasons =
          error.reasons.length > 0
            ? error.reasons
            : error.issues.length > 0
              ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
              : [error.message]
        return { kind: 'refused', command, code: error.code, reasons }
      }
    },
    async advance(ms) {
      clock.advance({ ms })
      await engine.tick(clock())
    },
  }
}
