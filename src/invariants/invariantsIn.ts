import type { InvariantInfo } from './Invariant.js'
import { INVARIANTS } from './invariants.js'

/** The invariants (TK ids) that refusal reasons cite, in the order first cited: for the page, the classroom and its debrief. */
export function invariantsIn(reasons: readonly string[]): InvariantInfo[] {
  // A set keeps each id once, in the order first cited.
  const ids = new Set<string>()
  for (const reason of reasons) for (const [id] of reason.matchAll(/\bTK\d+\b/g)) ids.add(id)
  return [...ids].flatMap((id) => INVARIANTS.filter((i) => i.id === id))
}
