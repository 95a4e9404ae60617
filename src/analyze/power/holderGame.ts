import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { CoalitionGame } from './coalitionGame.js'
import { membersOf } from './masks.js'

/**
 * The key holders' game of a kind, from the accounts' minimal winning coalitions: the players are
 * the policy's key holders, a deputy's commands count for the holder who named it (on the
 * machine's path to approval; else for the holders of the key it may act for), and no one else acts. A coalition of holders wins when, with its deputies, it holds some minimal
 * winning coalition of accounts; one that needs anybody else (the sponsor, an outsider) is out of
 * the holders' reach. Returns the holders and the winning coalitions as bit masks over them.
 *
 * @example
 * holderGame(game, winning).holders // ['oreshkin', 'grigorenko']
 */
export function holderGame(game: CoalitionGame, winning: readonly number[]) {
  const { cast } = game.setup
  const holders = [...new Set(cast.holders.flat())]
  const bitOf = (id: string) => 1 << holders.indexOf(id)
  // The holder masks one account stands for: itself; else the holders who named it deputy on the
  // machine's path to approval; else the holders of a key it may deputise for.
  const standsFor = (id: string, witness: readonly InitiativeEvent[]): number[] => {
    if (holders.includes(id)) return [bitOf(id)]
    const named = witness.flatMap((e) =>
      e.type === 'DELEGATE' && e.deputy === id && holders.includes(e.by) ? [bitOf(e.by)] : [],
    )
    if (named.length > 0) return [...new Set(named)]
    return cast.deputies.flatMap((d, k) => (d === id ? (cast.holders[k] ?? []).map(bitOf) : []))
  }
  const masks = new Set<number>()
  for (const coalition of winning) {
    const witness = game.play(coalition).witness ?? []
    let options = [0]
    for (const i of membersOf(coalition)) {
      const ways = standsFor(game.players[i] as string, witness)
      options = options.flatMap((m) => ways.map((w) => (m | w) >>> 0))
    }
    for (const m of options) masks.add(m)
  }
  return { holders, winning: [...masks] }
}
