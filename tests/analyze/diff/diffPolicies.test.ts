import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate'
import { phaseOf } from '../../../machines/describeState.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../../machines/initiative.js'
import { assertDiffComplete } from '../../../src/analyze/diff/assertDiffComplete.js'
import type { DiffGroup, DiffResult } from '../../../src/analyze/diff/DiffResult.js'
import { diffPolicies } from '../../../src/analyze/diff/diffPolicies.js'
import type { InitiativeEvent } from '../../../src/domain/InitiativeEvent.js'
import { hashPolicy } from '../../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { findBug } from '../../../src/verify/bugCatalogue.js'

const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)
const twoKeys = shipped('two-keys')
const singleKey = shipped('single-key')
let twoVsOne: DiffResult | undefined
/** two-keys against single-key, computed once for the tests that read it. */
const twoKeysVsSingleKey = () => {
  twoVsOne ??= diffPolicies(twoKeys, singleKey)
  return twoVsOne
}

/** XState's own pure transition, not the stepper the diff uses: the oracle replays with it. */
function replay(
  policy: Policy,
  events: readonly InitiativeEvent[],
  machine = createInitiativeMachine(policy),
) {
  let [snapshot] = initialTransition(machine, { policyHash: hashPolicy(policy) }) as [
    AnyMachineSnapshot,
    unknown,
  ]
  const trail: { accepted: boolean; snapshot: AnyMachineSnapshot }[] = []
  for (const event of events) {
    const accepted = snapshot.status === 'active' && snapshot.can(event)
    if (accepted)
      [snapshot] = transition(machine as InitiativeMachine, snapshot as never, event) as [
        AnyMachineSnapshot,
        unknown,
      ]
    trail.push({ accepted, snapshot })
  }
  return trail
}

describe('diffPolicies', () => {
  it("two-keys against single-key differs, and its first story shows Grigorenko's key no longer needed", () => {
    const result = twoKeysVsSingleKey()
    expect(result.verdict).toBe('differ')
    expect(result.complete).toBe(true)
    const first = result.groups[0]
    expect(first).toBeDefined()
    const story = first?.story
    if (story === undefined) return
    const events = [...story.steps.map((s) => s.event), story.event]
    const last = story.event
    expect(last).toMatchObject({
      type: 'DECIDE',
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
    })

    const underA = replay(twoKeys, events)
    const underB = replay(singleKey, events)
    // Every step taken by both, to the phases the story says.
    story.steps.forEach((step, i) => {
      expect(underA[i]?.accepted).toBe(true)
      expect(underB[i]?.accepted).toBe(true)
      expect(phaseOf(underA[i]?.snapshot as AnyMachineSnapshot)).toBe(step.phaseA)
      expect(phaseOf(underB[i]?.snapshot as AnyMachineSnapshot)).toBe(step.phaseB)
    })
    const endA = underA.at(-1)
    const endB = underB.at(-1)
    // Under two keys the initiative still waits for Grigorenko's key; under one key it is through.
    expect(endA?.accepted).toBe(true)
    expect(endA?.snapshot.matches({ open: { review: { 'government-apparatus': 'pending' } } })).toBe(true)
    expect(endB?.accepted).toBe(true)
    expect(['approved', 'federalRollout', 'regionalRollout', 'exportRollout']).toContain(
      phaseOf(endB?.snapshot as AnyMachineSnapshot),
    )
    expect(story.keysA.find((k) => k.key === 'government-apparatus')).toMatchObject({
      status: 'pending',
      waitingFor: ['grigorenko'],
    })
    expect(story.keysB.map((k) => k.key)).toEqual(['presidential-administration'])
  })

  it('reports events on a key only one policy has apart, each refused by the other', () => {
    const result = twoKeysVsSingleKey()
    expect(result.onlyInOne.length).toBeGreaterThan(0)
    for (const group of result.onlyInOne) {
      expect(group.shape.onlyIn).toMatchObject({ side: 'A', keys: ['government-apparatus'] })
      expect(group.shape.refusedBy).toBe('B')
      const events = [...group.story.steps.map((s) => s.event), group.story.event]
      expect(replay(singleKey, events).at(-1)?.accepted).toBe(false)
      expect(replay(twoKeys, events).at(-1)?.accepted).toBe(true)
    }
    expect(result.groups.every((g) => g.shape.onlyIn === null)).toBe(true)
  })

  it('is symmetric: B against A finds the same groups, sides swapped, with the same counts and lengths', () => {
    const mirrored = (g: DiffGroup, swap: boolean) => {
      const s = g.shape
      const side = (x: 'A' | 'B' | null) => (x === null || !swap ? x : x === 'A' ? 'B' : 'A')
      return JSON.stringify([
        s.type,
        s.actor,
        s.key,
        s.variant,
        side(s.refusedBy),
        s.code,
        s.rules,
        swap ? s.phaseB : s.phaseA,
        swap ? s.phaseA : s.phaseB,
        g.count,
        g.length,
      ])
    }
    const ab = twoKeysVsSingleKey()
    const ba = diffPolicies(singleKey, twoKeys)
    const groups = (r: DiffResult, swap: boolean) =>
      [...r.groups, ...r.onlyInOne].map((g) => mirrored(g, swap)).sort()
    expect(groups(ba, true)).toEqual(groups(ab, false))
    expect(ba.onlyInOne.every((g) => g.shape.onlyIn?.side === 'B')).toBe(true)
  })

  it('a policy against itself agrees', () => {
    const result = diffPolicies(singleKey, singleKey)
    expect(result.verdict).toBe('agree')
    expect(result.groups).toEqual([])
    expect(result.onlyInOne).toEqual([])
    expect(result.pairs).toBeGreaterThan(10)
  })

  it('two-keys against a catalogued broken machine of it differs, where the bug lets a stale approval count', () => {
    const bug = findBug('stale-approval-counts').build(twoKeys)
    const result = diffPolicies(twoKeys, bug.policy, { machineB: bug.machine })
    expect(result.verdict).toBe('differ')
    const group = result.groups.find((g) => g.shape.refusedBy === 'A' && g.shape.variant === 'approve-stale')
    expect(group?.shape.code).toBe('STALE_REVISION')
    const events = [...(group?.story.steps.map((s) => s.event) ?? []), group?.story.event as InitiativeEvent]
    // Replayed independently: the correct machine refuses the last event, the broken one takes it.
    expect(replay(twoKeys, events).at(-1)?.accepted).toBe(false)
    expect(replay(bug.policy, events, bug.machine).at(-1)?.accepted).toBe(true)
  })

  it('a search stopped at its limit gives no verdict, and assertDiffComplete says so', () => {
    const result = diffPolicies(twoKeys, singleKey, { maxStates: 3 })
    expect(result.verdict).toBe('incomplete')
    expect(result.complete).toBe(false)
    expect(result.stoppedBy).toBe('states')
    expect(() => assertDiffComplete(result)).toThrowError(/stopped at the limit of 3 pair states/)
    try {
      assertDiffComplete(result)
    } catch (error) {
      expect((error as { code?: string }).code).toBe('LIMIT_REACHED')
    }
  })
})
