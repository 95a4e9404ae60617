import { availableParallelism } from 'node:os'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compile, PHASES } from '../../src/explore/compile.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScenarioFile } from '../../src/simulate/loadScenario.js'
import { runReplication, scalarNames } from '../../src/simulate/runReplication.js'
import { runReplications } from '../../src/simulate/runReplications.js'
import { createSimulationModel } from '../../src/simulate/SimulationModel.js'
import { compare, simulate } from '../../src/simulate/simulate.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const singleKey = loadPolicyFile('machines/policies/single-key.yaml')
const table = compile(twoKeys)
const baseline = loadScenarioFile('examples/scenarios/baseline.yaml')
const short = { ...baseline, horizonDays: 240, warmupDays: 30 }

describe('the simulator follows the compiled table', () => {
  it('every state an initiative passes through is reached by a table transition from state 0', () => {
    const model = createSimulationModel(twoKeys, table, short)
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 50 }), (seed, replication) => {
        const at = new Map<number, number>()
        let steps = 0
        runReplication(model, seed, replication, {
          onTransition: (initiative, from, event, to) => {
            steps++
            expect(from).toBe(at.get(initiative) ?? 0)
            expect(table.next[from * table.eventCount + event]).toBe(to)
            at.set(initiative, to)
          },
        })
        expect(steps).toBeGreaterThan(0)
        // Every initiative that ended did so in one of the table's final states.
        for (const s of at.values()) expect(s).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 15 },
    )
  })

  it('reports every scalar under the names scalarNames lists, in that order', () => {
    const model = createSimulationModel(twoKeys, table, short)
    expect(Object.keys(runReplication(model, 3, 0).scalars)).toEqual(scalarNames(model))
  })

  it('is deterministic for a seed and replication', () => {
    const model = createSimulationModel(twoKeys, table, short)
    expect(runReplication(model, 3, 4)).toEqual(runReplication(model, 3, 4))
    expect(runReplication(model, 3, 4).scalars).not.toEqual(runReplication(model, 3, 5).scalars)
  })
})

describe('workers', () => {
  it('give identical results for 1 and 2 workers', async () => {
    const options = { replications: 6, seed: 5 }
    const one = await runReplications(twoKeys, table, short, { ...options, workers: 1 })
    const two = await runReplications(twoKeys, table, short, { ...options, workers: 2 })
    expect(two).toEqual(one)
  })

  it('are reported as they ran: the number asked for, else the cores, at most one per replication', async () => {
    const asked = await simulate(twoKeys, short, { replications: 3, seed: 5, workers: 2, table })
    expect(asked.workers).toBe(2)
    const byDefault = await simulate(twoKeys, short, { replications: 3, seed: 5, table })
    expect(byDefault.workers).toBe(Math.min(availableParallelism(), 3))
    const one = await simulate(twoKeys, short, { replications: 1, seed: 5, workers: 4, table })
    expect(one.workers).toBe(1)
  })
})

describe('common random numbers', () => {
  it('tighten the paired interval of a difference compared with independent streams', async () => {
    const tables: [typeof table, ReturnType<typeof compile>] = [table, compile(singleKey)]
    const options = { replications: 20, seed: 9, workers: 1, tables }
    const crn = await compare(twoKeys, singleKey, short, options)
    const independent = await compare(twoKeys, singleKey, short, { ...options, commonRandomNumbers: false })
    for (const name of ['approvalDays.mean', 'completionDays.mean', 'wip.mean']) {
      const paired = crn.metrics.find((m) => m.name === name)!.difference
      const apart = independent.metrics.find((m) => m.name === name)!.difference
      expect(paired.halfWidth, name).toBeLessThan(apart.halfWidth)
    }
  })
})

describe('rollouts the named ministries accept (seed.yaml)', () => {
  it('completes a federal rollout only through each named ministry’s answer, never the sponsor’s COMPLETE', () => {
    const seed = loadPolicyFile('machines/policies/seed.yaml')
    const seedTable = compile(seed)
    const federal = {
      ...short,
      mix: [
        { objective: 'infrastructure', scope: 'federal' as const, regions: 1, destinations: 1, weight: 1 },
      ],
    }
    const model = createSimulationModel(seed, seedTable, federal)
    const byType = new Map<string, number>()
    let completed = 0
    const completedPhase = PHASES.indexOf('completed')
    runReplication(model, 1, 0, {
      onTransition: (_i, _from, event, to) => {
        const type = seedTable.events[event]?.type ?? '?'
        byType.set(type, (byType.get(type) ?? 0) + 1)
        if (seedTable.phase[to] === completedPhase) completed++
      },
    })
    // Every completion came through two MINISTRY answers (the table names two ministries).
    expect(completed).toBeGreaterThan(0)
    expect(byType.get('COMPLETE') ?? 0).toBe(0)
    expect(byType.get('MINISTRY') ?? 0).toBeGreaterThanOrEqual(2 * completed)
  })
})
