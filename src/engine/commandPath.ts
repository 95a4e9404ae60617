import { phrase } from '../../machines/refusalMessages.js'
import type { Command, CommandInput } from '../domain/Command.js'
import { sha256Hex } from '../domain/canonicalHash.js'
import { parseCommand as parse } from '../domain/parseCommand.js'
import { isTwoKeysError } from '../domain/TwoKeysError.js'
import { commandTexts } from '../identity/commandTexts.js'
import { appendSteps, type Step, tickSteps } from './appendSteps.js'
import type { Authenticate } from './authenticate.js'
import { type CommandOutcomes, commandHashOf } from './commandOutcomes.js'
import type { EngineCore } from './EngineCore.js'
import { engineError } from './engineMessages.js'
import { type Explanation, explainEvent } from './explainEvent.js'
import { judgeCommand } from './judgeCommand.js'
import type { KeyedLock } from './keyedLock.js'
import type { Receipt } from './LazyReceipt.js'

/** The path of a command through the engine: parse, replay or lock, authenticate, judge, append. */
export interface CommandPath {
  dispatch(input: CommandInput): Promise<Receipt>
  /** Would this command be taken now? Judged exactly as `dispatch` would, and never acts. */
  explain(input: CommandInput): Promise<Explanation>
}

export function createCommandPath(
  core: EngineCore,
  withLock: KeyedLock,
  authenticate: Authenticate,
  { receiptOf, refuse, refuseUnauthenticated, replay }: CommandOutcomes,
): CommandPath {
  const { policy, policyHash, store, clock, ids, loader } = core
  let policyStored = false

  /**
   * Offers one command to the machine and appends it, with the deadlines due before it, if taken;
   * re-offers once on CONFLICT. The cached state is trusted optimistically: a stale cache shows up
   * as a CONFLICT on append, and a refusal is only given after re-reading the store.
   */
  async function offer(
    command: Command,
    initiativeId: string,
    commandId: string,
    attempt = 0,
  ): Promise<Receipt> {
    const cached = loader.cached(initiativeId)
    let loaded =
      cached ??
      (command.type === 'propose'
        ? ((await loader.load(initiativeId)) ?? (await loader.startOf(initiativeId, policyHash)))
        : await loader.mustLoad(initiativeId))
    // A signed command is rendered once, for its signing bytes, its command hash and its event's hash.
    const texts = command.signature === undefined ? undefined : commandTexts(command)
    const signed = await authenticate(loaded, command, texts)
    // Kept, but under an id of its own: a forgery must not use up the holder's command id.
    if (!signed.ok) return refuseUnauthenticated(command, initiativeId, signed.error)
    let verdict = judgeCommand(loaded, command, initiativeId, clock())
    if (verdict.explanation !== undefined && !verdict.explanation.allowed && cached !== undefined) {
      // Refuse only on what the store holds now, not on what this process last saw.
      loaded = (await loader.load(initiativeId)) ?? loaded
      verdict = judgeCommand(loaded, command, initiativeId, clock())
    }
    const { ticks, event, next, explanation } = verdict
    if (explanation !== undefined && !explanation.allowed) {
      const { reasons, phrases } = explanation
      const refused = engineError(
        explanation.code ?? 'REFUSED',
        'engine.refused',
        { type: command.type, by: command.by, reasons, phrases },
        { reasons, phrases },
      )
      return refuse(command, initiativeId, commandId, refused)
    }
    if (command.type === 'propose' && !policyStored) {
      await store.putPolicy(policyHash, policy)
      policyStored = true
    }
    const steps: Step[] = [
      ...tickSteps(ticks, ids),
      {
        event,
        snapshot: next,
        commandId,
        commandHash: texts === undefined ? commandHashOf(command) : sha256Hex(texts.hashed),
        ...(signed.keyring === undefined || texts === undefined
          ? {}
          : { signed: { command, keyring: signed.keyring, text: texts.whole } }),
      },
    ]
    try {
      const { loaded: updated, last } = await appendSteps(core, loaded, initiativeId, steps)
      return receiptOf(updated, last, false)
    } catch (error) {
      if (!(isTwoKeysError(error) && error.code === 'CONFLICT')) throw error
      // The id may have been taken meanwhile (the same command from elsewhere, or a reuse).
      const outcome = await store.findCommand(commandId)
      if (outcome !== undefined) return replay(command, commandId, outcome)
      if (attempt > 0) throw error
      // Someone else appended first: re-read and offer the command once more.
      return offer(command, initiativeId, commandId, attempt + 1)
    }
  }

  async function dispatch(input: CommandInput): Promise<Receipt> {
    const command = parse(input)
    const commandId = command.commandId ?? ids()
    const previous = command.commandId === undefined ? undefined : await store.findCommand(commandId)
    if (previous !== undefined) return replay(command, commandId, previous)
    const initiativeId = command.initiativeId ?? ids()
    return withLock(initiativeId, async () => {
      // A retry racing its first attempt waited for it here: answer with the first result.
      const first = command.commandId === undefined ? undefined : await store.findCommand(commandId)
      return first === undefined ? offer(command, initiativeId, commandId) : replay(command, commandId, first)
    })
  }

  async function explain(input: CommandInput): Promise<Explanation> {
    const command = parse(input)
    const initiativeId = command.initiativeId
    // A proposal without an id is judged as a new initiative: nothing is loaded, no id is used up.
    const loaded =
      command.type === 'propose'
        ? ((initiativeId === undefined ? undefined : await loader.load(initiativeId)) ??
          (await loader.startOf(initiativeId ?? '', policyHash)))
        : await loader.mustLoad(initiativeId as string)
    // The rules are explained before anyone signs; a signature, when present, is checked as a command's would be.
    if (command.signature !== undefined) {
      const signed = await authenticate(loaded, command)
      if (!signed.ok)
        return {
          allowed: false,
          reasons: [signed.error.message],
          phrases: [phrase('text', { text: signed.error.message })],
          rules: [],
          code: 'UNAUTHENTICATED',
          ...(signed.error.said === undefined ? {} : { said: signed.error.said }),
        }
    }
    const verdict = judgeCommand(loaded, command, initiativeId ?? '', clock())
    return verdict.explanation ?? explainEvent(loaded.machine, loaded.policy, verdict.due, verdict.event)
  }

  return { dispatch, explain }
}
