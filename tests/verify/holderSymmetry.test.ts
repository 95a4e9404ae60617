import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { createAbstractKey } from '../../src/explore/abstractKey.js'
import { explore, type InitiativeSnapshot } from '../../src/explore/explore.js'
import { keySymmetry } from '../../src/explore/keySymmetry.js'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy, PolicyInput } from '../../src/policy/PolicySchema.js'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import { formatVerifyResult } from '../../src/verify/formatVerifyResult.js'
import { verify } from '../../src/verify/verify.js'
import { verdictLines } from '../support/verdictLines.js'

const threeKeys = loadPolicyFile('tests/fixtures/policies/three-keys-deputies.yaml')

function parsePolicy(doc: PolicyInput): Policy {
  const result = safeParsePolicy(doc)
  if (!result.success) throw new Error(JSON.stringify(result.issues))
  return result.policy
}

/**
 * The three-key policy, small enough to explore unreduced, with deputies on no key, or on the
 * Presidential Administration's only (so that no two keys are alike); or, smaller still,
 * `senate-alone`: the senators' key with its aide (and a veto), and the Presidential
 * Administration's without one (the Government Apparatus's key left out).
 */
function withDeputies(on: 'none' | 'pa' | 'senate-alone'): Policy {
  const doc = structuredClone(threeKeys) as PolicyInput
  doc.id = `three-keys-${on}`
  for (const key of doc.keys) {
    const keeps =
      (on === 'senate-alone' && key.id === 'federation-council') ||
      (on === 'pa' && key.id === 'presidential-administration')
    key.deputies = keeps ? key.deputies : { allowed: false }
    if (key.id === 'federation-council' && on === 'senate-alone') key.veto = true
  }
  if (on === 'senate-alone') doc.keys = doc.keys.filter((k) => k.id !== 'government-apparatus')
  // Smaller, so that the unreduced search is quick: no plenary, approvals that never expire,
  // a short window.
  doc.review = { windowDays: 10, onClose: 'lapse' }
  for (const key of doc.keys) if (key.deputies?.allowed) key.deputies = { ...key.deputies, maxDays: 4 }
  doc.approvals = { lifetimeDays: null }
  return parsePolicy(doc)
}

const verdicts = verdictLines

describe('interchangeable holders of one key (holder symmetry)', () => {
  it("finds the senators interchangeable, and no other key's holders", () => {
    expect(keySymmetry(threeKeys).holderOrbits).toEqual([0, 0, 3])
    // The council of governors: each a governor, a sponsor and an institution of their own.
    expect(keySymmetry(loadPolicyFile('machines/policies/council.yaml')).holderOrbits).toEqual([0, 0, 0])
    // Holders whose roles differ are not interchangeable.
    const doc = structuredClone(threeKeys) as PolicyInput
    const senator = doc.principals.find((p) => p.id === 'senator-2')
    if (senator !== undefined) senator.roles = ['co-chair', 'observer']
    expect(keySymmetry(parsePolicy(doc)).holderOrbits).toEqual([0, 0, 0])
  })

  it('gives a state and each renaming of its senators one abstract key: at most 3! states in one', () => {
    const policy = withDeputies('pa') // no two keys alike: only the senators are renamed
    const key = createAbstractKey(policy, keySymmetry(policy))
    const representatives: InitiativeSnapshot[] = []
    const graph = explore(policy, createInitiativeMachine(policy), {
      symmetry: false,
      onState: (s, snapshot) => {
        representatives[s] = snapshot
      },
    })
    // Under the reduction, the unreduced graph's states collapse; never two with different phases.
    const classes = new Map<string, Set<string>>()
    representatives.forEach((snapshot, s) => {
      const k = key(snapshot)
      const set = classes.get(k) ?? new Set()
      set.add(graph.keys[s] as string)
      classes.set(k, set)
    })
    expect(classes.size).toBeLessThan(graph.keys.length)
    const sizes = [...classes.values()].map((c) => c.size)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(6) // at most 3! renamings of the senators
    expect(sizes.some((n) => n === 3)).toBe(true) // one senator approved: three ways
  })

  it.each(['pa', 'senate-alone'] as const)(
    'is a bisimulation (deputies: %s): every state of the unreduced graph has its class in the reduced one, with the same moves',
    (on) => {
      const policy = withDeputies(on)
      const symmetry = keySymmetry(policy)
      expect(symmetry.groups).toEqual([]) // only the senators are reduced here
      const classOf = createAbstractKey(policy, symmetry)
      const machine = createInitiativeMachine(policy)
      const representatives: InitiativeSnapshot[] = []
      const full = explore(policy, machine, {
        symmetry: false,
        onState: (s, snapshot) => {
          representatives[s] = snapshot
        },
      })
      const reduced = explore(policy, machine)
      const senators = new Set(policy.keys.find((k) => k.id === 'federation-council')?.holders)
      // An event by a senator stands for the same event by any senator.
      const orbit = (e: number, graph: typeof full) => {
        const event = graph.alphabet[e] as (typeof graph.alphabet)[number]
        return `${event.type}|${event.key}|${event.target}|${event.variant}|${senators.has(event.actor ?? '') ? '*' : event.actor}`
      }
      const movesOf = (graph: typeof full, name: (t: number) => string) => {
        const out = graph.keys.map(() => new Set<string>())
        for (let i = 0; i < graph.edges.count; i++)
          out[graph.edges.from[i] as number]?.add(
            `${orbit(graph.edges.event[i] as number, graph)}→${name(graph.edges.to[i] as number)}`,
          )
        return out.map((set) => [...set].sort())
      }
      const fullMoves = movesOf(full, (t) => classOf(representatives[t] as never))
      const reducedMoves = movesOf(reduced, (t) => reduced.keys[t] as string)
      const reducedIndex = new Map(reduced.keys.map((k, s) => [k, s]))
      const classes = new Set<string>()
      for (let u = 0; u < full.keys.length; u++) {
        const c = classOf(representatives[u] as never)
        classes.add(c)
        const r = reducedIndex.get(c)
        expect(r, `state ${u} (${full.keys[u]}) has no class in the reduced graph`).toBeDefined()
        expect(fullMoves[u]).toEqual(reducedMoves[r as number])
      }
      expect(classes.size).toBe(reduced.keys.length)
      expect(reduced.keys.length).toBeLessThan(full.keys.length * 0.6)
    },
  )

  // Deputies on the senators' key are covered by the bisimulation test above (senate-alone).
  it.each(['none'] as const)(
    'reaches the same verdicts with and without the reduction (deputies: %s)',
    (on) => {
      const policy = withDeputies(on)
      const reduced = verify(policy)
      const full = verify(policy, { symmetry: false })
      expect(reduced.complete && full.complete).toBe(true)
      expect(reduced.states).toBeLessThan(full.states * 0.6)
      expect(verdicts(reduced)).toEqual(verdicts(full))
      expect(reduced.interchangeableHolders).toEqual(['federation-council'])
      expect(full.interchangeableHolders).toEqual([])
      expect(formatVerifyResult(reduced)).toContain(
        'the holders of key "federation-council" are interchangeable: states that differ only by renaming them count once',
      )
    },
  )

  it('finds the same violations, with counterexamples of the same length, on broken machines that treat holders alike', () => {
    const policy = withDeputies('none')
    // first-key-first makes the keys unalike (it orders them), so no key symmetry holds for it;
    // verify never reduces a machine it is given unless told to.
    const bugs = BUG_CATALOGUE.filter((b) =>
      [
        'quorum-off-by-one',
        'distinct-by-principal-only',
        'veto-overridden-in-plenary',
        'plenary-approves',
        'amendment-keeps-revision',
      ].includes(b.name),
    )
    expect(bugs).toHaveLength(5)
    let violations = 0
    for (const bug of bugs) {
      const built = bug.build(policy)
      const reduced = verify(built.policy, { machine: built.machine, symmetry: true })
      const full = verify(built.policy, { machine: built.machine, symmetry: false })
      expect(verdicts(reduced), bug.name).toEqual(verdicts(full))
      violations += reduced.invariants.filter((i) => i.status === 'violated').length
    }
    expect(violations).toBeGreaterThan(3)
  })
})
