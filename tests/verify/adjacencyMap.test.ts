import { describe, expect, it } from 'vitest'
import { getAdjacencyMap } from 'xstate/graph'
import { createInitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import { instantiate } from '../../src/explore/alphabet.js'
import { explorationSetup, explore, type InitiativeSnapshot } from '../../src/explore/explore.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { ScopeKind } from '../../src/policy/PolicySchema.js'

// XState's own graph tool, given the same events and the same serialisation, must find exactly
// the states the explorer finds, and the same moves between them.
describe.each([
  ['two-keys', true, undefined],
  ['two-keys', false, undefined],
  ['single-key', true, undefined],
  ['council', true, ['federal']],
] as const)('%s (symmetry %s, scopes %s)', (name, symmetry, scopes) => {
  it('has the reachable states and moves of getAdjacencyMap', () => {
    const policy = loadPolicyFile(`machines/policies/${name}.yaml`)
    const machine = createInitiativeMachine(policy)
    const options = { symmetry, ...(scopes === undefined ? {} : { scopes: scopes as readonly ScopeKind[] }) }
    const graph = explore(policy, machine, options)
    const { alphabet, alphabetContext, abstractKey } = explorationSetup(policy, options)
    const adjacency = getAdjacencyMap(machine, {
      input: { policyHash: hashPolicy(policy) },
      events: (snapshot: InitiativeSnapshot) =>
        alphabet
          .map((e) => instantiate(alphabetContext, e, snapshot.value, snapshot.context))
          .filter((e): e is InitiativeEvent => e !== null),
      serializeState: (snapshot: InitiativeSnapshot) => abstractKey(snapshot),
      serializeEvent: (event: InitiativeEvent) => JSON.stringify(event),
    })
    expect(new Set(Object.keys(adjacency))).toEqual(new Set(graph.keys))

    const ours = new Map<string, Set<string>>()
    for (let i = 0; i < graph.edges.count; i++) {
      const from = graph.keys[graph.edges.from[i] as number] as string
      const to = graph.keys[graph.edges.to[i] as number] as string
      if (from !== to) ours.set(from, (ours.get(from) ?? new Set()).add(to))
    }
    for (const [from, { transitions }] of Object.entries(adjacency)) {
      const theirs = new Set(
        Object.values(transitions)
          .map((t) => abstractKey((t as { state: InitiativeSnapshot }).state))
          .filter((to) => to !== from),
      )
      expect(theirs, from).toEqual(ours.get(from) ?? new Set())
    }
  })
})
