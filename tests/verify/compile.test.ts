import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { initialTransition, transition } from 'xstate'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { instantiate } from '../../src/explore/alphabet.js'
import { compile, KEY_STATUSES, PHASES, TRACKS } from '../../src/explore/compile.js'
import { explorationSetup } from '../../src/explore/explore.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { ScopeKind } from '../../src/policy/PolicySchema.js'

const load = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)

describe('compile', () => {
  it('lays the explored graph out as typed arrays: states × events → next state or -1', () => {
    const policy = load('two-keys')
    const table = compile(policy)
    expect(table.next).toBeInstanceOf(Int32Array)
    expect(table.next.length).toBe(table.states * table.eventCount)
    expect(table.keyStatus.length).toBe(table.states * table.keyCount)
    expect(table.events.map((e) => e.index)).toEqual(table.events.map((_, i) => i))
    for (const s of table.next) expect(s >= -1 && s < table.states).toBe(true)
    // State 0 is "not yet proposed"; a proposal leads to a draft.
    expect(PHASES[table.phase[0] as number]).toBe('none')
    const propose = table.events.findIndex((e) => e.type === 'PROPOSE' && e.variant === 'federal')
    const draft = table.next[propose] as number
    expect(PHASES[table.phase[draft] as number]).toBe('draft')
    // Final states take nothing; every phase, status and track is one the table names.
    for (let s = 0; s < table.states; s++) {
      if (table.final[s] === 1)
        expect(
          table.next.subarray(s * table.eventCount, (s + 1) * table.eventCount).every((t) => t === -1),
        ).toBe(true)
      expect(table.phase[s]).toBeGreaterThanOrEqual(0)
      expect(table.track[s]).toBeLessThan(TRACKS.length)
    }
    expect([...table.keyStatus].every((k) => k >= 0 && k < KEY_STATUSES.length)).toBe(true)
    expect([...table.final].filter((f) => f === 1).length).toBeGreaterThanOrEqual(3)
  })

  it.each([
    ['two-keys', undefined],
    ['council', ['federal']],
  ] as const)(
    '%s: random walks through the table and through XState end in the same abstract states',
    (name, scopes) => {
      const policy = load(name)
      const machine = createInitiativeMachine(policy)
      const options = scopes === undefined ? {} : { scopes: scopes as readonly ScopeKind[] }
      const table = compile(policy, options)
      const { alphabetContext, abstractKey } = explorationSetup(policy, { symmetry: false, ...options })
      const [initial] = initialTransition(machine, { policyHash: hashPolicy(policy) })
      const step = fc.record({ any: fc.boolean(), pick: fc.nat() })
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (walk) => {
          let s = 0
          let snapshot = initial
          for (const { any, pick } of walk) {
            // Half the time an event the table takes, so walks go deep; else any event at all.
            const row = table.next.subarray(s * table.eventCount, (s + 1) * table.eventCount)
            const taken = [...row.keys()].filter((e) => (row[e] as number) >= 0)
            const e =
              any || taken.length === 0 ? pick % table.eventCount : (taken[pick % taken.length] as number)
            const expected = row[e] as number
            const event = instantiate(
              alphabetContext,
              table.events[e] as (typeof table.events)[number],
              snapshot.value,
              snapshot.context,
            )
            const [after] = event === null ? [snapshot] : transition(machine, snapshot, event)
            if (after === snapshot) {
              expect(expected).toBe(-1)
              continue
            }
            expect(expected).toBeGreaterThanOrEqual(0)
            expect(abstractKey(after)).toBe(table.keys[expected])
            s = expected
            snapshot = after
          }
        }),
        { numRuns: 150, seed: 20260302 },
      )
    },
  )

  it('throws LIMIT_REACHED instead of returning a table cut short, naming the limit and how to raise it', () => {
    let error: unknown
    try {
      compile(load('council'), { maxStates: 3000 })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TwoKeysError)
    expect((error as TwoKeysError).code).toBe('LIMIT_REACHED')
    expect((error as TwoKeysError).message).toMatch(
      /^policy "council" has more than 3,000 reachable states .*raise --max-states \(maxStates/,
    )
  })

  it('reports its progress: states and transitions so far, and the time', () => {
    const seen: { states: number; transitions: number; seconds: number; done: boolean }[] = []
    const table = compile(load('two-keys'), { onProgress: (p) => seen.push(p), progressEvery: 50 })
    expect(seen.length).toBeGreaterThan(2)
    const last = seen.at(-1)
    expect(last).toMatchObject({ states: table.states, done: true })
    expect(seen.slice(0, -1).every((p) => !p.done)).toBe(true)
    const states = seen.map((p) => p.states)
    expect(states).toEqual([...states].sort((a, b) => a - b))
    expect(seen.every((p) => p.seconds >= 0 && p.transitions >= 0)).toBe(true)
  })
})
