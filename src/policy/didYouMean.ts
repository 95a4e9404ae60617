/** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array(rows * cols).fill(0)
  const at = (i: number, j: number) => d[i * cols + j] ?? 0
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1)
      }
      d[i * cols + j] = best
    }
  }
  return at(a.length, b.length)
}

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo: at most one
 * edit for short words, about a third of the word for longer ones. Case is ignored.
 *
 * @example
 * didYouMean('quorom', ['id', 'quorum', 'veto']) // 'quorum'
 * didYouMean('sometimes', ['plenary', 'lapse']) // undefined
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3))
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    if (candidate === word) continue
    const other = candidate.toLowerCase()
    // The lengths alone bound the distance from below: most candidates cost no table at all.
    const atLeast = Math.abs(other.length - lower.length)
    if (atLeast > limit || atLeast >= bestDistance) continue
    const distance = editDistance(lower, other)
    if (distance <= limit && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
