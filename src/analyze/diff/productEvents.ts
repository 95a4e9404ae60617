import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import { type AbstractEvent, instantiate } from '../../explore/alphabet.js'
import type { InitiativeSnapshot } from '../../explore/InitiativeSnapshot.js'
import type { DiffSideMachine } from './diffSide.js'

/** A concrete event of the product, with the alphabet letter it was first made from. */
export interface ProductEvent {
  event: InitiativeEvent
  letter: AbstractEvent
}

/**
 * The concrete events to send both machines from a pair of snapshots: every letter of A's
 * alphabet instantiated on A's snapshot, then every letter of B's on B's, each distinct event
 * once. Each side's letters are made for its own policy (its keys, holders, deadlines), so the
 * union asks each machine what the other policy can say too.
 *
 * @example
 * productEvents(sideA, sideB, a, b).map((e) => e.letter.label)
 */
export function productEvents(
  sideA: DiffSideMachine,
  sideB: DiffSideMachine,
  a: InitiativeSnapshot,
  b: InitiativeSnapshot,
): ProductEvent[] {
  const seen = new Set<string>()
  const events: ProductEvent[] = []
  for (const [side, snapshot] of [
    [sideA, a],
    [sideB, b],
  ] as const) {
    for (const letter of side.alphabet) {
      const event = instantiate(side.alphabetContext, letter, snapshot.value, snapshot.context)
      if (event === null) continue
      const text = JSON.stringify(event)
      if (seen.has(text)) continue
      seen.add(text)
      events.push({ event, letter })
    }
  }
  return events
}
