import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { InvariantId } from '../../src/invariants/Invariant.js'
import { INVARIANTS } from '../../src/invariants/invariants.js'
import { machineProperty, runParameters, violatedIds } from '../support/machineProperty.js'
import { buildMutants, type Mutant } from '../support/mutants.js'
import { orderProperty } from '../support/orderProperty.js'

// Every invariant test must be seen to fail: each entry of the mutant catalogue that names a
// property (src/verify/mutantCatalogue.ts) is a deliberately broken machine, run through the very
// property that checks the real one (same arbitraries, same seed, no more runs), and must be
// caught breaking the invariant it names.

const RUNS = 2_000
const MUTANTS = buildMutants()

function check(mutant: Mutant) {
  return mutant.property === 'order'
    ? fc.check(orderProperty(mutant.policy, mutant.machine), runParameters(RUNS))
    : fc.check(machineProperty(mutant.policy, mutant.machine), runParameters(RUNS))
}

describe('every invariant fails on a deliberately broken machine', () => {
  it('has a mutant for every invariant TK1–TK13', () => {
    const covered = new Set<InvariantId>(MUTANTS.map((m) => m.breaks))
    expect(INVARIANTS.map((i) => i.id).filter((id) => !covered.has(id))).toEqual([])
  })

  it.each(MUTANTS.map((m) => [m.breaks, m.name, m] as const))('%s is broken by %s', (id, _name, mutant) => {
    const details = check(mutant)
    expect(details.failed, `the mutant survived ${details.numRuns} runs`).toBe(true)
    expect(violatedIds(details.errorInstance)).toContain(id)
  })
})
