/**
 * "both keys turned", said for the policy's number of keys: "the key turned" with one,
 * "all 3 keys turned" with three, "every key turned" when several policies differ.
 *
 * @example
 * keysTurned(3) // 'all 3 keys turned'
 */
export function keysTurned(keys?: number): string {
  if (keys === 1) return 'the key turned'
  if (keys === 2) return 'both keys turned'
  return keys === undefined ? 'every key turned' : `all ${keys} keys turned`
}

/** The one number of keys several policies share, or undefined when they differ. */
export function commonKeyCount(counts: readonly number[]): number | undefined {
  const [first] = counts
  return counts.every((n) => n === first) ? first : undefined
}
