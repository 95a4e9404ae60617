import { analyzeError } from '../analyzeMessages.js'

/** The most key holders the indices are computed over: 2^20 coalitions, enumerated exactly. */
export const MAX_INDEX_PLAYERS = 20

/** An exact share: the reduced fraction, and its value as a number for charts and sorting. */
export interface ExactShare {
  fraction: string
  value: number
}

/** The power indices of the key holders' game of one kind of initiative. */
export interface HolderIndices {
  holders: string[]
  /** Holders in every winning coalition of holders: without each, nothing is approved. */
  veto: string[]
  /** Per holder: the coalitions of the other holders that lose without it and win with it. */
  swings: number[]
  /** Per holder: swings / (sum of all swings); null when no coalition of holders wins. */
  banzhaf: (ExactShare | null)[]
  /** Per holder: the share of the n! orders of arrival in which it is the one that makes the coalition win. */
  shapleyShubik: ExactShare[]
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b))

/**
 * A reduced fraction as an `ExactShare`.
 *
 * @example
 * share(2n, 4n) // { fraction: '1/2', value: 0.5 }
 */
export function share(numerator: bigint, denominator: bigint): ExactShare {
  const d = gcd(numerator, denominator) || 1n
  const [p, q] = [numerator / d, denominator / d]
  return { fraction: q === 1n ? `${p}` : `${p}/${q}`, value: Number(numerator) / Number(denominator) }
}

const factorials = (n: number) => {
  const f = [1n]
  for (let i = 1; i <= n; i++) f.push((f[i - 1] as bigint) * BigInt(i))
  return f
}

/**
 * Banzhaf and Shapley–Shubik indices of a simple game given by its minimal winning coalitions
 * (bit masks over `holders`), exactly: every coalition is enumerated (2^n of them), the
 * Shapley–Shubik weights |S|!(n−|S|−1)!/n! summed in big integers. Above `MAX_INDEX_PLAYERS`
 * holders it refuses with LIMIT_REACHED.
 *
 * @example
 * holderIndices(['a', 'b'], [0b11]).banzhaf.map((s) => s?.fraction) // ['1/2', '1/2']
 */
export function holderIndices(holders: readonly string[], minimalWinning: readonly number[]): HolderIndices {
  const n = holders.length
  if (n > MAX_INDEX_PLAYERS) {
    throw analyzeError('LIMIT_REACHED', 'power.tooManyHolders', { max: MAX_INDEX_PLAYERS, holders: n })
  }
  const size = 2 ** n
  const wins = new Uint8Array(size)
  for (const m of minimalWinning) wins[m] = 1
  // Every superset of a winner wins (the game is monotone).
  for (let i = 0; i < n; i++) {
    const bit = 1 << i
    for (let mask = 0; mask < size; mask++) if ((mask & bit) !== 0 && wins[mask ^ bit] === 1) wins[mask] = 1
  }
  const f = factorials(n)
  const swings = holders.map(() => 0)
  const orders = holders.map(() => 0n)
  const popcount = new Uint8Array(size)
  for (let mask = 1; mask < size; mask++) popcount[mask] = (popcount[mask >> 1] as number) + (mask & 1)
  for (let i = 0; i < n; i++) {
    const bit = 1 << i
    for (let mask = 0; mask < size; mask++) {
      if ((mask & bit) !== 0 || wins[mask] === 1 || wins[mask | bit] !== 1) continue
      swings[i] = (swings[i] as number) + 1
      const s = popcount[mask] as number
      orders[i] = (orders[i] as bigint) + (f[s] as bigint) * (f[n - s - 1] as bigint)
    }
  }
  const total = swings.reduce((a, b) => a + b, 0)
  const everyone = size - 1
  return {
    holders: [...holders],
    veto: holders.filter((_, i) => wins[everyone] === 1 && wins[everyone ^ (1 << i)] === 0),
    swings,
    banzhaf: swings.map((s) => (total === 0 ? null : share(BigInt(s), BigInt(total)))),
    shapleyShubik: orders.map((o) => share(o, f[n] as bigint)),
  }
}
