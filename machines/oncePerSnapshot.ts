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
 * `guard` evaluated once per snapshot. XState looks for eventless transitions by walking up from
 * every active atomic state (`selectEventlessTransitions`), so a parallel state's `always` is
 * evaluated once for each of its active leaves — once per key region and the window, after every
 * microstep, where the answer cannot differ. For a guard that reads only the snapshot (its active
 * states and its context, never the event), the first answer for a snapshot object is every
 * answer: XState never changes a snapshot, it makes a new one. The answers are kept in a WeakMap,
 * so they go with the snapshots.
 *
 * @example
 * always: { guard: oncePerSnapshot(and([stateIn('#turned:a'), stateIn('#turned:b')])), target: 'approved' }
 */
export function oncePerSnapshot<G>(guard: G): G {
  const inner = guard as unknown as BuiltInGuard
  if (typeof inner !== 'function' || typeof inner.check !== 'function')
    throw new Error('oncePerSnapshot wraps a guard made by and, or, not or stateIn')
  const answers = new WeakMap<object, boolean>()
  const once = Object.assign(() => false, {
    check(snapshot: object, args: unknown): boolean {
      let answer = answers.get(snapshot)
      if (answer === undefined) {
        answer = inner.check(snapshot, args, inner)
        answers.set(snapshot, answer)
      }
      return answer
    },
    [ONCE_INNER]: inner,
  })
  return once as unknown as G
}
