import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import {
  type Exploration,
  explorationSetup,
  explore,
  type InitiativeSnapshot,
  snapshotOf,
} from '../../src/explore/explore.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

const load = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

/** Explores a policy and keeps, on the side, the representative the search saw for each state. */
function exploreKeeping(name: string, options: Parameters<typeof explore>[2] = {}) {
  const policy = load(name)
  const machine = createInitiativeMachine(policy)
  const representatives: InitiativeSnapshot[] = []
  const graph = explore(policy, machine, {
    ...options,
    onState: (s, snapshot) => {
      representatives[s] = snapshot
    },
  })
  return { graph, machine, representatives, abstractKey: explorationSetup(policy).abstractKey }
}

/** Every snapshot-like object (one with `_nodes` and a `context`) reachable from the graph's own data. */
function snapshotsHeldBy(graph: Exploration): unknown[] {
  // The machine, the policy and the alphabet are the search's inputs, not its store.
  const { machine: _m, policy: _p, alphabet: _a, alphabetContext: _c, ...store } = graph
  const found: unknown[] = []
  const seen = new Set<unknown>()
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return
    seen.add(value)
    if ('_nodes' in value && 'context' in value) {
      found.push(value)
      return
    }
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child)
  }
  visit(store)
  return found
}

describe('the compact state store', () => {
  it.each(['two-keys', 'president-over-10bn'])(
    'rebuilds every state of %s as the representative the search saw: same persisted snapshot, same key, same facts',
    (name) => {
      const { graph, machine, representatives, abstractKey } = exploreKeeping(name)
      const n = graph.keys.length
      expect(graph.complete).toBe(true)
      expect(representatives.length).toBe(n)
      const persisted = (s: InitiativeSnapshot) => machine.getPersistedSnapshot(s)
      // Backwards, then forwards: the remembered snapshots serve some, the others are replayed from further up.
      const order = [...Array(n).keys()].reverse().concat([...Array(n).keys()])
      for (const s of order) {
        const rebuilt = snapshotOf(graph, s)
        const seen = representatives[s] as InitiativeSnapshot
        expect(persisted(rebuilt), `state ${s}`).toEqual(persisted(seen))
        expect(abstractKey(rebuilt)).toBe(graph.keys[s])
        expect(graph.facts.values[graph.facts.value[s] as number]).toEqual(seen.value)
        expect(graph.facts.active[s]).toBe(seen.status === 'active' ? 1 : 0)
        expect(graph.facts.approved[s]).toBe(seen.context.approvedAt === null ? 0 : 1)
      }
      expect(snapshotOf(graph, 0)).toBe(graph.initial)
      // Some states finish, some are approved, and a value is kept once however many states share it.
      expect(graph.facts.active.includes(0)).toBe(true)
      expect(graph.facts.approved.includes(1)).toBe(true)
      expect(graph.facts.values.length).toBeLessThan(n)
      expect(new Set(graph.facts.values.map((v) => JSON.stringify(v))).size).toBe(graph.facts.values.length)
    },
  )

  it('rebuilds states a stopped search found but never expanded', () => {
    const { graph, machine, representatives } = exploreKeeping('two-keys', { maxStates: 40 })
    expect(graph.complete).toBe(false)
    expect(graph.expanded).toBeLessThan(graph.keys.length)
    for (let s = graph.expanded; s < graph.keys.length; s++)
      expect(machine.getPersistedSnapshot(snapshotOf(graph, s))).toEqual(
        machine.getPersistedSnapshot(representatives[s] as InitiativeSnapshot),
      )
  })

  it('holds no snapshot but the initial one once the search is over', () => {
    const { graph, representatives } = exploreKeeping('president-over-10bn')
    expect(representatives.length).toBeGreaterThan(100)
    expect(snapshotsHeldBy(graph)).toEqual([graph.initial])
    // The walk does find snapshots where there are some.
    expect(snapshotsHeldBy({ ...graph, keys: [representatives[5] as never] } as Exploration)).toHaveLength(2)
  })

  it('names the states there are when asked for one that is not', () => {
    const { graph } = exploreKeeping('two-keys', { maxStates: 10 })
    const n = graph.keys.length
    expect(() => snapshotOf(graph, n)).toThrow(
      `state ${n} is not in the explored graph: states are 0 … ${n - 1}`,
    )
    expect(() => snapshotOf(graph, -1)).toThrow('is not in the explored graph')
  })
})
