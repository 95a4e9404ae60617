import { type AnyMachineSnapshot, getInitialSnapshot } from 'xstate'
import type { InitiativeMachine } from '../../machines/initiative.js'
import type { ErrorPhrase } from '../../src/domain/TwoKeysError.js'
import type { Engine } from '../../src/engine/createEngine.js'
import type { Board } from '../../src/engine/keyBoard.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import type { RecordedEvent, RefusalRecord } from '../../src/stores/Store.js'
import type { AuditSession } from './audit/auditSession.js'

/** What a stage draws: the chart with its active states, the key board and the audit trail. */
export interface Scene {
  policy: Policy
  machine: InitiativeMachine
  now: number
  initiativeId: string | null
  /** Null before the initiative is proposed. */
  board: Board | null
  snapshot: AnyMachineSnapshot
  history: RecordedEvent[]
  refusals: RefusalRecord[]
  /** The rules' phrases of the refusals the page saw, by command id: their reasons in the page's language. */
  refusalPhrases?: ReadonlyMap<string, readonly ErrorPhrase[]>
  /** The play sandbox's keys, keyring and witnessed log (absent in the seed story). */
  audit?: AuditSession
}

/** Reads one initiative's scene from an engine; before it exists, the machine's initial state. */
export async function sceneOf(
  engine: Engine,
  machine: InitiativeMachine,
  initiativeId: string | null,
  now: number,
): Promise<Scene> {
  const known = initiativeId !== null && (await engine.store.readEvents(initiativeId)).length > 0
  const refusals = initiativeId === null ? [] : await engine.securityLog(initiativeId)
  if (!known) {
    return {
      policy: engine.policy,
      machine,
      now,
      initiativeId,
      board: null,
      snapshot: getInitialSnapshot(machine, { policyHash: engine.policyHash }),
      history: [],
      refusals,
    }
  }
  return {
    policy: engine.policy,
    machine,
    now,
    initiativeId,
    board: await engine.status(initiativeId),
    snapshot: await engine.snapshot(initiativeId),
    history: await engine.history(initiativeId),
    refusals,
  }
}
