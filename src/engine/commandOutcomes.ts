import type { Command } from '../domain/Command.js'
import { canonicalHash } from '../domain/canonicalHash.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import type { TwoKeysError } from '../domain/TwoKeysError.js'
import type { CommandOutcome } from '../stores/Store.js'
import type { EngineCore } from './EngineCore.js'
import { engineError } from './engineMessages.js'
import type { Loaded } from './initiativeLoader.js'
import { keyBoard } from './keyBoard.js'
import { LazyReceipt, type Receipt } from './LazyReceipt.js'
import { refusalPhrases } from './refusalPhrases.js'

/** A command's hash without its id: what makes a repeat of the same id the same command. */
export const commandHashOf = (command: Command) => {
  const { commandId: _id, ...rest } = command
  return canonicalHash(rest)
}

/** How a command ends once judged: a receipt, a kept refusal, or the first outcome of its id again. */
export interface CommandOutcomes {
  receiptOf(loaded: Loaded, event: RecordedEvent, replayed: boolean): Receipt
  /**
   * Keeps a refusal in the security log and throws it — unless the command id already has an
   * outcome (the same command raced in from elsewhere): then that first outcome is the answer.
   */
  refuse(
    command: Command,
    initiativeId: string | null,
    commandId: string,
    error: TwoKeysError,
  ): Promise<Receipt>
  /**
   * Keeps an UNAUTHENTICATED refusal in the security log and throws it, without claiming the
   * command's id: whoever saw a holder's command id could otherwise use it up with a forgery. The
   * refusal is kept under an id of its own; its `command` is what was sent, with the id it named.
   */
  refuseUnauthenticated(command: Command, initiativeId: string, error: TwoKeysError): Promise<never>
  /**
   * One id names one command: a repeat gets the first outcome (the receipt again, or the same
   * refusal); the id reused for another command or initiative is COMMAND_INVALID.
   */
  replay(command: Command, commandId: string, previous: CommandOutcome): Promise<Receipt>
}

export function createCommandOutcomes(core: EngineCore): CommandOutcomes {
  const { store, clock, ids, loader } = core
  function receiptOf(loaded: Loaded, event: RecordedEvent, replayed: boolean): Receipt {
    return new LazyReceipt(event, replayed, () => keyBoard(loaded.policy, loaded.snapshot, clock()))
  }

  async function refuse(
    command: Command,
    initiativeId: string | null,
    commandId: string,
    error: TwoKeysError,
  ): Promise<Receipt> {
    const earlier = await store.recordRefusal({
      initiativeId,
      commandId,
      commandHash: commandHashOf(command),
      command,
      at: clock(),
      code: error.code,
      reasons: error.reasons.length > 0 ? error.reasons : [error.message],
    })
    if (earlier !== undefined) return replay(command, commandId, earlier)
    throw error
  }

  async function refuseUnauthenticated(
    command: Command,
    initiativeId: string,
    error: TwoKeysError,
  ): Promise<never> {
    await store.recordRefusal({
      initiativeId,
      commandId: ids(),
      commandHash: commandHashOf(command),
      command,
      at: clock(),
      code: error.code,
      reasons: error.reasons.length > 0 ? error.reasons : [error.message],
    })
    throw error
  }

  async function replay(command: Command, commandId: string, previous: CommandOutcome): Promise<Receipt> {
    const first = previous.kind === 'accepted' ? previous.event : previous.refusal
    if (first.commandHash !== commandHashOf(command)) {
      throw engineError('COMMAND_INVALID', 'engine.commandIdReused', {
        commandId,
        initiative: first.initiativeId,
      })
    }
    if (previous.kind === 'refused') {
      // The security log keeps the reasons in English only: a repeat says them as they were,
      // with the phrases that word them (judged again), so it reads the same in every language.
      const { code, reasons } = previous.refusal
      const phrases = await refusalPhrases(core, command, previous.refusal)
      throw engineError(
        code as TwoKeysError['code'],
        'engine.refused',
        { type: command.type, by: command.by, reasons, phrases },
        { reasons, phrases },
      )
    }
    return receiptOf(await loader.mustLoad(previous.event.initiativeId), previous.event, true)
  }

  return { receiptOf, refuse, refuseUnauthenticated, replay }
}
