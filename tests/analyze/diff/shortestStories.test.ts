import { describe, expect, it } from 'vitest'
import { type AnyMachineSnapshot, initialTransition, transition } from 'xstate'
import { phaseOf } from '../../../machines/describeState.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../../machines/initiative.js'
import { diffPolicies } from '../../../src/analyze/diff/diffPolicies.js'
import { instantiate } from '../../../src/explore/alphabet.js'
import { explorationSetup } from '../../../src/explore/expander.js'
import { hashPolicy } from '../../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'

const tinyA = loadPolicyFile('tests/fixtures/policies/analyze-diff-tiny-a.yaml')
const tinyB = loadPolicyFile('tests/fixtures/policies/analyze-diff-tiny-b.yaml')
const DEPTH = 6

/**
 * The oracle: a breadth-first search over CONCRETE snapshot pairs (no abstraction, keyed by
 * their full value and context), stepping with XState's own `can` and `transition`, to `DEPTH`
 * events. It gives, for each difference (event type, actor, key, who refused, phases reached),
 * the length of the shortest story to it.
 */
function shortestByBruteForce(a: Policy, b: Policy): Map<string, number> {
  const sides = [a, b].map((policy) => {
    const machine = createInitiativeMachine(policy)
    const setup = explorationSetup(policy, { symmetry: false })
    const [initial] = initialTransition(machine, { policyHash: hashPolicy(policy) })
    return { machine, setup, initial: initial as AnyMachineSnapshot }
  })
  const [sa, sb] = sides as [(typeof sides)[0], (typeof sides)[0]]
  const shortest = new Map<string, number>()
  const seen = new Set<string>()
  let layer: [AnyMachineSnapshot, AnyMachineSnapshot][] = [[sa.initial, sb.initial]]
  for (let depth = 0; depth < DEPTH && layer.length > 0; depth++) {
    const next: typeof layer = []
    for (const [x, y] of layer) {
      const events = new Map<string, unknown>()
      for (const [side, s] of [
        [sa, x],
        [sb, y],
      ] as const) {
        for (const letter of side.setup.alphabet) {
          const e = instantiate(side.setup.alphabetContext, letter, s.value, s.context)
          if (e !== null) events.set(JSON.stringify(e), e)
        }
      }
      for (const event of events.values()) {
        const takes = (s: AnyMachineSnapshot) => s.status === 'active' && s.can(event as never)
        const okA = takes(x)
        const okB = takes(y)
        if (!okA && !okB) continue
        const [ax] = okA ? transition(sa.machine as InitiativeMachine, x as never, event as never) : [x]
        const [by] = okB ? transition(sb.machine as InitiativeMachine, y as never, event as never) : [y]
        const pa = phaseOf(ax as AnyMachineSnapshot)
        const pb = phaseOf(by as AnyMachineSnapshot)
        if (okA && okB && pa === pb) {
          const key = JSON.stringify([ax.value, ax.context, by.value, by.context])
          if (!seen.has(key)) {
            seen.add(key)
            next.push([ax as AnyMachineSnapshot, by as AnyMachineSnapshot])
          }
          continue
        }
        const fields = event as { type: string; by?: string; key?: string }
        const before = phaseOf(x)
        const actor =
          fields.by === undefined
            ? null
            : fields.by === x.context.sponsor && fields.type !== 'PROPOSE'
              ? 'sponsor'
              : fields.by
        const id = [
          fields.type,
          actor,
          fields.key ?? null,
          !okA ? 'A' : !okB ? 'B' : null,
          okA && pa !== before ? pa : null,
          okB && pb !== before ? pb : null,
        ].join('|')
        if (!shortest.has(id)) shortest.set(id, depth + 1)
      }
    }
    layer = next
  }
  return shortest
}

describe('diff stories are shortest', () => {
  it('matches an unabstracted breadth-first search over the tiny fixture, difference by difference', () => {
    const result = diffPolicies(tinyA, tinyB)
    expect(result.verdict).toBe('differ')
    const found = new Map<string, number>()
    for (const g of [...result.groups, ...result.onlyInOne]) {
      const s = g.shape
      const id = [s.type, s.actor, s.key, s.refusedBy, s.phaseA, s.phaseB].join('|')
      found.set(id, Math.min(found.get(id) ?? Number.POSITIVE_INFINITY, g.length))
      expect(g.story.steps.length + 1).toBe(g.length)
    }
    const oracle = shortestByBruteForce(tinyA, tinyB)
    const within = (m: Map<string, number>) =>
      new Map([...m].filter(([, length]) => length <= DEPTH).sort(([x], [y]) => x.localeCompare(y)))
    expect(oracle.size).toBeGreaterThanOrEqual(4)
    expect(within(found)).toEqual(within(oracle))
    // Stories of more than one length, so "shortest" is tested, not only "first".
    expect(new Set(oracle.values()).size).toBeGreaterThan(1)
  })
})
