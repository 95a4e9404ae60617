import { isTwoKeysError, type TwoKeysError } from '../domain/TwoKeysError.js'
import { appendSteps, tickSteps } from './appendSteps.js'
import type { CommandOutcomes } from './commandOutcomes.js'
import { dueTicks } from './dueTicks.js'
import type { EngineCore } from './EngineCore.js'
import { engineError } from './engineMessages.js'
import type { KeyedLock } from './keyedLock.js'
import type { Receipt } from './LazyReceipt.js'

/** Records every deadline of one initiative due by `now`, in one append. */
async function tickOne(
  core: EngineCore,
  receiptOf: CommandOutcomes['receiptOf'],
  initiativeId: string,
  now: number,
): Promise<Receipt | undefined> {
  const loaded = await core.loader.mustLoad(initiativeId)
  const { ticks } = dueTicks(loaded.machine, loaded.policy, loaded.snapshot, now)
  if (ticks.length === 0) return undefined
  try {
    const { loaded: updated, last } = await appendSteps(
      core,
      loaded,
      initiativeId,
      tickSteps(ticks, core.ids),
    )
    return receiptOf(updated, last, false)
  } catch (error) {
    // Another engine stored first; it applied the same deadlines before its own event.
    if (isTwoKeysError(error) && error.code === 'CONFLICT') return undefined
    throw error
  }
}

/**
 * Fires every deadline due at `at` (the engine's clock by default) in every initiative, each
 * under its lock; one receipt per initiative whose state changed. One broken initiative is
 * reported after the others have been ticked.
 */
export async function tickAll(
  core: EngineCore,
  withLock: KeyedLock,
  receiptOf: CommandOutcomes['receiptOf'],
  at: number | undefined,
): Promise<Receipt[]> {
  if (at !== undefined && !(Number.isSafeInteger(at) && at >= 0)) {
    throw engineError('COMMAND_INVALID', 'engine.tickNotATime', {
      shown: typeof at === 'number' ? String(at) : null,
      type: at === null ? 'null' : typeof at,
    })
  }
  const now = at ?? core.clock()
  const receipts: Receipt[] = []
  const failures: string[] = []
  let firstFailure: TwoKeysError | undefined
  for (const initiativeId of await core.store.listInitiatives()) {
    try {
      const receipt = await withLock(initiativeId, () => tickOne(core, receiptOf, initiativeId, now))
      if (receipt !== undefined) receipts.push(receipt)
    } catch (error) {
      // One broken initiative must not stop every other deadline from firing.
      const wrapped = isTwoKeysError(error)
        ? error
        : engineError(
            'INTERNAL',
            'engine.initiativeFailed',
            { initiative: initiativeId, error: String(error) },
            { cause: error },
          )
      firstFailure ??= wrapped
      failures.push(wrapped.message)
    }
  }
  if (firstFailure !== undefined) {
    throw engineError(
      firstFailure.code,
      'engine.tickFailures',
      { changed: receipts.length, failures },
      { reasons: failures, cause: firstFailure },
    )
  }
  return receipts
}
