import { describe, expect, it } from 'vitest'
import { createMachine, initialTransition } from 'xstate'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { createExpander } from '../../src/explore/expander.js'
import { explore, type InitiativeSnapshot } from '../../src/explore/explore.js'
import { handledEvents, handlersOf, handlesType, selectionEnables } from '../../src/explore/handledEvents.js'
import { instantiate } from '../../src/explore/instantiate.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { withGuards } from '../../src/verify/brokenMachine.js'
import { manyKeysPolicy } from '../../src/verify/manyKeysPolicy.js'

const load = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

/**
 * Every letter of the alphabet in every state a search of `machine` finds: how many the nodes
 * that handle it refuse (`handlersOf`, `selectionEnables`, reading keys with `byKey`), and the
 * letters where that answer differs from XState's selection over the whole chart
 * (`getTransitionData`, the oracle here), either way.
 */
function letterCensus(policy: Policy, machine: InitiativeMachine, byKey: boolean) {
  const expander = createExpander(policy, machine, { symmetry: false })
  const states: InitiativeSnapshot[] = []
  explore(policy, machine, { symmetry: false, onState: (_s, snapshot) => states.push(snapshot) })
  const cache = new Map()
  let refused = 0
  let noHandler = 0
  const differ: string[] = []
  for (const before of states) {
    if (before.status !== 'active') continue
    const handled = handledEvents(before, cache, byKey)
    for (const letter of expander.alphabet) {
      const concrete = instantiate(expander.alphabetContext, letter, before.value, before.context)
      if (concrete === null) continue
      const nodes = handlersOf(handled, concrete)
      const enabled = nodes.length > 0 && selectionEnables(machine, nodes, before, concrete)
      if (!enabled) refused++
      if (nodes.length === 0 && handlesType(handled, concrete.type)) noHandler++
      if (enabled !== machine.getTransitionData(before as never, concrete).length > 0)
        differ.push(`${letter.label} in ${JSON.stringify(before.value)}`)
    }
  }
  return { states: states.length, refused, noHandler, differ }
}

describe('handledEvents: XState asked only at the nodes that may take a letter', () => {
  it.each([
    ['two-keys', load('two-keys')],
    ['council', load('council')],
    ['3 alike keys with aides', manyKeysPolicy(3)],
  ])('answers as XState’s whole-chart selection for every letter in every state of %s', (_name, policy) => {
    const census = letterCensus(policy, createInitiativeMachine(policy), true)
    expect(census.differ).toEqual([])
    // Not vacuous: letters are refused, and decisions on a key whose region has turned are
    // refused by the keys alone.
    expect(census.refused).toBeGreaterThan(census.states)
    expect(census.noHandler).toBeGreaterThan(0)
  })

  it('would refuse moves a machine with another isForKey takes: so it reads keys only on the policy’s own machine', () => {
    const policy = load('two-keys')
    // A broken rule: a decision counts for whichever key's region sees it.
    const broken = withGuards(policy, () => ({ isForKey: () => true }))
    expect(letterCensus(policy, broken, true).differ.length).toBeGreaterThan(0)
    // Without keys, asking the nodes with transitions for the event is exact on any machine.
    expect(letterCensus(policy, broken, false).differ).toEqual([])
    // And the explorer does not read keys there: it takes moves of the broken machine that
    // reading them would refuse.
    const cache = new Map()
    let takenAcrossKeys = 0
    explore(policy, broken, {
      symmetry: false,
      onStep: ({ before, concrete }) => {
        if (handlersOf(handledEvents(before, cache, true), concrete).length === 0) takenAcrossKeys++
      },
    })
    expect(takenAcrossKeys).toBeGreaterThan(0)
  })

  it('counts a wildcard transition as a handler of every event, as XState does', () => {
    const machine = createMachine({
      id: 'wild',
      type: 'parallel',
      states: {
        a: { initial: 'idle', states: { idle: { on: { '*': { target: 'moved' } } }, moved: {} } },
        b: { initial: 'idle', states: { idle: { on: { 'DECIDE.*': { target: 'moved' } } }, moved: {} } },
        c: { initial: 'idle', states: { idle: { on: { PING: { target: 'moved' } } }, moved: {} } },
      },
    })
    const [snapshot] = initialTransition(machine)
    const handled = handledEvents(snapshot, new Map(), true)
    for (const event of [{ type: 'ANYTHING' }, { type: 'DECIDE.key' }, { type: 'PING' }]) {
      expect(handlesType(handled, event.type)).toBe(true)
      const nodes = handlersOf(handled, event)
      expect(selectionEnables(machine, nodes, snapshot, event)).toBe(
        machine.getTransitionData(snapshot, event).length > 0,
      )
      expect(nodes.length).toBeGreaterThan(0)
    }
    // A wildcard whose guard fails is asked, and refuses, as XState's own selection does.
    const guarded = createMachine({
      initial: 'idle',
      states: { idle: { on: { '*': { guard: () => false, target: 'moved' } } }, moved: {} },
    })
    const [idle] = initialTransition(guarded)
    const refused = handlersOf(handledEvents(idle, new Map(), true), { type: 'ANYTHING' })
    expect(refused.length).toBe(1)
    expect(selectionEnables(guarded, refused, idle, { type: 'ANYTHING' })).toBe(false)
    expect(guarded.getTransitionData(idle, { type: 'ANYTHING' })).toEqual([])
  })

  it('asks the whole chart where a state node has no selection of its own', () => {
    const policy = load('two-keys')
    const machine = createInitiativeMachine(policy)
    const expander = createExpander(policy, machine)
    const node = { id: 'stand-in' } as never
    let asked = 0
    const counting = {
      getTransitionData: (s: never, e: never) => {
        asked++
        return machine.getTransitionData(s, e)
      },
    }
    const propose = expander.alphabet.find((l) => l.type === 'PROPOSE')
    const concrete = instantiate(
      expander.alphabetContext,
      propose as never,
      expander.initial.value,
      expander.initial.context,
    )
    expect(selectionEnables(counting, [node], expander.initial, concrete as never)).toBe(true)
    expect(asked).toBe(1)
  })
})
