import type { AnyStateMachine } from 'xstate'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { GuardWords } from './guardWords.js'
import { type GraphState, type GraphTransition, machineGraph } from './machineGraph.js'
import { renderIds } from './renderIds.js'

export interface MermaidOptions {
  /** Active state ids (as in `snapshot._nodes.map((n) => n.id)`) to emphasise. */
  highlight?: readonly string[]
  /** Names to show instead of some states' own, by state id (see `keyRegionLabels`). */
  labels?: Readonly<Record<string, string>>
  /** The guard conditions' words (English by default; see `machineGraph`). */
  guardWords?: GuardWords
}

const INDENT = '  '

/**
 * Draws an XState v5 machine as a Mermaid `stateDiagram-v2`, walking its state nodes: compound
 * states nest, parallel regions are separated by `--` (so each key is its own region), edges
 * carry the event and a short guard summary, transitions that stay in place are listed inside
 * their state, and final states lead to `[*]`. The output is deterministic: document order.
 *
 * @example
 * const text = toMermaid(createInitiativeMachine(policy), { highlight: snapshot._nodes.map((n) => n.id) })
 */
export function toMermaid(machine: AnyStateMachine, options: MermaidOptions = {}): string {
  const graph = machineGraph(machine, options.guardWords)
  const ids = renderIds(graph.states.keys())
  const id = (state: GraphState) => ids.get(state.id) ?? state.id

  // Mermaid scopes an edge to the block it is written in: write each one in the innermost
  // non-parallel state that holds both ends, so no edge lands inside a single region.
  const edgesIn = new Map<GraphState, GraphTransition[]>()
  for (const transition of graph.transitions) {
    const scope = scopeOf(transition)
    edgesIn.set(scope, [...(edgesIn.get(scope) ?? []), transition])
  }

  const lines: string[] = ['stateDiagram-v2']
  const body = (state: GraphState, depth: number) => {
    const pad = INDENT.repeat(depth)
    if (state.type === 'parallel') {
      state.children.forEach((region, index) => {
        if (index > 0) lines.push(`${pad}--`)
        declare(region, depth)
      })
      return
    }
    for (const child of state.children) declare(child, depth)
    if (state.initial !== null) lines.push(`${pad}[*] --> ${ids.get(state.initial)}`)
    for (const edge of edgesIn.get(state) ?? []) {
      lines.push(
        `${pad}${id(edge.source)} --> ${id(edge.target)}${edge.label === '' ? '' : ` : ${text(edge.label)}`}`,
      )
    }
    for (const child of state.children) if (child.type === 'final') lines.push(`${pad}${id(child)} --> [*]`)
  }
  const declare = (state: GraphState, depth: number) => {
    const pad = INDENT.repeat(depth)
    const head = `${pad}state "${quoted(options.labels?.[state.id] ?? state.key)}" as ${id(state)}`
    if (state.children.length === 0) {
      lines.push(head)
      for (const label of state.internal) lines.push(`${pad}${id(state)} : ${text(label)}`)
      return
    }
    lines.push(`${head} {`)
    body(state, depth + 1)
    lines.push(`${pad}}`)
    // Mermaid draws no text inside a cluster box: a compound state's own stay-in-place
    // transitions go on a note beside it.
    if (state.internal.length > 0) {
      lines.push(`${pad}note right of ${id(state)} : ${state.internal.map(text).join('<br/>')}`)
    }
  }
  body(graph.root, 1)

  const highlight = options.highlight ?? []
  if (highlight.length > 0) {
    const unknown = highlight.filter((h) => !graph.states.has(h))
    if (unknown.length > 0) {
      throw new TwoKeysError(
        'NOT_FOUND',
        `toMermaid: cannot highlight ${unknown.map((u) => `"${u}"`).join(', ')}: no such state in machine "${graph.root.id}"; pass ids from snapshot._nodes.map((n) => n.id)`,
      )
    }
    // In document order, whatever the order given. The root is the whole diagram, not a box;
    // a cluster gets a border only, as filling it would hide which of its states is active.
    const wanted = new Set(highlight)
    const marked = [...graph.states.values()].filter((s) => wanted.has(s.id) && s !== graph.root)
    const leaves = marked.filter((s) => s.children.length === 0).map(id)
    const groups = marked.filter((s) => s.children.length > 0).map(id)
    lines.push(`${INDENT}classDef active fill:#fde68a,stroke:#b45309,stroke-width:3px,font-weight:bold`)
    lines.push(`${INDENT}classDef activeGroup stroke:#b45309,stroke-width:3px`)
    if (groups.length > 0) lines.push(`${INDENT}class ${groups.join(',')} activeGroup`)
    if (leaves.length > 0) lines.push(`${INDENT}class ${leaves.join(',')} active`)
  }
  return `${lines.join('\n')}\n`
}

/** The innermost non-parallel state that strictly contains both ends of a transition. */
function scopeOf({ source, target }: GraphTransition): GraphState {
  const containsTarget = (s: GraphState) => {
    for (let t = target.parent; t !== null; t = t.parent) if (t === s) return true
    return false
  }
  for (let s = source.parent; s !== null; s = s.parent) {
    if (s.type !== 'parallel' && containsTarget(s)) return s
  }
  // Unreachable: the root contains every other state.
  return source
}

/** Text in a `state "…"` declaration: Mermaid ends the string at a double quote. */
function quoted(value: string): string {
  return value.replaceAll('"', "'")
}

/** Text after ` : `: Mermaid reads `;` as a line break and `#` as an entity. */
function text(value: string): string {
  return value.replaceAll(';', ',').replaceAll('#', 'no. ').replaceAll('\n', ' ')
}
