import { describe, expect, it } from 'vitest'
import {
  countedApprovals,
  decisionInstitutions,
  findKey,
  findPrincipal,
  institutionsOf,
  seatFor,
} from '../../machines/facts.js'
import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { diffPolicies } from '../../src/analyze/diff/diffPolicies.js'
import { query } from '../../src/analyze/query/query.js'
import { createAbstractKey, type SnapshotView } from '../../src/explore/abstractKey.js'
import { deputyAsSeat } from '../../src/explore/deputyAsSeat.js'
import { explore } from '../../src/explore/explore.js'
import { noSymmetry } from '../../src/explore/keySymmetry.js'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy, PolicyInput } from '../../src/policy/PolicySchema.js'
import { withGuards } from '../../src/verify/brokenMachine.js'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import { manyKeysPolicy } from '../../src/verify/manyKeysPolicy.js'
import type { VerifyResult } from '../../src/verify/VerifyResult.js'
import { verify } from '../../src/verify/verify.js'
import { verdictLines } from '../support/verdictLines.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')

function parsed(doc: PolicyInput): Policy {
  const result = safeParsePolicy(doc)
  if (!result.success) throw new Error(JSON.stringify(result.issues))
  return result.policy
}

/** Two keys whose first aide and second holder also both belong to a think tank. */
function aideOfTwoInstitutions(): Policy {
  const doc = structuredClone(manyKeysPolicy(2)) as PolicyInput
  doc.id = 'aide-of-two'
  for (const p of doc.principals)
    if (p.id === 'aide-1' || p.id === 'holder-2') p.affiliations = ['think-tank']
  return parsed(doc)
}

/**
 * Groups the states of a search without the reduction (and without symmetry, so that a letter
 * means the same command in every state) by `image`, each with its moves: the letter taken and the
 * image of the state it leads to. An exact abstraction gives every member of a class the same
 * moves; `disagreements` lists the classes whose members differ.
 */
function quotient(policy: Policy, image: (s: SnapshotView) => string, reduced: boolean) {
  const images: string[] = []
  const moves: Set<string>[] = []
  const graph = explore(policy, createInitiativeMachine(policy), {
    symmetry: false,
    deputyAsSeat: reduced,
    onState: (s, snapshot) => {
      images[s] = image(snapshot)
      moves[s] = new Set()
    },
    onStep: ({ from, event, after }) => {
      moves[from]?.add(`${event.index}→${image(after)}`)
    },
  })
  const classes = new Map<string, string>()
  const disagreements = new Set<string>()
  images.forEach((key, s) => {
    const mine = [...(moves[s] ?? [])].sort().join(' ')
    const seen = classes.get(key)
    if (seen === undefined) classes.set(key, mine)
    else if (seen !== mine) disagreements.add(key)
  })
  return { complete: graph.complete, states: graph.keys.length, classes, disagreements: [...disagreements] }
}

/** What a verdict says (`verdictLines`), and whether it holds. */
const verdicts = (r: VerifyResult) => ({ ok: r.ok, ...verdictLines(r) })

describe("a deputy's decision written as its seat's own", () => {
  it('pairs a deputy with the holders whose institutions include all of its own, never a sponsor or a holder', () => {
    expect(deputyAsSeat(manyKeysPolicy(2)).map((pairs) => [...pairs])).toEqual([
      ['aide-1>holder-1'],
      ['aide-2>holder-2'],
    ])
    expect(deputyAsSeat(twoKeys).map((pairs) => [...pairs])).toEqual([
      ['pa-aide>oreshkin'],
      ['ga-aide>grigorenko'],
    ])
    // An aide that also belongs to the other key's institution brings that institution along.
    expect(deputyAsSeat(aideOfTwoInstitutions()).map((pairs) => [...pairs])).toEqual([
      [],
      ['aide-2>holder-2'],
    ])
    // An aide that may sponsor could be the sponsor, whom TK3 reads the actor against.
    const doc = structuredClone(manyKeysPolicy(2)) as PolicyInput
    const aide = doc.principals.find((p) => p.id === 'aide-2')
    if (aide !== undefined) aide.roles = ['deputy', 'sponsor']
    expect(deputyAsSeat(parsed(doc)).map((pairs) => [...pairs])).toEqual([['aide-1>holder-1'], []])
  })

  it.each([
    ['two-keys.yaml', () => twoKeys],
    ['3 alike keys, an aide each', () => manyKeysPolicy(3)],
    ['an aide of two institutions', aideOfTwoInstitutions],
  ])(
    'is exact: every state it merges has the same moves, and the reduced search finds those classes (%s)',
    (_name, make) => {
      const policy = make()
      const key = createAbstractKey(policy, noSymmetry(policy), { deputyAsSeat: true })
      const unreduced = quotient(policy, key, false)
      const reduced = quotient(policy, key, true)
      expect(unreduced.complete && reduced.complete).toBe(true)
      expect(unreduced.disagreements).toEqual([])
      expect(reduced.disagreements).toEqual([])
      expect(reduced.classes).toEqual(unreduced.classes)
      expect(reduced.states).toBe(unreduced.classes.size)
      if (policy.id !== 'aide-of-two') expect(reduced.states).toBeLessThan(unreduced.states)
    },
  )

  it("is caught when it writes a deputy's decision as its seat's though the deputy brings another institution", () => {
    const policy = aideOfTwoInstitutions()
    const plain = createAbstractKey(policy, noSymmetry(policy), { deputyAsSeat: false })
    // Every decision written as its seat's own, whoever took it.
    const unsound = (s: SnapshotView) =>
      plain({
        ...s,
        context: { ...s.context, decisions: s.context.decisions.map((d) => ({ ...d, by: d.seat })) },
      })
    expect(quotient(policy, unsound, false).disagreements.length).toBeGreaterThan(0)
  })

  it.each([
    ['two-keys.yaml', () => twoKeys],
    ['council.yaml', () => loadPolicyFile('machines/policies/council.yaml')],
    ['president-over-10bn.yaml', () => loadPolicyFile('machines/policies/president-over-10bn.yaml')],
    ['3 alike keys, an aide each', () => manyKeysPolicy(3)],
  ])(
    'reaches the same verdicts, holes, warnings and counterexample lengths in fewer states (%s)',
    (_name, make) => {
      const policy = make()
      const on = verify(policy)
      const off = verify(policy, { deputyAsSeat: false })
      expect(verdicts(on)).toEqual(verdicts(off))
      expect(on.states).toBeLessThanOrEqual(off.states)
    },
  )

  it('is not used where who approved is the question: a query of `key.<key>.by` sees a deputy on two seats', () => {
    // Two holders of the administration's key, both needed; each may name the aide. Both approvals
    // by the aide is reachable — but not if the first were written as its seat's own.
    const doc = structuredClone(twoKeys) as PolicyInput
    doc.principals.push({
      id: 'kiriyenko',
      name: 'Sergey Kiriyenko',
      institution: 'presidential-administration',
      roles: ['co-chair'],
    })
    const pa = doc.keys.find((k) => k.id === 'presidential-administration')
    if (pa === undefined) throw new Error('two-keys.yaml has no presidential-administration key')
    pa.holders = ['oreshkin', 'kiriyenko']
    pa.quorum = 2
    const result = query(
      parsed(doc),
      'key.presidential-administration.by = pa-aide and key.presidential-administration.by != oreshkin and key.presidential-administration.by != kiriyenko',
    )
    expect(result.outcome).toBe('reachable')
  })

  it('is not used on a supplied machine, which need not read decisions as the rules do: diff still sees it differ', () => {
    // Each aide of an office the administration's holder is also affiliated with.
    const doc = structuredClone(twoKeys) as PolicyInput
    doc.id = 'offices'
    for (const p of doc.principals) {
      if (p.id === 'oreshkin') p.affiliations = ['x-office', 'y-office']
      if (p.id === 'pa-aide') p.institution = 'x-office'
      if (p.id === 'ga-aide') p.institution = 'y-office'
    }
    const policy = parsed(doc)
    expect(deputyAsSeat(policy)[0]?.has('pa-aide>oreshkin')).toBe(true)
    // Broken: distinctness reads the institutions of whoever decided, not those the decision carries.
    const broken = withGuards(policy, () => ({
      distinctAcrossKeys: (
        { context, event }: { context: InitiativeContext; event: { by?: string; at?: number } },
        { key }: { key: string },
      ) => {
        const by = event.by ?? ''
        const at = Math.max(event.at ?? context.now, context.now)
        const own = findKey(policy, key)
        const seat = own === undefined ? null : seatFor(context, own, by, at)
        const mine = new Set(decisionInstitutions(policy, by, seat))
        return policy.keys
          .filter((k) => k.id !== key)
          .every((k) =>
            countedApprovals(policy, context, k.id, at).every(
              (d) =>
                d.by !== by &&
                d.seat !== seat &&
                !institutionsOf(findPrincipal(policy, d.by)).some((i) => mine.has(i)),
            ),
          )
      },
    }))
    expect(verify(policy, { machine: broken }).invariants.find((i) => i.id === 'TK2')?.status).toBe(
      'violated',
    )
    expect(diffPolicies(policy, policy, { machineB: broken }).verdict).toBe('differ')
  })

  it('finds the same violations, with counterexamples of the same length, on broken machines of decisions, deputies and distinctness', () => {
    // The catalogued bugs that read who decided, on whose seat, through which delegation.
    const bugs = BUG_CATALOGUE.filter((b) =>
      [
        'deputy-ignores-window',
        'delegation-too-long',
        'distinct-by-principal-only',
        'sponsor-holds-key',
        'stale-approval-counts',
        'veto-overridden-in-plenary',
        'first-key-first',
      ].includes(b.name),
    )
    expect(bugs).toHaveLength(7)
    let violations = 0
    for (const bug of bugs) {
      const built = bug.build(loadPolicyFile(`machines/policies/${bug.basePolicy}.yaml`))
      const on = verify(built.policy, { machine: built.machine, deputyAsSeat: true })
      const off = verify(built.policy, { machine: built.machine, deputyAsSeat: false })
      expect(verdicts(on), bug.name).toEqual(verdicts(off))
      violations += on.invariants.filter((i) => i.status === 'violated').length
    }
    expect(violations).toBeGreaterThanOrEqual(bugs.length)
  })
})
