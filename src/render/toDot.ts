import type { AnyStateMachine } from 'xstate'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { type GraphState, machineGraph } from './machineGraph.js'
import { renderIds } from './renderIds.js'

export interface DotOptions {
  /** Active state ids (as in `snapshot._nodes.map((n) => n.id)`) to emphasise. */
  highlight?: readonly string[]
}

const INDENT = '  '
const ACTIVE = { fill: '#fde68a', stroke: '#b45309' }

/**
 * Draws an XState v5 machine as Graphviz DOT: compound states are clusters, the regions of a
 * parallel state are dashed clusters inside it (one per key), edges carry the same labels as
 * {@link toMermaid}, transitions that stay in place are listed in their state, and final states
 * have a double border. The output is deterministic: document order.
 *
 * @example
 * writeFileSync('initiative.dot', toDot(createInitiativeMachine(policy)))
 * // dot -Tsvg initiative.dot > initiative.svg
 */
export function toDot(machine: AnyStateMachine, options: DotOptions = {}): string {
  const graph = machineGraph(machine)
  const ids = renderIds(graph.states.keys())
  const id = (state: GraphState) => ids.get(state.id) ?? state.id
  const isCluster = (state: GraphState) => state.children.length > 0
  // An edge to or from a cluster is drawn to an invisible point inside it, clipped at its border.
  const anchor = (state: GraphState) => `${id(state)}__anchor`
  const active = new Set(options.highlight ?? [])
  const unknown = [...active].filter((h) => !graph.states.has(h))
  if (unknown.length > 0) {
    throw new TwoKeysError(
      'NOT_FOUND',
      `toDot: cannot highlight ${unknown.map((u) => `"${u}"`).join(', ')}: no such state in machine "${graph.root.id}"; pass ids from snapshot._nodes.map((n) => n.id)`,
    )
  }

  const lines: string[] = [
    `digraph "${text(graph.root.id)}" {`,
    `${INDENT}compound=true`,
    `${INDENT}fontname="Helvetica"`,
    `${INDENT}node [shape=box, style=rounded, fontname="Helvetica", fontsize=11]`,
    `${INDENT}edge [fontname="Helvetica", fontsize=9]`,
  ]
  const contents = (state: GraphState, depth: number) => {
    const pad = INDENT.repeat(depth)
    if (state.initial !== null) {
      lines.push(`${pad}${id(state)}__initial [shape=point, width=0.12, label=""]`)
    }
    for (const child of state.children) declare(child, depth, state.type === 'parallel')
  }
  const declare = (state: GraphState, depth: number, region: boolean) => {
    const pad = INDENT.repeat(depth)
    const on = active.has(state.id)
    if (!isCluster(state)) {
      const attrs = [`label="${nodeLabel(state)}"`]
      if (state.internal.length > 0) attrs.push('shape=Mrecord')
      if (state.type === 'final') attrs.push('peripheries=2')
      if (on)
        attrs.push(`style="rounded,filled,bold"`, `fillcolor="${ACTIVE.fill}"`, `color="${ACTIVE.stroke}"`)
      lines.push(`${pad}${id(state)} [${attrs.join(', ')}]`)
      return
    }
    const style = [region ? 'dashed' : 'rounded', ...(on ? ['bold'] : [])].join(',')
    lines.push(`${pad}subgraph cluster_${id(state)} {`)
    lines.push(`${pad}${INDENT}label="${[clusterTitle(state), ...state.internal].map(text).join('\\n')}"`)
    lines.push(`${pad}${INDENT}style="${style}"`)
    if (on) lines.push(`${pad}${INDENT}color="${ACTIVE.stroke}"`, `${pad}${INDENT}penwidth=3`)
    lines.push(`${pad}${INDENT}${anchor(state)} [shape=point, style=invis, width=0, height=0, label=""]`)
    contents(state, depth + 1)
    lines.push(`${pad}}`)
  }
  contents(graph.root, 1)

  const pad = INDENT
  const endpoint = (state: GraphState) => (isCluster(state) ? anchor(state) : id(state))
  for (const state of graph.states.values()) {
    if (state.initial !== null) {
      const initial = graph.states.get(state.initial)
      if (initial !== undefined) lines.push(`${pad}${id(state)}__initial -> ${endpoint(initial)}`)
    }
  }
  for (const { source, target, label } of graph.transitions) {
    const attrs = label === '' ? [] : [`label="${text(label)}"`]
    // A cluster's edge to itself stays a loop on its anchor; Graphviz cannot clip it.
    if (source !== target) {
      if (isCluster(source)) attrs.push(`ltail=cluster_${id(source)}`)
      if (isCluster(target)) attrs.push(`lhead=cluster_${id(target)}`)
    }
    const list = attrs.length === 0 ? '' : ` [${attrs.join(', ')}]`
    lines.push(`${pad}${endpoint(source)} -> ${endpoint(target)}${list}`)
  }
  lines.push('}')
  return `${lines.join('\n')}\n`
}

function clusterTitle(state: GraphState): string {
  return state.type === 'parallel' ? `${state.key} (parallel)` : state.key
}

/** An atomic state's label: its name, then the transitions that stay in it (as a record). */
function nodeLabel(state: GraphState): string {
  if (state.internal.length === 0) return text(state.key)
  const field = (s: string) => text(s).replace(/[{}|<>]/g, (c) => `\\${c}`)
  return `{${field(state.key)}|${state.internal.map((l) => `${field(l)}\\l`).join('')}}`
}

/** Text inside a DOT quoted string. */
function text(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')
}
