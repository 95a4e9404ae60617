import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { createAbstractKey, type SnapshotView } from '../../src/explore/abstractKey.js'
import { BranchSharingBroken, branchSharing, whyNotShared } from '../../src/explore/branchSharing.js'
import { contentSubstance, representativeContents } from '../../src/explore/contents.js'
import { createExpander } from '../../src/explore/expander.js'
import { explore, pathTo, snapshotOf, snapshotsAlong } from '../../src/explore/explore.js'
import { keySymmetry } from '../../src/explore/keySymmetry.js'
import { toPortable } from '../../src/explore/portableSnapshot.js'
import { NOTHING_RECORDED } from '../../src/invariants/recordEvent.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { type Policy, type PolicyInput, PolicySchema } from '../../src/policy/PolicySchema.js'
import { type Guard, withGuards } from '../../src/verify/brokenMachine.js'
import { BUG_CATALOGUE } from '../../src/verify/bugCatalogue.js'
import { createJobExpander, deriveUnexpanded, imageDeriver } from '../../src/verify/expandJob.js'
import { exploreInWorkers } from '../../src/verify/exploreInWorkers.js'
import { manyKeysPolicy } from '../../src/verify/manyKeysPolicy.js'
import type { SearchMove } from '../../src/verify/searchProtocol.js'
import type { VerifyResult } from '../../src/verify/VerifyResult.js'
import { verify } from '../../src/verify/verify.js'
import { verdictLines } from '../support/verdictLines.js'

const shipped = (name: string) => loadPolicyFile(`machines/policies/${name}.yaml`)
const verdicts = (r: VerifyResult) => ({ ok: r.ok, ...verdictLines(r) })

/** The policy's machine with guard `name` answering `regional` for a regional initiative. */
function regionalGuard(policy: Policy, name: string, regional: boolean) {
  return withGuards(policy, (original) => ({
    [name]: ((args, params) =>
      args.context.content?.scope.kind === 'regional' ? regional : original(name)(args, params)) as Guard,
  }))
}

/**
 * Sharing as `branchSharing` writes it, whatever the policy: each branch's content as the one
 * token. Only for showing that the quotient test catches a policy that must not share.
 */
function forcedSharing(policy: Policy) {
  const branches = representativeContents(policy)
  const substance = (c: SnapshotView['context']['content']) => (c === null ? '' : contentSubstance(c))
  const index = new Map(branches.map((b, i) => [substance(b.content), i]))
  const branchOf = (c: SnapshotView['context']['content']) => index.get(substance(c)) ?? -1
  return { branchOf, tokenOf: (c: SnapshotView['context']['content']) => (branchOf(c) < 0 ? null : '~') }
}

/**
 * The states before approval of a search without sharing, grouped by the shared key (the
 * branch's content written as its token), each with its moves: the letter and where it leads
 * (the shared key of a state before approval, else "out"). Sharing is exact when every member of
 * a group has the same moves; `disagreements` lists the groups whose members differ.
 */
function reviewQuotient(policy: Policy, force = false) {
  const sharing = force ? forcedSharing(policy) : branchSharing(policy, representativeContents(policy))
  if (sharing === null) throw new Error(`${policy.id} does not share its review`)
  const shared = createAbstractKey(policy, keySymmetry(policy), { sharedContent: sharing.tokenOf })
  const before = (s: SnapshotView) =>
    s.status === 'active' && s.context.approvedAt === null && sharing.branchOf(s.context.content) >= 0
  const image = (s: SnapshotView) => (before(s) ? shared(s) : 'out')
  const groups = new Map<string, Set<string>[]>()
  const moves: (Set<string> | undefined)[] = []
  explore(policy, createInitiativeMachine(policy), {
    onState: (s, snapshot) => {
      if (!before(snapshot)) return
      const mine = new Set<string>()
      moves[s] = mine
      const key = shared(snapshot)
      groups.set(key, [...(groups.get(key) ?? []), mine])
    },
    onStep: ({ from, event, after }) => {
      moves[from]?.add(`${event.index}→${image(after)}`)
    },
  })
  const disagreements = [...groups.entries()].filter(([, members]) => {
    const first = [...(members[0] ?? [])].sort().join(' ')
    return members.some((m) => [...m].sort().join(' ') !== first)
  })
  return { groups, disagreements: disagreements.map(([key]) => key) }
}

describe('sharing the review among the representative initiatives', () => {
  it('is used only where no rule tells the initiatives apart before approval', () => {
    const many = manyKeysPolicy(2)
    expect(whyNotShared(many, representativeContents(many))).toBeNull()
    expect(whyNotShared(many, representativeContents(many, ['federal']))).toBe(
      'one representative initiative',
    )
    const president = shipped('president-over-10bn')
    expect(whyNotShared(president, representativeContents(president))).toMatch(/applies by a condition/)
    const seed = shipped('seed')
    expect(whyNotShared(seed, representativeContents(seed))).toMatch(/condition|reach/)
    expect(
      explore(president, createInitiativeMachine(president), { shareBranches: true }).sharedBranches,
    ).toEqual([])
  })

  it.each([
    ['two-keys.yaml', () => shipped('two-keys')],
    ['council.yaml', () => shipped('council')],
    ['3 alike keys, an aide each', () => manyKeysPolicy(3)],
  ])('is exact: the states it merges before approval have the same moves (%s)', (_name, make) => {
    const policy = make()
    const { groups, disagreements } = reviewQuotient(policy)
    expect(disagreements).toEqual([])
    // It merges something: three initiatives' reviews into one.
    expect([...groups.values()].some((members) => members.length >= 3)).toBe(true)
    const shared = explore(policy, createInitiativeMachine(policy), { shareBranches: true })
    const plain = explore(policy, createInitiativeMachine(policy))
    expect(shared.complete && plain.complete).toBe(true)
    expect(shared.sharedBranches).toEqual([0, 1, 2])
    // Every group is one shared state; the states after approval are found as they were.
    const after = plain.facts.approved.reduce((n, a) => n + a, 0)
    expect(shared.facts.approved.reduce((n, a) => n + a, 0)).toBe(after)
    expect(shared.keys.length).toBeLessThan(plain.keys.length / 2)
  })

  it('would not be exact where a key applies to some initiatives only: the quotient test catches it', () => {
    const policy = manyKeysPolicy(2)
    // Forced past `whyNotShared`: the second key applies to regional initiatives only.
    const doc = structuredClone(policy)
    ;(doc.keys[1] as Policy['keys'][number]).appliesIf = 'scope = regional'
    expect(() => reviewQuotient(doc)).toThrow(/does not share/)
    expect(reviewQuotient(doc, true).disagreements.length).toBeGreaterThan(0)
  })

  it.each([
    ['two-keys.yaml', () => shipped('two-keys')],
    ['council.yaml', () => shipped('council')],
    ['single-key.yaml', () => shipped('single-key')],
    ['3 alike keys, an aide each', () => manyKeysPolicy(3)],
  ])(
    'reaches the same verdicts, holes, warnings and counterexample lengths in fewer states (%s)',
    (_name, make) => {
      const policy = make()
      const on = verify(policy, { shareBranches: true })
      const off = verify(policy, { shareBranches: false })
      expect(verdicts(on)).toEqual(verdicts(off))
      expect(on.states).toBeLessThan(off.states)
      expect(on.sharedReview).toEqual(['federal', 'regional', 'export'])
      expect(off.sharedReview).toEqual([])
    },
  )

  it('follows every image out of the review, also where the representative is done at once on approval', () => {
    // A regional initiative routed to the federal track, whose named ministries are none: its run
    // completes the moment it is approved. The export initiative's rollout waits on agencies the
    // policy does not have — a dead end (TK10) only its own image reaches.
    const doc = structuredClone(manyKeysPolicy(1, { deputies: false })) as PolicyInput
    doc.rollout = { federal: 'ministries', export: 'agencies' }
    doc.routing = [
      { when: { scope: ['export'] }, track: 'export' },
      { when: { scope: ['regional'] }, track: 'federal' },
      { when: { scope: ['federal'] }, track: 'federal' },
    ]
    const policy = PolicySchema.parse(doc)
    const scopes = ['regional', 'export'] as const
    const off = verify(policy, { scopes, shareBranches: false })
    expect(off.invariants.find((i) => i.id === 'TK10')?.status).toBe('violated')
    for (const workers of [1, 2]) {
      const on = verify(policy, { scopes, workers })
      expect(on.sharedReview).toEqual(['regional', 'export'])
      expect(verdicts(on), `workers ${workers}`).toEqual(verdicts(off))
    }
  })

  it('tells each path as the initiative it belongs to: every state and every image replays to its own key', () => {
    const policy = shipped('two-keys')
    const machine = createInitiativeMachine(policy)
    const sharing = branchSharing(policy, representativeContents(policy))
    const key = createAbstractKey(policy, keySymmetry(policy), {
      sharedContent: sharing?.tokenOf ?? (() => null),
    })
    const images: [number, number][] = []
    const graph = explore(policy, machine, {
      shareBranches: true,
      onState: (s, _snapshot, under) => {
        if (under !== undefined) images.push([s, under])
      },
    })
    expect(images.length).toBeGreaterThan(0)
    let crossed = 0
    for (let s = 0; s < graph.keys.length; s++) {
      const { events } = pathTo(graph, s)
      const replayed = snapshotsAlong(graph, events).at(-1) as SnapshotView
      expect(key(replayed), `state ${s}`).toBe(graph.keys[s])
      expect(key(snapshotOf(graph, s))).toBe(graph.keys[s])
      if (graph.image[s] !== -1) crossed++
    }
    expect(crossed).toBeGreaterThan(0)
    for (const [s, under] of images) {
      const { events } = pathTo(graph, s, under)
      const replayed = snapshotsAlong(graph, events).at(-1) as SnapshotView
      expect(key(replayed)).toBe(graph.keys[s])
      expect(sharing?.branchOf(replayed.context.content)).toBe(under)
      expect(snapshotOf(graph, s, under).context.content).toEqual(replayed.context.content)
    }
  })

  it('searches on both cores as in one thread: the same states, moves and result', () => {
    const policy = manyKeysPolicy(3)
    const one = verify(policy, { shareBranches: true })
    const two = verify(policy, { shareBranches: true, workers: 2 })
    expect({ ...two, seconds: 0 }).toEqual({ ...one, seconds: 0 })
  })

  it.each([2, 3])(
    'on %i threads finds the same graph with the same machine steps: a state’s images computed once, by the thread that expands it',
    (workers) => {
      // 4 keys: enough states that threads meet keys another has found (3 are too few to show it).
      const policy = manyKeysPolicy(4)
      const machine = createInitiativeMachine(policy)
      const one = explore(policy, machine, { shareBranches: true })
      const many = exploreInWorkers(policy, {
        workers,
        machine,
        symmetry: true,
        shareBranches: true,
        onViolation: () => {
          throw new Error('the policy’s own machine violates nothing')
        },
        onPassed: () => {},
        found: () => [],
      })
      expect(many.keys).toEqual(one.keys)
      expect(many.parent).toEqual(one.parent)
      expect(many.image).toEqual(one.image)
      expect(many.edges).toEqual(one.edges)
      expect(many.sharedBranches).toEqual(one.sharedBranches)
      expect(one.sharedBranches.length).toBeGreaterThan(1)
      expect(many.transitionCalls).toBe(one.transitionCalls)
    },
  )

  it('shows onState every state and every image in the order of one thread while it reads images', () => {
    const policy = manyKeysPolicy(3)
    const machine = createInitiativeMachine(policy)
    const { abstractKey } = createExpander(policy, machine, { shareBranches: true })
    const seen =
      (into: string[]) =>
      (s: number, snapshot: Parameters<typeof abstractKey>[0], under = -1) => {
        into.push(`${s}/${under}: ${abstractKey(snapshot)}`)
      }
    const one: string[] = []
    explore(policy, machine, { shareBranches: true, onState: seen(one) })
    const many: string[] = []
    exploreInWorkers(policy, {
      workers: 2,
      machine,
      symmetry: true,
      shareBranches: true,
      onState: seen(many),
      imagesWanted: () => true,
      onViolation: () => {
        throw new Error('the policy’s own machine violates nothing')
      },
      onPassed: () => {},
      found: () => [],
    })
    expect(one.some((line) => !line.includes('/-1:'))).toBe(true)
    expect(many).toEqual(one)
  })

  it('stops and searches again unshared where an initiative parts from its representative', () => {
    const policy = shipped('two-keys')
    // Broken: the sponsor of a regional initiative may not submit, amend or withdraw it.
    const machine = regionalGuard(policy, 'actorIsSponsor', false)
    expect(() => explore(policy, machine, { shareBranches: true })).toThrow(BranchSharingBroken)
    const fallen = verify(policy, { machine, shareBranches: true })
    expect(verdicts(fallen)).toEqual(verdicts(verify(policy, { machine, shareBranches: false })))
    // The result does not claim a sharing that did not happen.
    expect(fallen.sharedReview).toEqual([])
  })

  it('is off by default on a given machine, whose rules may tell the initiatives apart where no image shows it', () => {
    const policy = shipped('two-keys')
    // Broken: on a regional initiative anyone has authority to decide on any key (TK6).
    const machine = regionalGuard(policy, 'actorHasAuthority', true)
    const found = verify(policy, { machine })
    expect(found.invariants.find((i) => i.id === 'TK6')?.status).toBe('violated')
    // Forced on, the search never tries an outsider's decision on the regional initiative, which
    // its federal representative refuses: sharing is sound only under its premise, which this
    // machine breaks where no image shows it.
    const forced = verify(policy, { machine, shareBranches: true })
    expect(forced.invariants.find((i) => i.id === 'TK6')?.status).toBe('holds')
  })

  it('finds the same violations, with counterexamples of the same length, on the catalogued bugs of policies', () => {
    let compared = 0
    for (const bug of BUG_CATALOGUE) {
      // Only a bug written as a policy runs the policy's own machine, where sharing is the default.
      if (bug.level !== 'policy') continue
      const built = bug.build(loadPolicyFile(`machines/policies/${bug.basePolicy}.yaml`))
      const on = verify(built.policy, { machine: built.machine })
      const off = verify(built.policy, { machine: built.machine, shareBranches: false })
      expect(verdicts(on), bug.name).toEqual(verdicts(off))
      // Shared, and never searched again unshared: the premise holds on a policy's own machine.
      // An initiative no one can propose (routing-gap's export) enters no review to share.
      expect(on.sharedReview, bug.name).toEqual(
        bug.name === 'routing-gap' ? ['federal', 'regional'] : ['federal', 'regional', 'export'],
      )
      compared++
    }
    expect(compared).toBeGreaterThan(0)
  })
})

describe('sharing the review on worker threads', () => {
  it('a searching thread stops with BranchSharingBroken where an image it computes parts from its representative', () => {
    const policy = shipped('two-keys')
    // Broken: the sponsor of a regional initiative may not submit, amend or withdraw it.
    const machine = regionalGuard(policy, 'actorIsSponsor', false)
    const expander = createExpander(policy, machine, { shareBranches: true })
    const expand = createJobExpander(policy, machine, expander)
    // State 0 proposes every initiative: one shared draft per sponsor, with the others' drafts as images.
    const [moves = []] = expand({
      start: 0,
      states: [{ snapshot: toPortable(expander.initial), recorded: NOTHING_RECORDED }],
      found: [],
    }).moves
    const draft = moves.find((m) => m.first !== undefined && expander.alphabet[m.event]?.type === 'PROPOSE')
    const images = moves.flatMap((m) =>
      m.enter !== undefined && m.local === draft?.local && m.enter.branch !== 0 ? [m.enter] : [],
    )
    expect(draft?.first).toBeDefined()
    expect(images.length).toBeGreaterThan(0)
    const first = draft?.first as NonNullable<SearchMove['first']>
    // The federal draft is submitted: a new state in review, whose images are computed by the
    // thread that expands it, from the draft's; the regional image refuses the same command.
    const [draftMoves = []] = expand({
      start: 1,
      states: [{ snapshot: first.snapshot, recorded: first.recorded, images }],
      found: [],
    }).moves
    const submit = draftMoves.find(
      (m) => m.first !== undefined && expander.alphabet[m.event]?.type === 'SUBMIT',
    )
    const submitted = submit?.first as NonNullable<SearchMove['first']>
    expect(submitted).toBeDefined()
    expect(() =>
      expand({
        start: 2,
        states: [
          {
            snapshot: submitted.snapshot,
            recorded: submitted.recorded,
            derive: { key: submitted.key, event: submit?.event as number, from: images },
          },
        ],
        found: [],
      }),
    ).toThrow(BranchSharingBroken)
    // A search stopped at a limit with that state found and not expanded fails there too, as the
    // search in one thread does (it computes a state's images as it finds it).
    const derive = { key: submitted.key, event: submit?.event as number, from: images }
    const waiting = [
      undefined,
      undefined,
      { snapshot: submitted.snapshot, recorded: submitted.recorded, derive },
    ]
    const deriveImages = imageDeriver(policy, machine, expander)
    expect(() => deriveUnexpanded(waiting, 2, deriveImages)).toThrow(BranchSharingBroken)
    expect(() => deriveUnexpanded(waiting, 3, deriveImages)).not.toThrow()
  })
})
