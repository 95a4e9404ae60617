/**
 * An independent oracle for the power indices: the game given as a plain predicate over sets of
 * names, Banzhaf by counting swings over subsets, Shapley–Shubik by walking every order of
 * arrival (n! of them) — not the code under test's subset formula.
 */
export type Game = (coalition: ReadonlySet<string>) => boolean

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
const fraction = (p: number, q: number) => {
  const d = gcd(p, q) || 1
  return q / d === 1 ? `${p / d}` : `${p / d}/${q / d}`
}

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items]
    return
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)]
    for (const p of permutations(rest)) yield [items[i] as T, ...p]
  }
}

/** Per player: how many orders of arrival it is pivotal in, over n!, as a reduced fraction. */
export function shapleyShubikByOrders(players: readonly string[], wins: Game): string[] {
  const pivotal = new Map(players.map((p) => [p, 0]))
  let orders = 0
  for (const order of permutations(players)) {
    orders++
    const so = new Set<string>()
    for (const p of order) {
      const before = wins(so)
      so.add(p)
      if (!before && wins(so)) {
        pivotal.set(p, (pivotal.get(p) ?? 0) + 1)
        break
      }
    }
  }
  return players.map((p) => fraction(pivotal.get(p) ?? 0, orders))
}

/** Per player: its swings (subsets of the others it turns from losing to winning), and their share. */
export function banzhafBySubsets(
  players: readonly string[],
  wins: Game,
): { swings: number[]; shares: string[] } {
  const swings = players.map((p) => {
    const others = players.filter((q) => q !== p)
    let n = 0
    for (let m = 0; m < 2 ** others.length; m++) {
      const s = new Set(others.filter((_, i) => ((m >> i) & 1) === 1))
      if (!wins(s) && wins(new Set([...s, p]))) n++
    }
    return n
  })
  const total = swings.reduce((a, b) => a + b, 0)
  return { swings, shares: swings.map((s) => fraction(s, total)) }
}
