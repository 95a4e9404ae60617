import { describe, expect, it } from 'vitest'
import { compile, UNEXPANDED } from '../../src/explore/compile.js'
import { createLazyTable } from '../../src/explore/lazyTable.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScenarioFile } from '../../src/simulate/loadScenario.js'
import { runReplication } from '../../src/simulate/runReplication.js'
import { runReplications } from '../../src/simulate/runReplications.js'
import { createSimulationModel } from '../../src/simulate/SimulationModel.js'

const POLICIES = ['single-key', 'two-keys', 'council'] as const
const baseline = loadScenarioFile('examples/scenarios/baseline.yaml')
const slow = loadScenarioFile('examples/scenarios/slow-co-chair.yaml')
const short = (s: typeof baseline) => ({ ...s, horizonDays: 400, warmupDays: 30 })

describe('a lazy table', () => {
  it.each(POLICIES)(
    'gives %s the same simulation results as the eager table, on both shipped scenarios',
    (name) => {
      const policy = loadPolicyFile(`machines/policies/${name}.yaml`)
      const eager = compile(policy)
      for (const scenario of [short(baseline), short(slow)]) {
        const lazy = createLazyTable(policy)
        const onEager = createSimulationModel(policy, eager, scenario)
        const onLazy = createSimulationModel(policy, lazy, scenario)
        for (const replication of [0, 1, 2]) {
          expect(runReplication(onLazy, 11, replication)).toEqual(runReplication(onEager, 11, replication))
        }
        // It computed only what the simulation reached, never more than the whole table.
        expect(lazy.states).toBeGreaterThan(1)
        expect(lazy.states).toBeLessThanOrEqual(eager.states)
      }
    },
  )

  it('maps each state it found to the eager state with the same abstract key, move for move', () => {
    const policy = loadPolicyFile('machines/policies/two-keys.yaml')
    const eager = compile(policy)
    const lazy = createLazyTable(policy)
    const eagerIndex = new Map(eager.keys.map((k, s) => [k, s]))
    runReplication(createSimulationModel(policy, lazy, short(baseline)), 3, 0)
    let expanded = 0
    for (let s = 0; s < lazy.states; s++) {
      const e = eagerIndex.get(lazy.keys[s] as string) as number
      expect(e).toBeDefined()
      expect([lazy.phase[s], lazy.track[s], lazy.final[s]]).toEqual([
        eager.phase[e],
        eager.track[e],
        eager.final[e],
      ])
      if (lazy.next[s * lazy.eventCount] === UNEXPANDED) continue
      expanded++
      for (let ev = 0; ev < lazy.eventCount; ev++) {
        const to = lazy.next[s * lazy.eventCount + ev] as number
        const eagerTo = eager.next[e * eager.eventCount + ev] as number
        // Every move leads to the same abstract state, or is refused in both: a representative's
        // history (a delegation still ahead after approval, say) never shows in its moves.
        expect(to < 0 ? -1 : eagerIndex.get(lazy.keys[to] as string)).toBe(eagerTo)
      }
    }
    expect(expanded).toBeGreaterThan(5)
    expect(expanded).toBeLessThan(lazy.states + 1)
  })

  it('grows a table of its own in each worker thread, with the same results as one thread', async () => {
    const policy = loadPolicyFile('machines/policies/two-keys.yaml')
    const scenario = short(baseline)
    const options = { replications: 4, seed: 5 }
    const threads = await runReplications(policy, createLazyTable(policy), scenario, {
      ...options,
      workers: 2,
    })
    const one = await runReplications(policy, compile(policy), scenario, { ...options, workers: 1 })
    expect(threads).toEqual(one)
  })

  it('stops with LIMIT_REACHED, in this thread or a worker, when a simulation reaches more states than allowed', async () => {
    const policy = loadPolicyFile('machines/policies/council.yaml')
    const scenario = short(baseline)
    const limited = createLazyTable(policy, { maxStates: 20 })
    expect(() => runReplication(createSimulationModel(policy, limited, scenario), 1, 0)).toThrow(
      expect.objectContaining({
        code: 'LIMIT_REACHED',
        message: expect.stringContaining('more than 20 reachable states'),
      }),
    )
    await expect(
      runReplications(policy, createLazyTable(policy, { maxStates: 20 }), scenario, {
        replications: 2,
        seed: 1,
        workers: 2,
      }),
    ).rejects.toMatchObject({ code: 'LIMIT_REACHED' })
  })
})
