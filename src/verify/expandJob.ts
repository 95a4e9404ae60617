import type { InitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import type { AbstractEvent } from '../explore/AbstractEvent.js'
import { imagesFollow } from '../explore/branchSharing.js'
import type { createExpander, Image } from '../explore/expander.js'
import type { InitiativeSnapshot } from '../explore/InitiativeSnapshot.js'
import { fromPortable, toPortable } from '../explore/portableSnapshot.js'
import type { Recorded } from '../invariants/Recorded.js'
import { recordStep } from '../invariants/recordEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import type {
  ImagesToDerive,
  JobAnswer,
  JobState,
  PortableImage,
  SearchJob,
  SearchMove,
} from './searchProtocol.js'
import { createPassage, stepViolations } from './stepJudge.js'

/**
 * Computes a state's images from its parent's (`ImagesToDerive`): each parent image moved by the
 * letter, by the machine, with its recorded facts. Each must land on the state's own key, else
 * the premise of sharing fails (`imagesInto`). Both as live snapshots, for the thread that
 * expands the state, and as portable ones, for the searching thread to give the state's children.
 */
export function imageDeriver(
  policy: Policy,
  machine: InitiativeMachine,
  expander: ReturnType<typeof createExpander>,
) {
  return ({ key, event, from }: ImagesToDerive): { live: Image; portable: PortableImage }[] => {
    const letter = expander.alphabet[event] as AbstractEvent
    const parents = from.map((image) => ({
      branch: image.branch,
      snapshot: fromPortable(machine, image.snapshot),
    }))
    const recordedOf = new Map(from.map((image) => [image.branch, image.recorded]))
    return expander.imagesInto(parents, letter, key).map((m) => {
      const facts = recordStep(policy, recordedOf.get(m.branch) as Recorded, m.before, m.concrete, m.after)
      return {
        live: { branch: m.branch, snapshot: m.after },
        portable: { branch: m.branch, snapshot: toPortable(m.after), recorded: facts.recorded.after },
      }
    })
  }
}

/**
 * At a stop (a limit, or asked), the premise of sharing for the states found and not expanded:
 * the search in one thread computes a new state's images as it finds it, so a broken premise
 * stops it (`BranchSharingBroken`) even on the last states found; on several threads a state's
 * images are computed by the thread that expands it (`JobState.derive`), so those of the states
 * never expanded are computed here, from `from` on, to fail where one thread fails.
 */
export function deriveUnexpanded(
  waiting: readonly (JobState | undefined)[],
  from: number,
  derive: (images: ImagesToDerive) => unknown,
): void {
  for (let s = from; s < waiting.length; s++) {
    const pending = waiting[s]?.derive
    if (pending !== undefined) derive(pending)
  }
}

/**
 * What one searching thread of `exploreInWorkers` does with a job: expands its states, each move
 * computed by `machine`, judges every step with the step invariants, and writes the moves as
 * `SearchMove`s. It numbers the keys it meets: a key's text and representative go out once, and
 * since a thread's jobs come in breadth-first order, its first report of a key comes before any
 * later one; later moves name the key by number. A worker thread runs one; the searching thread
 * runs its own beside them.
 */
export function createJobExpander(
  policy: Policy,
  machine: InitiativeMachine,
  expander: ReturnType<typeof createExpander>,
) {
  const passage = createPassage(machine)
  const reported = new Map<string, number>()
  const deriveImages = imageDeriver(policy, machine, expander)

  /**
   * `live` (the searching thread's own jobs): a state's snapshot if this thread holds it already,
   * so that it is not rebuilt from its portable form; `onFirst` sees each new key's snapshot as
   * computed, for the same reason.
   */
  return (
    job: SearchJob,
    live?: (s: number) => InitiativeSnapshot | undefined,
    onFirst?: (move: SearchMove, after: InitiativeSnapshot) => void,
  ): JobAnswer => {
    const found = new Set(job.found)
    /** One move, judged on the facts of the snapshot that took it, written as a `SearchMove`. */
    const moveOf = (
      event: AbstractEvent,
      concrete: InitiativeEvent,
      before: InitiativeSnapshot,
      recorded: Recorded,
      after: InitiativeSnapshot,
    ) => {
      const key = expander.abstractKey(after)
      const step = recordStep(policy, recorded, before, concrete, after)
      let local = reported.get(key)
      const move: SearchMove = { event: event.index, local: local ?? reported.size }
      if (local === undefined) {
        local = reported.size
        reported.set(key, local)
        move.first = { key, snapshot: toPortable(after), recorded: step.recorded.after }
        move.concrete = concrete
        onFirst?.(move, after)
      }
      const violations = stepViolations(policy, step, (id) => found.has(id))
      if (violations.length > 0) {
        move.violations = violations
        move.concrete = concrete
      }
      const passed = passage(before, concrete, after)
      if (passed.length > 0) move.passed = passed
      return { move, recorded: step.recorded.after }
    }
    const images: (PortableImage[] | null)[] = []
    const moves = job.states.map(({ snapshot, recorded, images: given, derive }, i) => {
      const before = live?.(job.start + i) ?? fromPortable(machine, snapshot)
      const derived = derive === undefined ? null : deriveImages(derive)
      const derivedPortable = derived?.map(({ portable }) => portable) ?? null
      images.push(derivedPortable)
      const portable = [...(derivedPortable ?? []), ...(given ?? [])]
      // Rebuilt only when a move needs them: most moves lead to states found before, within review.
      let rebuilt: Image[] | undefined
      const imagesOf = () => {
        rebuilt ??= [
          ...(derived ?? []).map(({ live }) => live),
          ...(given ?? []).map((image) => ({
            branch: image.branch,
            snapshot: fromPortable(machine, image.snapshot),
          })),
        ]
        return rebuilt
      }
      const hasImages = portable.length > 0
      const recordedOf = new Map(portable.map((image) => [image.branch, image.recorded]))
      const sourceShared = expander.sharedBranchOf(before) >= 0
      const moves: SearchMove[] = []
      expander.expand(before, (event, concrete, after) => {
        const { move, recorded: recordedAfter } = moveOf(event, concrete, before, recorded, after)
        moves.push(move)
        const branch = expander.sharedBranchOf(after)
        if (branch >= 0 && !sourceShared) {
          // A proposal into the shared review: the searching thread keeps it as an image if needed.
          move.enter = { branch, snapshot: toPortable(after), recorded: recordedAfter }
        } else if (branch < 0 && hasImages && imagesFollow(after)) {
          // Out of the shared review: each image's own move, judged on its own facts.
          for (const m of expander.imagesOut(imagesOf(), event)) {
            const image = moveOf(event, m.concrete, m.before, recordedOf.get(m.branch) as Recorded, m.after)
            image.move.image = m.branch
            moves.push(image.move)
          }
        }
      })
      return moves
    })
    return { moves, images }
  }
}
