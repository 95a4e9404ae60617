import { createInitiativeMachine, type InitiativeMachine } from '../../../machines/initiative.js'
import { TwoKeysError } from '../../domain/TwoKeysError.js'
import type { Policy } from '../../policy/PolicySchema.js'
import { analyzeError } from '../analyzeMessages.js'
import { coalitionGame } from './coalitionGame.js'
import { crossCheck } from './crossCheck.js'
import { describeMember } from './describeMember.js'
import { findMinimalWinning } from './findMinimalWinning.js'
import { grandCoalitionCandidates } from './grandCoalitionCandidates.js'
import { holderGame } from './holderGame.js'
import { holderIndices } from './holderIndices.js'
import { membersOf, sizeOf } from './masks.js'
import { minimalTransversals } from './minimalTransversals.js'
import type { PowerKind } from './PowerKind.js'
import type { KindPower, PowerResult } from './PowerResult.js'
import { powerKinds } from './powerKinds.js'
import { witnessLines } from './witnessLines.js'

export interface AnalyzePowerOptions {
  /** The machine to ask (a catalogued broken one, say); default `createInitiativeMachine(policy)`. */
  machine?: InitiativeMachine
  /** The catalogued bug's name, for the result. */
  bug?: string
  /** Only these kinds (branch names such as `federal`, `export@₽10000000001,1d`); default all. */
  kinds?: readonly string[]
  /** Per play: the most abstract states explored; stopping short of an answer is LIMIT_REACHED. */
  maxStates?: number
  maxHeapBytes?: number
  /**
   * How to find the candidates the machine then checks: `graph` (default) from the grand
   * coalition's explored graph; `levels` coalition by coalition, by growing sizes — slower, and
   * what `graph` falls back on if its answer ever failed the check.
   */
  method?: 'graph' | 'levels'
  /** The most restricted plays of the search by growing sizes, per kind. Default 20,000. */
  maxCoalitions?: number
  /** Called before each kind is analysed, for progress lines. */
  onKind?: (kind: string, index: number, total: number) => void
}

/** Smallest first, then in the order of the players (holders first). */
const bySize = (a: number, b: number) =>
  sizeOf(a) - sizeOf(b) || membersOf(a).join().localeCompare(membersOf(b).join())

function analyzeKind(
  policy: Policy,
  machine: InitiativeMachine,
  kind: PowerKind,
  options: AnalyzePowerOptions,
): KindPower {
  const limits = {
    ...(options.maxStates === undefined ? {} : { maxStates: options.maxStates }),
    ...(options.maxHeapBytes === undefined ? {} : { maxHeapBytes: options.maxHeapBytes }),
  }
  const game = coalitionGame(policy, machine, kind, limits)
  let method: KindPower['method'] = options.method ?? 'graph'
  let winning = method === 'graph' ? grandCoalitionCandidates(game, limits) : []
  if (method === 'levels' || crossCheck(game, winning) !== null) {
    // Coalition by coalition (asked for, or the accelerator's answer failed the machine's check).
    method = 'levels'
    winning = findMinimalWinning(
      game,
      options.maxCoalitions === undefined ? {} : { maxCoalitions: options.maxCoalitions },
    ).winning
    const problem = crossCheck(game, winning)
    if (problem !== null)
      throw new TwoKeysError('INTERNAL', `power analysis of kind "${kind.name}": ${problem}`)
  }
  winning.sort(bySize)
  const names = (mask: number) => game.namesOf(mask)
  const inAll = winning.reduce((acc, m) => (acc & m) >>> 0, winning.length === 0 ? 0 : 0xffffffff >>> 0)
  const inAny = winning.reduce((acc, m) => (acc | m) >>> 0, 0)
  const holders = holderGame(game, winning)
  return {
    kind: kind.name,
    objective: kind.objective,
    scope: kind.scope,
    track: kind.track,
    keys: kind.keys,
    sponsor: kind.sponsor,
    players: game.players,
    minimalWinning: winning.map((mask) => {
      const witness = game.play(mask).witness ?? []
      return {
        members: names(mask).map((id) => describeMember(game, id, witness)),
        witness: witnessLines(game, witness),
      }
    }),
    blocking: minimalTransversals(winning).sort(bySize).map(names),
    veto: names(inAll & ((2 ** game.players.length - 1) >>> 0)),
    fewestAccounts: winning.length === 0 ? null : sizeOf(winning[0] as number),
    powerless: game.players.filter((_, i) => ((inAny >>> i) & 1) === 0),
    indices: holderIndices(holders.holders, holders.winning),
    method,
    explorations: game.explorations(),
  }
}

/**
 * Who holds power under a policy: for each kind of initiative (objective × scope, and which
 * conditional keys apply), the minimal coalitions of principals whose commands get it approved
 * when no one else acts, the minimal blocking coalitions, the veto players, the fewest accounts
 * an attacker must control, and the Banzhaf and Shapley–Shubik indices of the key holders. The
 * machine decides every coalition (see `coalitionGame`); the reported coalitions are checked by
 * it one by one (`crossCheck`). A play too large for the limits is LIMIT_REACHED, never a table.
 *
 * @example
 * const power = analyzePower(loadPolicyFile('machines/policies/two-keys.yaml'))
 * power.kinds[0]?.indices.veto // ['oreshkin', 'grigorenko']
 */
export function analyzePower(policy: Policy, options: AnalyzePowerOptions = {}): PowerResult {
  const started = performance.now()
  const machine = options.machine ?? createInitiativeMachine(policy)
  const all = powerKinds(policy)
  const unknown = (options.kinds ?? []).filter((k) => !all.some((kind) => kind.name === k))
  if (unknown.length > 0) {
    throw analyzeError('COMMAND_INVALID', 'power.unknownKinds', {
      policy: policy.id,
      unknown,
      kinds: all.map((k) => k.name),
    })
  }
  const chosen = options.kinds === undefined ? all : all.filter((k) => options.kinds?.includes(k.name))
  const kinds = chosen.map((kind, i) => {
    options.onKind?.(kind.name, i, chosen.length)
    return analyzeKind(policy, machine, kind, options)
  })
  return {
    policy: { id: policy.id, title: policy.title },
    bug: options.bug ?? null,
    kinds,
    seconds: (performance.now() - started) / 1000,
  }
}
