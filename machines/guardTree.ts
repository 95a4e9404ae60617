import { and, not, or, stateIn } from 'xstate'
import { ONCE_INNER } from './oncePerSnapshot.js'

/**
 * A transition's guard as a tree: XState v5 guards are a name (with params), or higher-order
 * functions (`and`, `or`, `not`, `stateIn`) made by XState and recognised by their `check`
 * function, which survives minification. The one walker of guards: the explanations (which named
 * rules failed) and the diagrams (what an edge's label says) both read guards through it.
 */
export type GuardNode =
  | { kind: 'and' | 'or' | 'not'; guards: GuardNode[] }
  | { kind: 'stateIn'; state: unknown }
  | { kind: 'named'; type: string; params: unknown }
  | { kind: 'inline'; name: string }

interface GuardFn {
  check?: unknown
  guards?: unknown[]
  stateValue?: unknown
  name?: string
  [ONCE_INNER]?: unknown
}
const checkOf = (guard: unknown) => (guard as GuardFn).check
const HIGHER_ORDER = new Map<unknown, 'and' | 'or' | 'not' | 'stateIn'>([
  [checkOf(and([])), 'and'],
  [checkOf(or([])), 'or'],
  [checkOf(not('x')), 'not'],
  [checkOf(stateIn('#x')), 'stateIn'],
])

/** The guard as a tree, or null when the transition has none. */
export function guardTree(guard: unknown): GuardNode | null {
  if (guard === undefined || guard === null) return null
  if (typeof guard === 'string') return { kind: 'named', type: guard, params: undefined }
  if (typeof guard === 'function') {
    const fn = guard as GuardFn
    // A guard read once per snapshot is the guard it wraps.
    if (fn[ONCE_INNER] !== undefined) return guardTree(fn[ONCE_INNER])
    const kind = HIGHER_ORDER.get(fn.check)
    if (kind === 'stateIn') return { kind, state: fn.stateValue }
    if (kind !== undefined) {
      return { kind, guards: (fn.guards ?? []).flatMap((g) => guardTree(g) ?? []) }
    }
    return { kind: 'inline', name: fn.name !== undefined && fn.name !== '' ? fn.name : 'guard' }
  }
  const { type, params } = guard as { type: string; params?: unknown }
  return { kind: 'named', type, params }
}

/** The named guards a guard is made of, in order, through `and`, `or` and `not`. */
export function namedGuards(node: GuardNode | null): { type: string; params: unknown }[] {
  if (node === null) return []
  if (node.kind === 'named') return [{ type: node.type, params: node.params }]
  if (node.kind === 'and' || node.kind === 'or' || node.kind === 'not')
    return node.guards.flatMap(namedGuards)
  return []
}
