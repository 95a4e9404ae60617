import type { CoalitionGame } from './coalitionGame.js'
import { membersOf } from './masks.js'
import { minimalTransversals } from './minimalTransversals.js'

/**
 * Asks the machine, one restricted play each, whether a list of coalitions is exactly the game's
 * minimal winning coalitions: each wins; without any one of its members it loses; and for every
 * minimal transversal H of the list, the coalition of everyone outside H loses — so no winning
 * coalition avoids the list (any such one would miss a member of each listed coalition, so avoid
 * some H, so lie inside a losing coalition). The first claim that fails, in words, or null.
 *
 * @example
 * crossCheck(game, [game.maskOf(['oreshkin', 'grigorenko'])]) // null on two-keys without deputies
 */
export function crossCheck(game: CoalitionGame, winning: readonly number[]): string | null {
  const names = (mask: number) => `{${game.namesOf(mask).join(', ')}}`
  for (const mask of winning) {
    if (!game.play(mask).wins) return `${names(mask)} does not get the initiative approved`
    for (const i of membersOf(mask)) {
      if (game.play((mask & ~(1 << i)) >>> 0).wins) return `${names(mask)} wins without ${game.players[i]}`
    }
  }
  const everyone = game.players.length === 0 ? 0 : (2 ** game.players.length - 1) >>> 0
  for (const h of minimalTransversals([...winning])) {
    const rest = (everyone & ~h) >>> 0
    if (game.play(rest).wins) return `${names(rest)} wins, yet holds none of the listed coalitions`
  }
  return null
}
