import type { NoteSigner } from '../tlog/noteKey.js'
import type { VerifierKey } from '../tlog/signedNote.js'
import { type AddCheckpointOutcome, addCheckpoint } from './addCheckpoint.js'
import { readAddCheckpoint } from './parseAddCheckpoint.js'
import { createSerializer } from './serialize.js'
import type { WitnessState } from './WitnessState.js'
import { saveWitnessState } from './witnessStateFile.js'

export interface WitnessOptions {
  signer: NoteSigner
  logKeys: readonly VerifierKey[]
  /** The state file, already loaded (see loadWitnessState). */
  statePath: string
  state: WitnessState
  /** POSIX seconds; the system clock unless a test fixes it. */
  now?: () => number
}

export interface Witness {
  readonly signer: NoteSigner
  /** Decides one add-checkpoint body; a 200 is returned only once its state is on disk. */
  addCheckpoint(body: Uint8Array | string): Promise<AddCheckpointOutcome>
  /** The state as last persisted. */
  state(): WitnessState
}

const systemClock = () => Math.floor(Date.now() / 1000)

/**
 * A witness over a state file: the pure decision (addCheckpoint) run one request per origin at a
 * time, its new state saved atomically before the cosignature leaves. The in-memory state changes
 * only after the file does, so a failed save cosigns nothing and forgets nothing.
 */
export function createWitness(options: WitnessOptions): Witness {
  const perOrigin = createSerializer()
  const now = options.now ?? systemClock
  let state = options.state

  return {
    signer: options.signer,
    state: () => state,
    async addCheckpoint(body) {
      const request = readAddCheckpoint(body)
      const decide = () =>
        addCheckpoint({ state, logKeys: options.logKeys, signer: options.signer, request, now: now() })
      // a malformed body is refused with its own reason, on no origin's turn
      if (!('note' in request)) return decide()
      const origin = request.checkpoint.origin
      return perOrigin(origin, async () => {
        const outcome = decide()
        const entry = outcome.newState?.logs[origin]
        if (entry === undefined) return outcome
        // Only this origin's entry changes, on the latest state: other origins may have moved on
        // while this one waited. The save is synchronous, so no other write interleaves with it.
        const next: WitnessState = { ...state, logs: { ...state.logs, [origin]: entry } }
        saveWitnessState(options.statePath, next)
        state = next
        return outcome
      })
    },
  }
}
