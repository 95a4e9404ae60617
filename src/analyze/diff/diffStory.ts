import { sayCheck } from '../../../machines/checkPhrases.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import { eventPhrase } from '../../verify/describeEvent.js'
import type { DiffStory, SideOutcome } from './DiffResult.js'
import type { DiffSideMachine } from './diffSide.js'

/** A pair state on a story's path: both snapshots and the event that led there. */
export interface StoryPair {
  a: InitiativeSnapshot
  b: InitiativeSnapshot
  via: InitiativeEvent | null
}

/**
 * The story of one difference: the concrete events from the start to the pair state it happens
 * in (`path`, first the initial pair), each with the phase both reached, then the differing
 * event with each side's answer and each side's keys after it.
 *
 * @example
 * diffStory(sideA, sideB, path, event, outcomeA, outcomeB).steps.map((s) => s.words)
 */
export function diffStory(
  sideA: DiffSideMachine,
  sideB: DiffSideMachine,
  path: readonly StoryPair[],
  event: InitiativeEvent,
  a: SideOutcome,
  b: SideOutcome,
): DiffStory {
  const steps = path.slice(1).map((pair, i) => {
    const before = path[i] as StoryPair
    const via = pair.via as InitiativeEvent
    const phrase = eventPhrase(sideA.policy, via, before.a)
    return {
      event: via,
      words: sayCheck(phrase),
      phrase,
      phaseA: sideA.phase(pair.a),
      phaseB: sideB.phase(pair.b),
    }
  })
  const last = path[path.length - 1] as StoryPair
  const afterA = sideA.send(last.a, event) ?? last.a
  const afterB = sideB.send(last.b, event) ?? last.b
  const phrase = eventPhrase(sideA.policy, event, last.a)
  return {
    steps,
    event,
    words: sayCheck(phrase),
    phrase,
    a,
    b,
    keysA: sideA.keys(afterA),
    keysB: sideB.keys(afterB),
  }
}
