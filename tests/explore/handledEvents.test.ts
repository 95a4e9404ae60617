import { describe, expect, it } from 'vitest'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import { createExpander } from '../../src/explore/expander.js'
import { explore, type InitiativeSnapshot } from '../../src/explore/explore.js'
import { handledEvents, mayBeHandled } from '../../src/explore/handledEvents.js'
import { instantiate } from '../../src/explore/instantiate.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { withGuards } from '../../src/verify/brokenMachine.js'
import { manyKeysPolicy } from '../../src/verify/manyKeysPolicy.js'

const load = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

/**
 * Every letter of the alphabet in every state a search of `machine` finds: how many the filter
 * (`byKey`) leaves out, and those of them the machine itself takes (XState's transition selection,
 * the oracle here).
 */
function letterCensus(policy: Policy, machine: InitiativeMachine, byKey: boolean) {
  const expander = createExpander(policy, machine, { symmetry: false })
  const states: InitiativeSnapshot[] = []
  explore(policy, machine, { symmetry: false, onState: (_s, snapshot) => states.push(snapshot) })
  const cache = new Map()
  let left = 0
  const wronglyLeft: string[] = []
  for (const before of states) {
    if (before.status !== 'active') continue
    const handled = handledEvents(before, cache, byKey)
    for (const letter of expander.alphabet) {
      const concrete = instantiate(expander.alphabetContext, letter, before.value, before.context)
      if (concrete === null || mayBeHandled(handled, concrete)) continue
      left++
      if (machine.getTransitionData(before as never, concrete).length > 0)
        wronglyLeft.push(`${letter.label} in ${JSON.stringify(before.value)}`)
    }
  }
  return { states: states.length, left, wronglyLeft }
}

describe('handledEvents: letters refused without asking XState', () => {
  it.each([
    ['two-keys', load('two-keys')],
    ['council', load('council')],
    ['3 alike keys with aides', manyKeysPolicy(3)],
  ])('leaves out only letters the policy’s machine refuses, in every state of %s', (_name, policy) => {
    const census = letterCensus(policy, createInitiativeMachine(policy), true)
    expect(census.wronglyLeft).toEqual([])
    // Not vacuous: decisions on a key whose region has turned are left out.
    expect(census.left).toBeGreaterThan(census.states)
  })

  it('would leave out moves a machine with another isForKey takes: so it reads keys only on the policy’s own machine', () => {
    const policy = load('two-keys')
    // A broken rule: a decision counts for whichever key's region sees it.
    const broken = withGuards(policy, () => ({ isForKey: () => true }))
    const census = letterCensus(policy, broken, true)
    expect(census.wronglyLeft.length).toBeGreaterThan(0)
    expect(letterCensus(policy, broken, false).wronglyLeft).toEqual([])
    // And the explorer does not read keys there: it takes moves of the broken machine that reading them would leave out.
    const cache = new Map()
    let takenAcrossKeys = 0
    explore(policy, broken, {
      symmetry: false,
      onStep: ({ before, concrete }) => {
        if (!mayBeHandled(handledEvents(before, cache, true), concrete)) takenAcrossKeys++
      },
    })
    expect(takenAcrossKeys).toBeGreaterThan(0)
  })
})
