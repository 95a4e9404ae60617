import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../../machines/initiative.js'
import { analyzePower } from '../../../src/analyze/power/analyzePower.js'
import { coalitionGame } from '../../../src/analyze/power/coalitionGame.js'
import { crossCheck } from '../../../src/analyze/power/crossCheck.js'
import { findMinimalWinning } from '../../../src/analyze/power/findMinimalWinning.js'
import { grandCoalitionCandidates } from '../../../src/analyze/power/grandCoalitionCandidates.js'
import { holderIndices, MAX_INDEX_PLAYERS } from '../../../src/analyze/power/holderIndices.js'
import { minimalTransversals } from '../../../src/analyze/power/minimalTransversals.js'
import { powerKinds } from '../../../src/analyze/power/powerKinds.js'
import { isTwoKeysError } from '../../../src/domain/TwoKeysError.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import { banzhafBySubsets, shapleyShubikByOrders } from './oracle.js'

const fixture = (name: string) =>
  loadPolicyFile(join('tests', 'fixtures', 'policies', `analyze-power-${name}.yaml`))
const gameOf = (name: string, options = {}) => {
  const policy = fixture(name)
  const kind = powerKinds(policy)[0]
  if (kind === undefined) throw new Error('no kind')
  return coalitionGame(policy, createInitiativeMachine(policy), kind, options)
}
const named = (game: ReturnType<typeof gameOf>, masks: number[]) =>
  masks.map((m) => game.namesOf(m).join('+')).sort()
const limitError = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return isTwoKeysError(error) ? error.code : String(error)
  }
  return 'no error'
}

describe('the search for minimal winning coalitions', () => {
  it.each(['deputies', 'council'])(
    'by growing sizes, coalition by coalition, finds what the grand graph finds (%s)',
    (name) => {
      const game = gameOf(name)
      const byLevels = findMinimalWinning(game)
      const byGraph = grandCoalitionCandidates(game)
      expect(named(game, byLevels.winning)).toEqual(named(game, byGraph))
      expect(crossCheck(game, byLevels.winning)).toBeNull()
    },
  )

  it('the machine check refuses a coalition that does not win, one that is not minimal, and a list with one missing', () => {
    const game = gameOf('deputies')
    const mask = (...names: string[]) => game.maskOf(names)
    expect(crossCheck(game, [mask('chair-a')])).toMatch(/does not get the initiative approved/)
    expect(crossCheck(game, [mask('chair-a', 'chair-b', 'ministry')])).toMatch(/wins without ministry/)
    expect(crossCheck(game, [mask('chair-a', 'chair-b')])).toMatch(/wins, yet holds none of the listed/)
    expect(crossCheck(game, [mask('chair-a', 'chair-b'), mask('aide-a', 'chair-b')])).toBeNull()
  })

  it('stops with LIMIT_REACHED, never a partial answer, when a play passes maxStates or the search maxCoalitions', () => {
    expect(limitError(() => analyzePower(fixture('council'), { maxStates: 5 }))).toBe('LIMIT_REACHED')
    expect(limitError(() => gameOf('council', { maxStates: 5 }).play(0b11111))).toBe('LIMIT_REACHED')
    expect(limitError(() => findMinimalWinning(gameOf('council'), { maxCoalitions: 3 }))).toBe(
      'LIMIT_REACHED',
    )
  })
})

describe('minimal transversals (the blocking coalitions)', () => {
  it('hits every set with nothing to spare', () => {
    expect(minimalTransversals([0b011, 0b101])).toEqual([0b001, 0b110])
    expect(minimalTransversals([])).toEqual([0])
    expect(minimalTransversals([0])).toEqual([])
    expect(minimalTransversals([0b11, 0b1100])).toEqual([0b0101, 0b0110, 0b1001, 0b1010])
  })
})

describe('the power indices, against subsets and orders of arrival', () => {
  it('a weighted game (weights 3, 2, 1, 1; quota 4) agrees with the oracle', () => {
    const players = ['a', 'b', 'c', 'd']
    const weight: Record<string, number> = { a: 3, b: 2, c: 1, d: 1 }
    const rule = (s: ReadonlySet<string>) => [...s].reduce((w, p) => w + (weight[p] ?? 0), 0) >= 4
    // Its minimal winning coalitions, listed by hand: ab, ac, ad, bcd.
    const indices = holderIndices(players, [0b0011, 0b0101, 0b1001, 0b1110])
    const banzhaf = banzhafBySubsets(players, rule)
    expect(indices.swings).toEqual(banzhaf.swings)
    expect(indices.banzhaf.map((s) => s?.fraction)).toEqual(banzhaf.shares)
    expect(indices.shapleyShubik.map((s) => s.fraction)).toEqual(shapleyShubikByOrders(players, rule))
    expect(indices.veto).toEqual([])
  })

  it(`refuses more than ${MAX_INDEX_PLAYERS} key holders with LIMIT_REACHED`, () => {
    const many = Array.from({ length: MAX_INDEX_PLAYERS + 1 }, (_, i) => `h${i}`)
    expect(limitError(() => holderIndices(many, [1]))).toBe('LIMIT_REACHED')
  })
})

describe('analyzePower by either method', () => {
  it('gives the same coalitions and indices by growing sizes as on the grand graph', () => {
    const policy = fixture('deputies')
    const strip = (r: ReturnType<typeof analyzePower>) =>
      r.kinds.map(({ method: _m, explorations: _e, ...rest }) => rest)
    const levels = analyzePower(policy, { method: 'levels' })
    expect(levels.kinds.map((k) => k.method)).toEqual(['levels'])
    expect(strip(levels)).toEqual(strip(analyzePower(policy)))
  })
})
