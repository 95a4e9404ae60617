/**
 * XState's built-in guards (`and`, `or`, `not`, `stateIn`) are functions carrying a
 * `check(snapshot, args, guard)`, which `evaluateGuard` calls with the snapshot itself.
 */
interface BuiltInGuard {
  (): boolean
  check: (snapshot: object, args: unknown, guard: unknown) => boolean
}

/** What `oncePerSnapshot` wraps, so that `guardTree` (diagrams, explanations) reads through it. */
export const ONCE_INNER = Symbol('oncePerSnapshot.inner')

/**
 * `guard` evaluated once per snapshot and event. XState looks for eventless transitions by walking
 * up from every active atomic state (`selectEventlessTransitions`), so a parallel state's `always`
 * is evaluated once for each of its active leaves — once per key region and the window, after
 * every microstep, with the same snapshot and event objects, where the answer cannot differ:
 * XState never changes a snapshot, it makes a new one. So the first answer for a snapshot is
 * kept, with the event it was asked with, and given again only for that same event object (a
 * guard given through `provide` may read the event). The answers are kept in a WeakMap, so they go
 * with the snapshots.
 *
 * @example
 * always: { guard: oncePerSnapshot(and([stateIn('#turned:a'), stateIn('#turned:b')])), target: 'approved' }
 */
export function oncePerSnapshot<G>(guard: G): G {
  const inner = guard as unknown as BuiltInGuard
  if (typeof inner !== 'function' || typeof inner.check !== 'function')
    throw new Error('oncePerSnapshot wraps a guard made by and, or, not or stateIn')
  const answers = new WeakMap<object, { event: unknown; answer: boolean }>()
  const once = Object.assign(() => false, {
    check(snapshot: object, args: { event?: unknown }): boolean {
      const kept = answers.get(snapshot)
      if (kept !== undefined && kept.event === args.event) return kept.answer
      const answer = inner.check(snapshot, args, inner)
      answers.set(snapshot, { event: args.event, answer })
      return answer
    },
    [ONCE_INNER]: inner,
  })
  return once as unknown as G
}
