import type { InvariantInfo } from './Invariant.js'
import { INVARIANTS } from './invariants.js'

/** The invariants (TK ids) that refusal reasons cite, in the order first cited: for the page, the classroom and its debrief. */
export function invariantsIn(reasons: readonly string[]): InvariantInfo[] {
  const ids: string[] = []
  for (const reason of reasons) {
    for (const [id] of reason.matchAll(/\bTK\d+\b/g)) if (!ids.includes(id)) ids.push(id)
  }
  return ids.flatMap((id) => INVARIANTS.filter((i) => i.id === id))
}
