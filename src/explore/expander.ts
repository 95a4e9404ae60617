import { initialTransition } from 'xstate'
import { type InitiativeMachine, isPolicyMachine } from '../../machines/initiative.js'
import { createStepper } from '../../machines/stepper.js'
import type { InitiativeEvent } from '../domain/InitiativeEvent.js'
import { hashPolicy } from '../policy/hashPolicy.js'
import type { Policy, ScopeKind } from '../policy/PolicySchema.js'
import { createStateAbstraction, type SnapshotView } from './abstractKey.js'
import { type AbstractEvent, type AlphabetContext, buildAlphabet, instantiate } from './alphabet.js'
import { branchSharing, imageElsewhere, imageRefuses, imageStaysInReview } from './branchSharing.js'
import { castOf } from './cast.js'
import { representativeContents } from './contents.js'
import {
  type HandledEvents,
  handledEvents,
  handlersOf,
  handlesType,
  selectionEnables,
} from './handledEvents.js'
import type { InitiativeSnapshot } from './InitiativeSnapshot.js'
import { keySymmetry, noSymmetry } from './keySymmetry.js'
import { twinLetters } from './twinLetters.js'

export interface SetupOptions {
  /** Canonicalise over interchangeable keys (see `keySymmetry`). Default true. */
  symmetry?: boolean
  /** Which representative initiatives to start from. Default: federal, regional, export. */
  scopes?: readonly ScopeKind[]
  /** Only these letters of the alphabet may happen (a power analysis lets only a coalition act). Default: all. */
  only?: (event: AbstractEvent) => boolean
  /**
   * Under symmetry, leave a command on an alike key to the same command on its twin where the
   * state does not tell the two keys apart, and a command by one of a key's interchangeable
   * holders to the same command by its twin holder likewise (`twinLetters`): the same states,
   * fewer moves tried. Default true; ignored without symmetry or with `only`.
   */
  twins?: boolean
  /**
   * Replaces the twin relation of `StateAbstraction.twins`: only for tests, which give a
   * deliberately unsound one to show that their comparison of searches catches it.
   */
  twinsOf?: (snapshot: SnapshotView) => Int32Array
  /** As `twinsOf`, for `StateAbstraction.holderTwins`: only for tests. */
  holderTwinsOf?: (snapshot: SnapshotView) => Int32Array[]
  /**
   * Write a deputy's decision as its seat's own where no rule tells the two apart
   * (`deputyAsSeat`): fewer states, the same verdicts. Default: in `createExpander`, on for the
   * policy's own machine (`isPolicyMachine`) and off for any other, which need not read decisions
   * as the rules do; in `explorationSetup` alone (no machine), on.
   */
  deputyAsSeat?: boolean
  /**
   * Share the review among the representative initiatives where no rule tells them apart before
   * approval (`branchSharing`): about a third of the states, the same verdicts. Default false;
   * ignored with `only`, and where `whyNotShared` gives a reason.
   */
  shareBranches?: boolean
}

/** What the explorer derives from a policy: cast, alphabet and abstraction. */
export function explorationSetup(policy: Policy, options: SetupOptions = {}) {
  const branches = representativeContents(policy, options.scopes)
  const cast = castOf(policy, branches)
  const alphabetContext: AlphabetContext = { policy, branches, cast }
  const alphabet = buildAlphabet(policy, branches, cast)
  const symmetry = options.symmetry === false ? noSymmetry(policy) : keySymmetry(policy)
  const sharing =
    options.shareBranches === true && options.only === undefined ? branchSharing(policy, branches) : null
  const abstraction = createStateAbstraction(policy, symmetry, {
    deputyAsSeat: options.deputyAsSeat !== false,
    ...(sharing === null ? {} : { sharedContent: sharing.tokenOf }),
  })
  const allowed = options.twins !== false && options.only === undefined
  const useTwins = allowed && symmetry.groups.length > 0
  const useHolderTwins = allowed && symmetry.holderOrbits.some((n) => n > 0)
  const letters = twinLetters(policy, symmetry, alphabet)
  const twinsOf = useTwins ? (options.twinsOf ?? abstraction.twins) : null
  const holderTwinsOf = useHolderTwins ? (options.holderTwinsOf ?? abstraction.holderTwins) : null
  const { leftToTwin, holderAt } = letters
  return {
    branches,
    cast,
    alphabet,
    alphabetContext,
    symmetry,
    abstractKey: abstraction.key,
    /** How the branches share their review (`branchSharing`), or null when they do not. */
    sharing,
    /**
     * The branch whose shared review a snapshot is in (`branchSharing`): before approval, with a
     * branch's own content; else -1 (a state every branch reaches alike, or one of a branch's own).
     */
    sharedBranchOf(snapshot: SnapshotView): number {
      if (sharing === null || snapshot.status !== 'active' || snapshot.context.approvedAt !== null) return -1
      return sharing.branchOf(snapshot.context.content)
    },
    /** Per key, its twin in a state (see `StateAbstraction.twins`); null when no letter is left to a twin. */
    twinsOf,
    /** Per key, per holder position, its twin holder in a state (see `StateAbstraction.holderTwins`); null when none is left to one. */
    holderTwinsOf,
    /**
     * Which letters a state leaves to their twins (`twinLetters`): a test per letter, or null when
     * no letter is left to a twin.
     */
    leftIn(before: SnapshotView): ((event: AbstractEvent) => boolean) | null {
      if (twinsOf === null && holderTwinsOf === null) return null
      const twins = twinsOf === null ? null : twinsOf(before)
      const holderTwins = holderTwinsOf === null ? null : holderTwinsOf(before)
      return (event) => {
        if (twins !== null && leftToTwin[event.index] === true && twins[event.key] !== event.key) return true
        const p = holderAt[event.index] as number
        return holderTwins !== null && p >= 0 && holderTwins[event.key]?.[p] !== p
      }
    },
    /** Per letter, whether it may be left to its twin (`twinLetters`), and its image on its group's first key. */
    twinLetters: letters,
    /**
     * Per letter, the letter that stands for it in coverage (`Exploration.letterTwin`): its
     * `twinLetters` orbit where commands are left to twins, else itself.
     */
    letterOrbit: twinsOf === null && holderTwinsOf === null ? alphabet.map((e) => e.index) : letters.orbit,
  }
}

/** A shared state's snapshot under another branch than its representative's (see `branchSharing`). */
export interface Image {
  /** The branch's index in the exploration's branches. */
  branch: number
  snapshot: InitiativeSnapshot
}

/** An image's move: the concrete event it was sent and its snapshots before and after. */
export interface ImageMove {
  branch: number
  concrete: InitiativeEvent
  before: InitiativeSnapshot
  after: InitiativeSnapshot
}

/** One move out of a state: the alphabet's event, the concrete event sent, the snapshot after. */
export type Successor = (event: AbstractEvent, concrete: InitiativeEvent, after: InitiativeSnapshot) => void

/**
 * The one place that computes a state's moves, for the breadth-first explorer and the lazy table
 * alike: every event of the alphabet that the machine takes from a snapshot and that changes it,
 * each computed by the machine itself (XState's transition selection first, then the reused-scope
 * step). `transitionCalls` counts the full steps taken.
 *
 * @example
 * const expander = createExpander(policy, createInitiativeMachine(policy), { symmetry: false })
 * expander.expand(expander.initial, (event, concrete, after) => console.log(event.type))
 */
export function createExpander(policy: Policy, machine: InitiativeMachine, options: SetupOptions = {}) {
  const setup = explorationSetup(policy, {
    ...options,
    deputyAsSeat: options.deputyAsSeat ?? isPolicyMachine(machine, policy),
  })
  const { alphabet, alphabetContext } = setup
  const [initial] = initialTransition(machine, { policyHash: hashPolicy(policy) })
  const step = createStepper(machine)
  const handledCache = new Map<string, HandledEvents>()
  // A transition for one key takes no event for another only where `isForKey` is the policy's rule.
  const byKey = isPolicyMachine(machine, policy)
  let transitionCalls = 0

  function expand(before: InitiativeSnapshot, visit: Successor): void {
    if (before.status !== 'active') return
    const handled = handledEvents(before, handledCache, byKey)
    const left = setup.leftIn(before)
    for (const event of alphabet) {
      if (!handlesType(handled, event.type)) continue
      if (left?.(event) === true) continue
      if (options.only !== undefined && !options.only(event)) continue
      const concrete = instantiate(alphabetContext, event, before.value, before.context)
      if (concrete === null) continue
      // XState's own transition selection first, at the nodes that have transitions for the
      // event: none enabled means refused, and the full macrostep (new snapshot, eventless
      // transitions) is needed only when one is.
      const nodes = handlersOf(handled, concrete)
      if (nodes.length === 0 || !selectionEnables(machine, nodes, before, concrete)) continue
      transitionCalls++
      const after = step(before, concrete)
      if (after === before) continue
      visit(event, concrete, after)
    }
  }

  /**
   * The move by `event` of each image of a shared state (`branchSharing`), computed by the machine
   * from the image itself. Each image must take the move its representative took: one that does
   * not breaks the premise of sharing.
   */
  function imageMoves(images: readonly Image[], event: AbstractEvent): ImageMove[] {
    return images.map(({ branch, snapshot: before }) => {
      const concrete = instantiate(alphabetContext, event, before.value, before.context)
      // An image must take its representative's move: the step itself tells a refusal (the same
      // snapshot back), with no selection first.
      if (concrete === null) throw imageRefuses(event.label, setup.branches[branch]?.name)
      transitionCalls++
      const after = step(before, concrete)
      if (after === before) throw imageRefuses(event.label, setup.branches[branch]?.name)
      return { branch, concrete, before, after }
    })
  }

  /**
   * The images' moves into a state `key` found within the shared review: each must land on that
   * same state, else the premise of sharing fails.
   */
  function imagesInto(images: readonly Image[], event: AbstractEvent, key: string): ImageMove[] {
    const moves = imageMoves(images, event)
    for (const move of moves)
      if (setup.abstractKey(move.after) !== key)
        throw imageElsewhere(event.label, setup.branches[move.branch]?.name)
    return moves
  }

  /** The images' moves out of the shared review (`imagesFollow`): none may stay in it. */
  function imagesOut(images: readonly Image[], event: AbstractEvent): ImageMove[] {
    const moves = imageMoves(images, event)
    for (const move of moves)
      if (setup.sharedBranchOf(move.after) >= 0)
        throw imageStaysInReview(event.label, setup.branches[move.branch]?.name)
    return moves
  }

  return {
    ...setup,
    initial: initial as InitiativeSnapshot,
    expand,
    imagesInto,
    imagesOut,
    /** How many full XState transitions were computed so far. */
    transitionCalls: () => transitionCalls,
  }
}
