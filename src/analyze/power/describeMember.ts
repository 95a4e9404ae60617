import { DAY_MS } from '../../../machines/facts.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import { EPOCH } from '../../explore/alphabet.js'
import type { CoalitionGame } from './coalitionGame.js'
import type { DelegationWindow, MemberRole, PowerMember } from './PowerResult.js'

const day = (t: number) => Math.round(((t - EPOCH) / DAY_MS) * 1000) / 1000

/** The delegation under which `deputy` decided on the path, if it did. */
function windowOf(deputy: string, witness: readonly InitiativeEvent[]): DelegationWindow | null {
  const decision = witness.find((e) => e.type === 'DECIDE' && e.by === deputy && e.decision === 'approve')
  if (decision?.type !== 'DECIDE') return null
  const named = witness.find(
    (e) =>
      e.type === 'DELEGATE' &&
      e.deputy === deputy &&
      e.key === decision.key &&
      e.from <= decision.at &&
      decision.at < e.until,
  )
  if (named?.type !== 'DELEGATE') return null
  return {
    holder: named.by,
    key: named.key,
    fromDay: day(named.from),
    untilDay: day(named.until),
    actedDay: day(decision.at),
  }
}

/**
 * Who a player is for this kind of initiative — a key's holder, a deputy, the sponsor, a
 * commission member… — from the explorer's cast and the policy's roles, with the delegation
 * window a deputy acted in on the machine's path to approval.
 *
 * @example
 * describeMember(game, 'pa-aide', witness) // { role: 'deputy', keys: ['presidential-administration'], window: { … } }
 */
export function describeMember(
  game: CoalitionGame,
  id: string,
  witness: readonly InitiativeEvent[],
): PowerMember {
  const { policy, kind } = game
  const { cast } = game.setup
  const held = policy.keys.filter((_, k) => cast.holders[k]?.includes(id)).map((k) => k.id)
  const deputyFor = policy.keys.filter((_, k) => cast.deputies[k] === id).map((k) => k.id)
  const roles = policy.principals.find((p) => p.id === id)?.roles ?? []
  const role: MemberRole =
    held.length > 0
      ? 'holder'
      : deputyFor.length > 0
        ? 'deputy'
        : id === kind.sponsor
          ? 'sponsor'
          : policy.commission?.members.includes(id) === true
            ? 'member'
            : cast.duals.includes(id)
              ? 'dual'
              : roles.includes('governor')
                ? 'governor'
                : roles.includes('ministry')
                  ? 'ministry'
                  : roles.includes('agency')
                    ? 'agency'
                    : 'outsider'
  return {
    id,
    role,
    keys: role === 'holder' ? held : role === 'deputy' ? deputyFor : [],
    // Anyone but a holder may have acted under a delegation (a broken machine may let anyone).
    window: role === 'holder' ? null : windowOf(id, witness),
  }
}
