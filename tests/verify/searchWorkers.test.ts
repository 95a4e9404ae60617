import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { isTwoKeysError } from '../../src/domain/TwoKeysError.js'
import { explore } from '../../src/explore/explore.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { findBug } from '../../src/verify/bugCatalogue.js'
import { exploreInWorkers } from '../../src/verify/exploreInWorkers.js'
import { type VerifyOptions, verify } from '../../src/verify/verify.js'

// The search on worker threads must give what the search in one thread gives: the same states in
// the same numbering, the same representatives, the same first counterexample, the same stop.

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const council = loadPolicyFile('machines/policies/council.yaml')

/** A verify result without its run time, the one thing allowed to differ. */
const verdict = (policy: Parameters<typeof verify>[0], options: VerifyOptions) => {
  const { seconds: _, ...rest } = verify(policy, options)
  return rest
}

describe('verify on worker threads', () => {
  // 2: this thread and one worker; 3: two workers beside it, whose answers interleave.
  it.each([2, 3])(
    'numbers the states, their parents, events and edges exactly as one thread does (council, %i threads)',
    (workers) => {
      const machine = createInitiativeMachine(council)
      const one = explore(council, machine)
      const passed = new Set<string>()
      const two = exploreInWorkers(council, {
        workers,
        machine,
        symmetry: true,
        onViolation: () => {
          throw new Error('the policy’s own machine violates nothing')
        },
        onPassed: (ids) => {
          for (const id of ids) passed.add(id)
        },
        found: () => [],
      })
      expect(two.complete).toBe(true)
      expect(two.keys).toEqual(one.keys)
      expect(two.parent).toEqual(one.parent)
      expect(two.parentEvent).toEqual(one.parentEvent)
      expect(two.via).toEqual(one.via)
      expect(two.edges).toEqual(one.edges)
      expect(two.facts).toEqual(one.facts)
      expect(two.expanded).toBe(one.expanded)
      expect(two.transitionCalls).toBe(one.transitionCalls)
      // Routing passes through `approved` within one step.
      expect(passed.has('initiative.approved')).toBe(true)
    },
  )

  it('gives the same verdicts on the shipped policies', () => {
    // (council's whole graph is compared above: here the verdicts, on two more cheaply.)
    for (const policy of [twoKeys, loadPolicyFile('machines/policies/president-over-10bn.yaml')]) {
      expect(verdict(policy, { workers: 2 })).toEqual(verdict(policy, {}))
    }
  })

  it('finds the same first counterexample on catalogued bugs, rebuilt in each worker', () => {
    for (const name of [
      'deputy-ignores-window',
      'amendment-keeps-revision',
      'quorum-off-by-one',
      'first-key-first',
    ]) {
      const bug = findBug(name)
      const base = loadPolicyFile(`machines/policies/${bug.basePolicy}.yaml`)
      const { policy, machine } = bug.build(base)
      // Stopped at the first step that breaks an invariant (the graph invariants' bugs run whole).
      const one = verdict(policy, { machine, bug: name, stopAtFirstViolation: true })
      expect(one.ok).toBe(false)
      expect(
        verdict(policy, { machine, bug: name, bugBase: base, workers: 2, stopAtFirstViolation: true }),
      ).toEqual(one)
    }
  })

  it('stops where one thread stops: at the state limit, and at the first violation when asked', () => {
    expect(verdict(council, { workers: 2, maxStates: 300 })).toEqual(verdict(council, { maxStates: 300 }))
    const bug = findBug('deputy-ignores-window')
    const { policy, machine } = bug.build(twoKeys)
    const options = { machine, bug: bug.name, stopAtFirstViolation: true }
    const one = verdict(policy, options)
    expect(one.partial).not.toBeNull()
    expect(verdict(policy, { ...options, bugBase: twoKeys, workers: 2 })).toEqual(one)
  })

  it('refuses a worker count that is not a whole number from 1 to 256, saying so', () => {
    for (const workers of [0, 1.5, 257, Number.NaN]) {
      let error: unknown
      try {
        verify(twoKeys, { workers })
      } catch (e) {
        error = e
      }
      expect(isTwoKeysError(error) && error.code).toBe('COMMAND_INVALID')
      expect((error as Error).message).toContain('workers must be a whole number from 1 to 256')
    }
    // A bug the workers cannot rebuild is named here, with the catalogue's names, before any starts.
    const machine = createInitiativeMachine(twoKeys)
    expect(() => verify(twoKeys, { machine, bug: 'no-such-bug', bugBase: twoKeys, workers: 2 })).toThrow(
      'there is no catalogued bug "no-such-bug"',
    )
  })
})
