import { isSubset } from './masks.js'

/** Keeps only the sets with no proper subset in the list. */
function minimalOnly(sets: number[]): number[] {
  const unique = [...new Set(sets)]
  return unique.filter((s) => !unique.some((t) => t !== s && isSubset(t, s)))
}

/**
 * The minimal transversals (hitting sets) of a family of coalitions: the smallest sets that
 * share a member with every one of them. For minimal winning coalitions these are the minimal
 * blocking coalitions: whoever holds one stops every win by not acting. An empty member of the
 * family cannot be hit: the answer is then empty.
 *
 * @example
 * minimalTransversals([0b011, 0b101]) // [0b001, 0b110]: player 0, or players 1 and 2
 */
export function minimalTransversals(family: readonly number[]): number[] {
  let hitting = [0]
  for (const set of family) {
    const next: number[] = []
    for (const t of hitting) {
      if ((t & set) !== 0) next.push(t)
      else for (let i = 0; i < 31; i++) if (((set >>> i) & 1) === 1) next.push((t | (1 << i)) >>> 0)
    }
    hitting = minimalOnly(next)
  }
  return hitting.sort((a, b) => a - b)
}
