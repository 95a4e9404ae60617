import type { AnyMachineSnapshot } from 'xstate'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import type { Command } from '../domain/Command.js'
import { canonicalHash, canonicalJsonWith, sha256Hex } from '../domain/canonicalHash.js'
import { eventHash } from '../domain/eventHash.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import type { DueTick } from './dueTicks.js'
import type { EngineCore } from './EngineCore.js'
import type { Loaded } from './initiativeLoader.js'

/** One event about to be appended, with the state it leads to. */
export interface Step {
  event: InitiativeEvent
  snapshot: AnyMachineSnapshot
  commandId: string
  commandHash: string
  /**
   * The signed command and the keyring version it was checked against, kept with the event, and
   * the command's canonical JSON (`text`), rendered once for the signature and reused for the hash.
   */
  signed?: { command: Command; keyring: number; text: string }
}

const tickHashOf = (at: number) => canonicalHash({ type: 'tick', at })

/** Each due deadline as a step of its own, under a fresh command id. */
export const tickSteps = (ticks: DueTick[], ids: () => string): Step[] =>
  ticks.map((t) => ({
    event: t.event,
    snapshot: t.snapshot,
    commandId: ids(),
    commandHash: tickHashOf(t.event.at),
  }))

/** The steps as hash-chained records following `loaded`'s last event. Pure. */
export function chainRecords(loaded: Loaded, initiativeId: string, steps: Step[]): RecordedEvent[] {
  let { seq, lastHash } = loaded
  return steps.map((step) => {
    const unsigned = {
      initiativeId,
      seq: ++seq,
      commandId: step.commandId,
      commandHash: step.commandHash,
      event: step.event,
      policyHash: loaded.policyHash,
      revision: (step.snapshot.context as InitiativeContext).revision.hash,
      prevHash: lastHash,
      ...(step.signed === undefined ? {} : { command: step.signed.command, keyring: step.signed.keyring }),
    }
    // With a signed command, its text is already rendered: the same hash as eventHash(unsigned).
    const hash =
      step.signed === undefined
        ? eventHash(unsigned)
        : sha256Hex(canonicalJsonWith(unsigned, 'command', step.signed.text))
    const record: RecordedEvent = { ...unsigned, hash }
    lastHash = record.hash
    return record
  })
}

/**
 * Chains the steps onto `loaded` and appends them in one transaction: all of them or none. The
 * cache follows the store: it takes the new state on success and forgets the initiative on failure.
 */
export async function appendSteps(
  { store, loader }: EngineCore,
  loaded: Loaded,
  initiativeId: string,
  steps: Step[],
): Promise<{ loaded: Loaded; last: RecordedEvent }> {
  const records = chainRecords(loaded, initiativeId, steps)
  const last = records.at(-1)
  const snapshot = steps.at(-1)?.snapshot ?? loaded.snapshot
  const next = { ...loaded, snapshot, seq: last?.seq ?? loaded.seq, lastHash: last?.hash ?? loaded.lastHash }
  const point = loader.snapshotPoint(initiativeId, loaded.seq, next)
  try {
    await store.append(initiativeId, loaded.seq, records, point && { state: point.digest })
  } catch (error) {
    loader.forget(initiativeId)
    throw error
  }
  const updated = loader.remember(initiativeId, next)
  if (point !== undefined) await loader.saveSnapshot(initiativeId, point)
  return { loaded: updated, last: last as RecordedEvent }
}
