import type { AnyStateMachine, AnyStateNode } from 'xstate'
import { type GuardNode, guardTree } from '../../machines/guardTree.js'
import { ENGLISH_GUARD_WORDS, type GuardWords } from './guardWords.js'

/** One state of the drawn machine, in document order. */
export interface GraphState {
  /** The XState id (`initiative.open.review`, `pending:government-apparatus`). */
  id: string
  /** The state's own name inside its parent (`pending`). */
  key: string
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history'
  parent: GraphState | null
  children: GraphState[]
  /** The XState id of the initial child of a compound state. */
  initial: string | null
  /** Labels of the transitions that stay in this state (no target): they are drawn inside it. */
  internal: string[]
}

/** One drawn edge: a transition with a target, one edge per target. */
export interface GraphTransition {
  source: GraphState
  target: GraphState
  /** `DECIDE [approve · quorum]`, or only the guard for an eventless transition. */
  label: string
}

export interface MachineGraph {
  root: GraphState
  /** Every state by XState id, in document order. */
  states: Map<string, GraphState>
  transitions: GraphTransition[]
}

/** A conjunct of a guard: `key` says when two transitions share it, `phrase` is what is shown. */
interface Term {
  key: string
  phrase: string | null
}

/**
 * Walks an XState v5 machine's state nodes into a graph that the renderers draw: the state
 * tree in document order, edges with readable labels, and the transitions that stay in place.
 *
 * Guards are summarised by what distinguishes a transition from the others on the same event
 * in the same state: the six decision rules every `DECIDE` needs are left out, `approve ·
 * quorum` stays. `words` say the guards (English by default; `RUSSIAN_GUARD_WORDS` for a Russian page).
 *
 * @example
 * machineGraph(createInitiativeMachine(policy)).transitions[0]?.label // 'PROPOSE [may sponsor · valid content · routable]'
 */
export function machineGraph(
  machine: AnyStateMachine,
  words: GuardWords = ENGLISH_GUARD_WORDS,
): MachineGraph {
  const states = new Map<string, GraphState>()

  const visit = (node: AnyStateNode, parent: GraphState | null): GraphState => {
    const state: GraphState = {
      id: node.id,
      key: node.key,
      type: node.type,
      parent,
      children: [],
      initial: null,
      internal: [],
    }
    states.set(node.id, state)
    state.children = Object.values(node.states as Record<string, AnyStateNode>).map((child) =>
      visit(child, state),
    )
    if (node.type === 'compound') state.initial = node.initial.target[0]?.id ?? null
    return state
  }
  const root = visit(machine.root, null)

  const stateOf = (value: unknown): GraphState | undefined =>
    typeof value === 'string' && value.startsWith('#') ? states.get(value.slice(1)) : undefined
  const stateName = (value: unknown): string => stateOf(value)?.key ?? String(value)
  const termsOf = (node: GuardNode | null): Term[] => {
    if (node === null) return []
    switch (node.kind) {
      case 'named':
        return [
          {
            key: JSON.stringify([node.type, node.params ?? null]),
            phrase: phraseOf(node.type, node.params, words),
          },
        ]
      case 'and':
        return dedupe(groupStateIn(node.guards, 'all'))
      case 'or': {
        // One region in one of several states: `president turned or waived`.
        const regions = node.guards.map((g) => (g.kind === 'stateIn' ? stateOf(g.state) : undefined))
        const region = regions[0]?.parent
        if (
          region !== undefined &&
          region !== null &&
          regions.every((r) => r !== undefined && r.parent === region)
        ) {
          const key = `in(${regions.map((r) => r?.id).join('|')})`
          return [
            {
              key,
              phrase: words.regionIn(
                region.key,
                regions.map((r) => r?.key ?? ''),
              ),
            },
          ]
        }
        return [joinTerms(dedupe(groupStateIn(node.guards, 'any')), words.or, 'or')]
      }
      case 'not': {
        const inner = joinTerms(node.guards.flatMap(termsOf), ' · ', 'and')
        return [{ key: `not(${inner.key})`, phrase: words.not(inner.phrase ?? '') }]
      }
      case 'stateIn':
        return [{ key: `in(${String(node.state)})`, phrase: words.inState(stateName(node.state)) }]
      case 'inline':
        return [{ key: `fn(${node.name})`, phrase: node.name }]
    }
  }
  // `stateIn` guards over the same state of regions of one parallel state (the key regions)
  // read as one phrase: `all keys turned`, `a key refused`.
  const groupStateIn = (subs: GuardNode[], quantifier: 'all' | 'any') => {
    const ins = subs.filter((g): g is Extract<GuardNode, { kind: 'stateIn' }> => g.kind === 'stateIn')
    const targets = ins.map((g) => stateOf(g.state))
    const first = targets[0]
    const parallel = first?.parent?.parent
    const regional =
      first !== undefined &&
      parallel?.type === 'parallel' &&
      targets.every((t) => t !== undefined && t.key === first.key && t.parent?.parent === parallel)
    if (!regional) return subs.flatMap(termsOf)
    const grouped: Term = {
      key: `${quantifier}(${targets.map((t) => t?.id).join(',')})`,
      phrase: quantifier === 'all' ? words.allKeys(first.key) : words.aKey(first.key),
    }
    return [grouped, ...subs.filter((g) => g.kind !== 'stateIn').flatMap(termsOf)]
  }

  const transitions: GraphTransition[] = []
  for (const state of states.values()) {
    const node = machine.getStateNodeById(state.id) as AnyStateNode
    const groups: { event: string; list: readonly TransitionLike[] }[] = [
      ...[...(node.transitions as Map<string, TransitionLike[]>).entries()].map(([event, list]) => ({
        event,
        list,
      })),
      { event: '', list: (node.always ?? []) as TransitionLike[] },
    ]
    for (const { event, list } of groups) {
      const termLists = list.map((t) => termsOf(guardTree(t.guard)))
      // Conjuncts every alternative shares are preconditions, not what picks the transition.
      const shared =
        list.length < 2
          ? new Set<string>()
          : new Set(
              termLists[0]
                ?.map((t) => t.key)
                .filter((k) => termLists.every((ts) => ts.some((t) => t.key === k))),
            )
      list.forEach((transition, index) => {
        const all = termLists[index] ?? []
        const phrases = all
          .filter((t) => !shared.has(t.key))
          .flatMap((t) => (t.phrase === null ? [] : [t.phrase]))
        const otherwise = phrases.length === 0 && index > 0
        const guardText = otherwise ? words.otherwise : phrases.join(' · ')
        const label = [eventName(event, words), guardText === '' ? '' : `[${guardText}]`]
          .filter(Boolean)
          .join(' ')
        const targets = transition.target ?? []
        if (targets.length === 0) {
          state.internal.push(label === '' ? words.always : label)
          return
        }
        for (const target of targets) {
          const to = states.get(target.id)
          if (to !== undefined) transitions.push({ source: state, target: to, label })
        }
      })
    }
  }
  return { root, states, transitions }
}

interface TransitionLike {
  target?: readonly { id: string }[] | undefined
  guard?: unknown
}

function phraseOf(type: string, params: unknown, words: GuardWords): string | null {
  if (type === 'routeMatches') {
    const { rule, track, when } = (params ?? {}) as { rule?: number; track?: string; when?: string }
    return typeof rule === 'number' ? words.rule(rule + 1, when, track) : words.route
  }
  if (type === 'keyWaived') {
    const { condition } = (params ?? {}) as { condition?: string }
    return condition === undefined ? words.doesNotApply : words.notIf(condition)
  }
  return type in words.phrases ? (words.phrases[type] ?? null) : type
}

function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>()
  return terms.filter((t) => {
    const id = t.phrase ?? t.key
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

function joinTerms(terms: Term[], separator: string, op: string): Term {
  const phrases = terms.flatMap((t) => (t.phrase === null ? [] : [t.phrase]))
  return {
    key: `${op}(${terms.map((t) => t.key).join(',')})`,
    phrase: phrases.length === 0 ? null : phrases.join(separator),
  }
}

function eventName(event: string, words: GuardWords): string {
  if (event.startsWith('xstate.after.')) return words.after(event.split('.')[2] ?? '')
  return event
}
