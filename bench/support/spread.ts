export interface Spread {
  min: number
  median: number
  max: number
}

/**
 * The minimum, median and maximum of some figures (one per round).
 *
 * @example
 * spread([3, 1, 2]) // { min: 1, median: 2, max: 3 }
 */
export function spread(xs: readonly number[]): Spread {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return { min: sorted[0] ?? Number.NaN, median, max: sorted[sorted.length - 1] ?? Number.NaN }
}
