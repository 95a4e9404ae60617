import type { InitiativeMachine } from '../../../machines/initiative.js'
import type { InitiativeEvent } from '../../domain/InitiativeEvent.js'
import type { AbstractEvent } from '../../explore/alphabet.js'
import { explorationSetup } from '../../explore/expander.js'
import { DEFAULT_MAX_STATES, explore, type InitiativeSnapshot, pathTo } from '../../explore/explore.js'
import type { Policy } from '../../policy/PolicySchema.js'
import { analyzeError } from '../analyzeMessages.js'
import type { PowerKind } from './PowerKind.js'

/** The most players a game may have: coalitions are bit masks of one 32-bit number. */
export const MAX_PLAYERS = 30

/** What the machine said about one coalition. */
export interface CoalitionOutcome {
  wins: boolean
  /** For a win: the events from the proposal to approval, as the machine took them. */
  witness: InitiativeEvent[] | null
  /** Abstract states the search saw. */
  states: number
}

export interface CoalitionGameOptions {
  /** Per coalition: stop after this many abstract states; stopping before an answer is LIMIT_REACHED. */
  maxStates?: number
  maxHeapBytes?: number
}

/** The states where an initiative has been approved: `approved` itself and every rollout after it. */
const APPROVED_STATES = new Set(['approved', 'federalRollout', 'regionalRollout', 'exportRollout'])

/**
 * Whether the machine has approved the initiative in this snapshot (or routed it on).
 *
 * @example
 * isApproved(step.after) // true once both keys of two-keys.yaml are turned
 */
export const isApproved = (s: InitiativeSnapshot) =>
  s.context.approvedAt !== null || (typeof s.value === 'string' && APPROVED_STATES.has(s.value))

/**
 * What happens in every coalition's play whoever is in it: time passes (ticks), the sponsor
 * proposes this kind and submits it, and holders give the delegations they may (standing
 * delegations: the policy allows them, so the question is whose accounts then act).
 *
 * @example
 * isBackground(kind, { type: 'TICK', … }) // true: time passes in every coalition's play
 */
export function isBackground(kind: PowerKind, event: AbstractEvent): boolean {
  if (event.type === 'TICK') return true
  if (event.type === 'PROPOSE') return event.variant === kind.name && event.actor === kind.sponsor
  if (event.type === 'SUBMIT') return event.actor === null
  return event.type === 'DELEGATE' && event.role === 'holder'
}

/**
 * The cooperative game of one kind of initiative under a policy's machine. The players are the
 * principals who send some letter of the explorer's alphabet besides the background (holders,
 * deputies, the sponsor, commission members, governors, ministries, an outsider…); a coalition
 * wins when the machine, exploring every order of its members' commands and the background's,
 * reaches approval. The machine decides every answer; answers are remembered.
 *
 * @example
 * const game = coalitionGame(policy, createInitiativeMachine(policy), powerKinds(policy)[0])
 * game.play(game.maskOf(['oreshkin', 'grigorenko'])).wins // true on two-keys.yaml
 */
export function coalitionGame(
  policy: Policy,
  machine: InitiativeMachine,
  kind: PowerKind,
  options: CoalitionGameOptions = {},
) {
  const setup = explorationSetup(policy, { symmetry: false, scopes: [kind.scope] })
  const actorOf = (e: AbstractEvent) => e.actor ?? kind.sponsor
  const acting = new Set(
    setup.alphabet.filter((e) => e.type !== 'PROPOSE' && !isBackground(kind, e)).map(actorOf),
  )
  // Holders first, then deputies and the sponsor, then everyone else in the alphabet's order.
  const first = [
    ...setup.cast.holders.flat(),
    ...setup.cast.deputies.flatMap((d) => (d === null ? [] : [d])),
    kind.sponsor,
  ]
  const players = [...new Set([...first.filter((p) => acting.has(p)), ...acting])]
  if (players.length > MAX_PLAYERS) {
    throw analyzeError('LIMIT_REACHED', 'power.tooManyPlayers', {
      kind: kind.name,
      policy: policy.id,
      players: players.length,
      max: MAX_PLAYERS,
    })
  }
  const index = new Map(players.map((p, i) => [p, i]))
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES
  const memo = new Map<number, CoalitionOutcome>()
  let explorations = 0

  function play(mask: number): CoalitionOutcome {
    const known = memo.get(mask)
    if (known !== undefined) return known
    const allowed = (e: AbstractEvent) =>
      isBackground(kind, e) || (e.type !== 'PROPOSE' && ((mask >>> (index.get(actorOf(e)) ?? 31)) & 1) === 1)
    let won = -1
    const graph = explore(policy, machine, {
      symmetry: false, // holders are interchangeable only when all of them may act
      scopes: [kind.scope],
      only: allowed,
      maxStates,
      ...(options.maxHeapBytes === undefined ? {} : { maxHeapBytes: options.maxHeapBytes }),
      onStep: (step) => {
        if (won < 0 && isApproved(step.after)) won = step.to
      },
      shouldStop: () => won >= 0,
    })
    explorations++
    if (won < 0 && !graph.complete) {
      throw analyzeError('LIMIT_REACHED', 'power.playStopped', {
        kind: kind.name,
        policy: policy.id,
        players: namesOf(mask),
        by: graph.stoppedBy === 'memory' ? 'memory' : 'states',
        max: maxStates,
      })
    }
    const outcome: CoalitionOutcome = {
      wins: won >= 0,
      witness: won >= 0 ? pathTo(graph, won).events : null,
      states: graph.keys.length,
    }
    memo.set(mask, outcome)
    return outcome
  }

  function namesOf(mask: number): string[] {
    return players.filter((_, i) => ((mask >>> i) & 1) === 1)
  }

  function maskOf(names: readonly string[]): number {
    let mask = 0
    for (const name of names) {
      const i = index.get(name)
      if (i === undefined) throw new Error(`"${name}" is not a player of kind "${kind.name}"`)
      mask |= 1 << i
    }
    return mask >>> 0
  }

  return {
    policy,
    machine,
    kind,
    players,
    setup,
    play,
    namesOf,
    maskOf,
    /** How many coalitions the machine has been asked about. */
    explorations: () => explorations,
  }
}

export type CoalitionGame = ReturnType<typeof coalitionGame>
