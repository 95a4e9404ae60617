import type { InvariantInfo } from '../../src/invariants/Invariant.js'
import { INVARIANTS } from '../../src/invariants/invariants.js'

/** The invariants (TK ids) that reasons cite, in the order first cited. */
export function invariantsIn(reasons: readonly string[]): InvariantInfo[] {
  const ids: string[] = []
  for (const reason of reasons) {
    for (const [id] of reason.matchAll(/\bTK\d+\b/g)) if (!ids.includes(id)) ids.push(id)
  }
  return ids.flatMap((id) => INVARIANTS.filter((i) => i.id === id))
}
