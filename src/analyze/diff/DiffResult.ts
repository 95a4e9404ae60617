import type { CheckPhrase } from '../../../machines/checkPhrases.js'
import type { Phase } from '../../../machines/describeState.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { ErrorCode } from '../../domain/TwoKeysError.js'
import type { KeyStatus } from '../../engine/keyBoard.js'

/** Which of the two policies: A is the first argument of `diffPolicies`, B the second. */
export type DiffSide = 'A' | 'B'

/** What one policy's machine did with an event: took it (and the phase it reached) or refused it. */
export type SideOutcome =
  | { accepted: true; phase: Phase }
  | {
      accepted: false
      /** The refusal's error code, as the engine would raise it. */
      code: ErrorCode | null
      /** The rules (guard names) that refused; else the message key of the machine's reason. */
      rules: string[]
      /** The refusal's reasons in English, as `explain()` gives them. */
      reasons: string[]
      /** The same reasons as message keys with parameters, for other languages. */
      phrases: { key: string; params: Readonly<Record<string, unknown>> }[]
    }

/** One key of one policy at the end of a story: what the key board shows. */
export interface StoryKey {
  key: string
  status: KeyStatus
  /** Who can still act on it ("grigorenko"), empty when no one need. */
  waitingFor: string[]
}

/** One step of a story: the event both machines were sent and the phase each reached. */
export interface StoryStep {
  event: InitiativeEvent
  /** The event in words (`describeEvent`): "oreshkin approves presidential-administration". */
  words: string
  /** `words` as a phrase, for any language. */
  phrase: CheckPhrase
  phaseA: Phase
  phaseB: Phase
}

/** Names an event uses that only one policy knows: a key or a principal the other lacks. */
export interface OnlyIn {
  /** The policy that knows them. */
  side: DiffSide
  keys: string[]
  principals: string[]
}

/**
 * What a group of differences has in common: the event (type, who, which key, which variant)
 * and how the two policies answered (the phase both were in is the story's, not the group's).
 */
export interface DifferenceShape {
  type: InitiativeEvent['type']
  /** The acting principal, "sponsor" for whoever proposed, null for the clock. */
  actor: string | null
  key: string | null
  /** The alphabet's variant: approve, refuse, accept, a tick's kind (window, expiry, delegation), … */
  variant: string
  /** The policy that refused it, or null when both took it (to different phases). */
  refusedBy: DiffSide | null
  /** The refusal's code and rules (when one refused). */
  code: ErrorCode | null
  rules: string[]
  /** The phase each side reached, null where it stayed in its phase (or refused). */
  phaseA: Phase | null
  phaseB: Phase | null
  /** Set when the event names a key or principal only one policy has. */
  onlyIn: OnlyIn | null
}

/** The shortest story to one difference: the steps both policies agree on, then the one that differs. */
export interface DiffStory {
  /** Steps both policies took alike, from the start. */
  steps: StoryStep[]
  /** The event they disagree on, and each side's answer. */
  event: InitiativeEvent
  words: string
  phrase: CheckPhrase
  a: SideOutcome
  b: SideOutcome
  /** Each policy's keys after the story (before the event for the side that refused it). */
  keysA: StoryKey[]
  keysB: StoryKey[]
}

/** Differences of one shape: how many pair states show it, and the shortest story to one. */
export interface DiffGroup {
  /** A stable id for the shape (its fields, joined). */
  id: string
  /** The shape in English words: "oreshkin approves presidential-administration → A takes it · B → federalRollout". */
  title: string
  shape: DifferenceShape
  /** Distinct pair states (A's state, B's state) from which this difference happens. */
  count: number
  /** Length of the shortest story: its agreed steps plus the differing event. */
  length: number
  story: DiffStory
}

/** The outcome of comparing two policies' machines in lockstep. */
export interface DiffResult {
  /**
   * agree: a complete search found no difference; differ: some difference found in a complete
   * search; incomplete: the search stopped at a limit — no verdict (never "agree").
   */
  verdict: 'agree' | 'differ' | 'incomplete'
  a: { id: string; title: string }
  b: { id: string; title: string }
  /** Differences on events both policies can name, shortest stories first. */
  groups: DiffGroup[]
  /**
   * Differences on events naming a key or principal only one policy has (refused by the other
   * as unknown): reported apart, since they follow from the policies' different casts.
   */
  onlyInOne: DiffGroup[]
  /** Pair states seen, and expanded (all of them when complete). */
  pairs: number
  expanded: number
  complete: boolean
  /** What stopped an incomplete search. */
  stoppedBy: 'states' | 'memory' | 'asked' | null
  maxStates: number
  maxHeapBytes: number | undefined
  /** Concrete events tried across all pair states (each sent to both machines). */
  eventsTried: number
  seconds: number
}
