import { initialTransition } from 'xstate'
import { type CheckPhrase, sayCheck } from '../../../machines/checkPhrases.js'
import { createStepper } from '../../../machines/stepper.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import { hashPolicy } from '../../policy/hashPolicy.js'
import { eventPhrase, formatDay } from '../../verify/describeEvent.js'
import type { CoalitionGame } from './coalitionGame.js'

/**
 * A winning play in words, replayed on the machine: `day 0: minzifry proposes …`, one line per
 * event, as a counterexample prints its steps.
 *
 * @example
 * witnessLines(game, game.play(mask).witness ?? [])[0] // 'day 0: minzifry proposes a federal infrastructure initiative…'
 */
export function witnessLines(game: CoalitionGame, events: readonly InitiativeEvent[]): string[] {
  return witnessSteps(game, events).map((s) => `${formatDay(s.at)}: ${sayCheck(s.phrase)}`)
}

/** A winning play as phrases, one per event with its time, for any language. */
export function witnessSteps(
  game: CoalitionGame,
  events: readonly InitiativeEvent[],
): { at: number; phrase: CheckPhrase }[] {
  const step = createStepper(game.machine)
  const [initial] = initialTransition(game.machine, { policyHash: hashPolicy(game.policy) })
  let snapshot = initial as InitiativeSnapshot
  return events.map((event) => {
    const phrase = eventPhrase(game.policy, event, snapshot)
    snapshot = step(snapshot, event)
    return { at: event.at, phrase }
  })
}
