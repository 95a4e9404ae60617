/** Coalitions as bit masks over a game's players (bit i: player i). */

/** Whether every member of `a` is in `b`. */
export const isSubset = (a: number, b: number) => (a & b) >>> 0 === a >>> 0

/** How many members a coalition has. */
export function sizeOf(mask: number): number {
  let n = 0
  for (let m = mask >>> 0; m !== 0; m = (m & (m - 1)) >>> 0) n++
  return n
}

/** The members' indices, lowest first. */
export function membersOf(mask: number): number[] {
  const members: number[] = []
  for (let i = 0; i < 31; i++) if (((mask >>> i) & 1) === 1) members.push(i)
  return members
}

/** Every `k`-member coalition of `n` players, in lexicographic order of members. */
export function* coalitionsOfSize(n: number, k: number): Generator<number> {
  const pick = Array.from({ length: k }, (_, i) => i)
  if (k > n) return
  while (true) {
    yield pick.reduce((m, i) => (m | (1 << i)) >>> 0, 0)
    let j = k - 1
    while (j >= 0 && pick[j] === n - k + j) j--
    if (j < 0) return
    pick[j] = (pick[j] as number) + 1
    for (let l = j + 1; l < k; l++) pick[l] = (pick[l - 1] as number) + 1
  }
}
