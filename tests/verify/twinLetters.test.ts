import { describe, expect, it } from 'vitest'
import { createInitiativeMachine, type InitiativeMachine } from '../../machines/initiative.js'
import type { SnapshotView } from '../../src/explore/abstractKey.js'
import { explorationSetup } from '../../src/explore/expander.js'
import { type Exploration, type ExploreOptions, explore } from '../../src/explore/explore.js'
import { keySymmetry } from '../../src/explore/keySymmetry.js'
import { twinLetters } from '../../src/explore/twinLetters.js'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Policy, PolicyInput } from '../../src/policy/PolicySchema.js'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import { manyKeysPolicy } from '../../src/verify/manyKeysPolicy.js'
import type { VerifyResult } from '../../src/verify/VerifyResult.js'
import { verify } from '../../src/verify/verify.js'
import { verdictLines } from '../support/verdictLines.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')

/** The three-key fixture without deputies, sized down: two alike co-chair keys and three senators. */
function threeKeysSmall(): Policy {
  const doc = structuredClone(
    loadPolicyFile('tests/fixtures/policies/three-keys-deputies.yaml'),
  ) as PolicyInput
  doc.id = 'three-keys-twins'
  for (const key of doc.keys) key.deputies = { allowed: false }
  doc.review = { windowDays: 10, onClose: 'lapse' }
  doc.approvals = { lifetimeDays: null }
  const result = safeParsePolicy(doc)
  if (!result.success) throw new Error(JSON.stringify(result.issues))
  return result.policy
}

/** The same, with the administration's key unlike the government's: no alike keys, the senators interchangeable. */
function senatorsAlone(): Policy {
  const doc = structuredClone(threeKeysSmall()) as PolicyInput
  doc.id = 'senators-alone'
  const pa = doc.keys.find((k) => k.id === 'presidential-administration')
  if (pa !== undefined) pa.veto = false
  const result = safeParsePolicy(doc)
  if (!result.success) throw new Error(JSON.stringify(result.issues))
  return result.policy
}

/** Each state's successors, by abstract key: what the search found, whatever letters it tried. */
function successorSets(graph: Exploration): Map<string, string[]> {
  const out = new Map<string, Set<string>>(graph.keys.map((k) => [k, new Set()]))
  for (let i = 0; i < graph.edges.count; i++)
    out
      .get(graph.keys[graph.edges.from[i] as number] as string)
      ?.add(graph.keys[graph.edges.to[i] as number] as string)
  return new Map([...out].map(([k, set]) => [k, [...set].sort()]))
}

/** What two searches disagree on: states one has and the other lacks, or different successors. */
function differences(a: Exploration, b: Exploration): string[] {
  const sa = successorSets(a)
  const sb = successorSets(b)
  const out: string[] = []
  for (const [key, next] of sa) {
    const other = sb.get(key)
    if (other === undefined) out.push(`only with twins off: ${key}`)
    else if (JSON.stringify(other) !== JSON.stringify(next)) out.push(`other successors: ${key}`)
  }
  for (const key of sb.keys()) if (!sa.has(key)) out.push(`only with twins on: ${key}`)
  return out
}

/** What a verdict says (`verdictLines`), and over how many states. */
const verdicts = (r: VerifyResult) => ({ ok: r.ok, states: r.states, ...verdictLines(r) })

const search = (
  policy: Policy,
  machine: InitiativeMachine,
  options: ExploreOptions & { twinsOf?: unknown; holderTwinsOf?: unknown },
) => explore(policy, machine, { symmetry: true, ...options } as ExploreOptions)

describe('commands on alike keys left to their twins', () => {
  it("maps each command on an alike key to the same command on its group's first key, by the principal in the same place", () => {
    const { alphabet } = explorationSetup(twoKeys, { symmetry: false })
    const { leftToTwin, twin } = twinLetters(twoKeys, keySymmetry(twoKeys), alphabet)
    const second = alphabet.filter((e) => e.key === 1)
    const holder = second.find(
      (e) => e.type === 'DECIDE' && e.actor === 'grigorenko' && e.variant === 'approve',
    )
    expect(holder).toBeDefined()
    const image = alphabet[twin[holder?.index as number] as number]
    expect(image).toMatchObject({
      type: 'DECIDE',
      role: 'holder',
      variant: 'approve',
      key: 0,
      actor: 'oreshkin',
    })
    // The sponsor and an outsider are tied to no key: their commands map onto themselves.
    const outsider = second.find((e) => e.type === 'REVOKE' && e.role === 'outsider')
    expect(alphabet[twin[outsider?.index as number] as number]).toMatchObject({
      key: 0,
      actor: outsider?.actor,
    })
    // A holder of the other key deciding on this one (an intruder) has no image: its letter is always tried.
    const holdersOf = (k: number) => twoKeys.keys[k]?.holders ?? []
    const intruders = alphabet.filter(
      (e) => e.type === 'DECIDE' && e.key >= 0 && holdersOf(1 - e.key).includes(e.actor ?? ''),
    )
    expect(intruders.length).toBeGreaterThan(0)
    for (const e of intruders) expect([leftToTwin[e.index], twin[e.index]]).toEqual([false, e.index])
    // The first key's letters are their own images; keyless letters are never left.
    for (const e of alphabet.filter((x) => x.key === 0 && leftToTwin[x.index]))
      expect(twin[e.index]).toBe(e.index)
    for (const e of alphabet.filter((x) => x.key < 0)) expect(leftToTwin[e.index]).toBe(false)
    expect(second.filter((e) => leftToTwin[e.index]).length).toBeGreaterThan(second.length / 2)
  })

  it('leaves nothing to a twin where no keys are alike', () => {
    const doc = structuredClone(threeKeysSmall()) as PolicyInput
    const pa = doc.keys.find((k) => k.id === 'presidential-administration')
    if (pa !== undefined) pa.deputies = { allowed: true, maxDays: 4 } // now unlike the other co-chair key
    const policy = safeParsePolicy(doc)
    if (!policy.success) throw new Error(JSON.stringify(policy.issues))
    const symmetry = keySymmetry(policy.policy)
    expect(symmetry.groups).toEqual([])
    const { alphabet } = explorationSetup(policy.policy)
    expect(twinLetters(policy.policy, symmetry, alphabet).leftToTwin.some(Boolean)).toBe(false)
  })

  it("maps each command by one of a key's interchangeable holders to the same command by each of the others", () => {
    const policy = threeKeysSmall()
    const symmetry = keySymmetry(policy)
    const { alphabet } = explorationSetup(policy)
    const { holderAt, byHolder, orbit } = twinLetters(policy, symmetry, alphabet)
    const senators = ['senator-1', 'senator-2', 'senator-3']
    const approve = (by: string) =>
      alphabet.find((e) => e.type === 'DECIDE' && e.key === 2 && e.actor === by && e.variant === 'approve')
    const third = approve('senator-3')
    expect(third).toBeDefined()
    expect(holderAt[third?.index as number]).toBe(2)
    expect(byHolder[third?.index as number]).toEqual(senators.map((id) => approve(id)?.index))
    // In coverage a senator's command stands for the first senator's.
    expect(orbit[third?.index as number]).toBe(approve('senator-1')?.index)
    // Co-chairs hold keys of one holder; nobody else's command is a holder's of the senators' key.
    for (const e of alphabet)
      if (holderAt[e.index] !== -1)
        expect([e.role, senators.includes(e.actor ?? '')]).toEqual(['holder', true])
    expect(alphabet.filter((e) => holderAt[e.index] !== -1).length).toBeGreaterThanOrEqual(3 * 4)
  })

  it.each([
    ['two-keys.yaml', () => twoKeys],
    ['3 alike keys, an aide each', () => manyKeysPolicy(3)],
    ['the three-key variant, sized down (alike co-chair keys, interchangeable senators)', threeKeysSmall],
    ['interchangeable senators, no alike keys', senatorsAlone],
  ])('finds the same states, each with the same successors, as trying every command (%s)', (_name, make) => {
    const policy = make()
    const machine = createInitiativeMachine(policy)
    const on = search(policy, machine, {})
    const off = search(policy, machine, { twins: false })
    expect(on.complete && off.complete).toBe(true)
    expect(differences(on, off)).toEqual([])
    expect(on.keys.length).toBe(off.keys.length)
    expect(on.edges.count).toBeLessThan(off.edges.count)
  })

  it('is caught by the comparison when the holder twin relation is unsound (holders that the state tells apart)', () => {
    const policy = senatorsAlone()
    const machine = createInitiativeMachine(policy)
    // Every senator the first one's twin, whatever the state says about them.
    const unsound = (_: SnapshotView) =>
      policy.keys.map((key) => Int32Array.from(key.holders.length > 1 ? key.holders : [], () => 0))
    const broken = search(policy, machine, { holderTwinsOf: unsound })
    const off = search(policy, machine, { twins: false })
    expect(differences(broken, off).length).toBeGreaterThan(0)
  })

  it('is caught by the comparison when the twin relation is unsound (twins that the state tells apart)', () => {
    const policy = manyKeysPolicy(3)
    const machine = createInitiativeMachine(policy)
    // Every alike key the first one's twin, whatever the state says about it.
    const unsound = (_: SnapshotView) => Int32Array.from(policy.keys, () => 0)
    const broken = search(policy, machine, { twinsOf: unsound })
    const off = search(policy, machine, { twins: false })
    expect(differences(broken, off).length).toBeGreaterThan(0)
  })

  it.each([
    ['two-keys.yaml', () => twoKeys],
    ['3 alike keys, an aide each', () => manyKeysPolicy(3)],
    ['the three-key variant, sized down', threeKeysSmall],
  ])('reaches the same verdicts, holes, warnings and counterexample lengths (%s)', (_name, make) => {
    const policy = make()
    expect(verdicts(verify(policy))).toEqual(verdicts(verify(policy, { twins: false })))
  })

  it('finds the same violations, with counterexamples of the same length, on broken machines that treat keys alike', () => {
    const bugs = BUG_CATALOGUE.filter((b) =>
      [
        'quorum-off-by-one',
        'distinct-by-principal-only',
        'veto-overridden-in-plenary',
        'stale-approval-counts',
      ].includes(b.name),
    )
    expect(bugs).toHaveLength(4)
    let violations = 0
    for (const bug of bugs) {
      const built = bug.build(twoKeys)
      const on = verify(built.policy, { machine: built.machine, symmetry: true })
      const off = verify(built.policy, { machine: built.machine, symmetry: true, twins: false })
      expect(verdicts(on), bug.name).toEqual(verdicts(off))
      violations += on.invariants.filter((i) => i.status === 'violated').length
    }
    expect(violations).toBeGreaterThanOrEqual(3)
  })

  it('runs the same on worker threads', () => {
    const policy = manyKeysPolicy(3)
    const one = verify(policy)
    const two = verify(policy, { workers: 2 })
    expect(verdicts(two)).toEqual(verdicts(one))
    expect(two.transitions).toBe(one.transitions)
  })
})

describe('deputies of alike keys in the abstract key', () => {
  // Found by comparing searches with and without twin commands on the three-key fixture: the
  // windows of deputies named by position (`@%h0>%d0`) were kept in one map for every key, so two
  // keys' windows merged into the first key's part and the other key's deputy looked out of window.
  it("keeps each alike key's deputy window in its own part", () => {
    const graph = search(twoKeys, createInitiativeMachine(twoKeys), {})
    const windowsPerPart = (key: string) =>
      key
        .split(';')
        .map((part) => (part.match(/@%h0>%d0:/g) ?? []).length)
        .filter((n) => n > 0)
    const both = graph.keys.filter((k) => k.startsWith('V|') && windowsPerPart(k).length === 2)
    expect(both.length).toBeGreaterThan(0)
    for (const k of graph.keys) for (const n of windowsPerPart(k)) expect(n, k).toBe(1)
  })
})
