import { analyzeError } from '../analyzeMessages.js'
import type { CoalitionGame } from './coalitionGame.js'
import { coalitionsOfSize, isSubset } from './masks.js'
import { minimalTransversals } from './minimalTransversals.js'

export interface MinimalWinningSearch {
  /** The minimal winning coalitions, smallest first. */
  winning: number[]
  /** The minimal blocking coalitions (transversals of `winning`): the complement of each loses. */
  blocking: number[]
  /** The largest coalition size the level-by-level search reached before the certificate held. */
  levels: number
  /** How many coalitions the machine played (explorations). */
  explorations: number
}

export interface MinimalWinningOptions {
  /** Stop with LIMIT_REACHED after this many explorations. Default 20,000. */
  maxCoalitions?: number
}

/** The default `maxCoalitions`. */
export const DEFAULT_MAX_COALITIONS = 20_000

/**
 * All minimal winning coalitions of a game, by growing sizes. The game is monotone (a coalition's
 * plays are among any larger one's), so a superset of a winner is never asked about, nor a subset
 * of a coalition known to lose; a winner found at size k is minimal because every smaller
 * coalition inside it was asked or ruled out before. After each size, a certificate: for every
 * minimal transversal H of the winners found, the coalition of everyone outside H must lose; if
 * one wins, a larger minimal winner is still unfound, so the search goes on, and when all lose
 * no winner can be missing (any unfound one would avoid some H, and so lie inside a loser).
 *
 * @example
 * findMinimalWinning(game).winning.map(game.namesOf) // [['oreshkin', 'grigorenko'], …]
 */
export function findMinimalWinning(
  game: CoalitionGame,
  options: MinimalWinningOptions = {},
): MinimalWinningSearch {
  const n = game.players.length
  const everyone = n === 0 ? 0 : (2 ** n - 1) >>> 0
  const maxCoalitions = options.maxCoalitions ?? DEFAULT_MAX_COALITIONS
  const winning: number[] = []
  let losers: number[] = []
  const ask = (mask: number): boolean => {
    if (game.explorations() >= maxCoalitions) {
      throw analyzeError('LIMIT_REACHED', 'power.coalitionsLimit', {
        kind: game.kind.name,
        max: maxCoalitions,
      })
    }
    const wins = game.play(mask).wins
    if (!wins && !losers.some((l) => isSubset(mask, l))) {
      losers = [...losers.filter((l) => !isSubset(l, mask)), mask]
    }
    return wins
  }
  const ruledOut = (mask: number) =>
    winning.some((w) => isSubset(w, mask)) || losers.some((l) => isSubset(mask, l))
  const certified = (): boolean =>
    minimalTransversals(winning).every((h) => {
      const rest = (everyone & ~h) >>> 0
      return losers.some((l) => isSubset(rest, l)) || !ask(rest)
    })

  let levels = 0
  for (let k = 0; k <= n; k++) {
    levels = k
    for (const mask of coalitionsOfSize(n, k)) {
      if (ruledOut(mask)) continue
      if (ask(mask)) winning.push(mask)
    }
    if (certified()) break
  }
  return { winning, blocking: minimalTransversals(winning), levels, explorations: game.explorations() }
}
