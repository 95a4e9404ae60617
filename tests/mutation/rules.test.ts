import { describe, expect, it } from 'vitest'
import { renderPhrase } from '../../machines/refusalMessages.js'
import { createRules } from '../../machines/rules.js'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import { DAY_MS } from '../../src/domain/timeUnits.js'
import { explainEvent } from '../../src/engine/explainEvent.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'
import { approvedByBoth, day, federalContent, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'
import {
  councilPolicy,
  dualPolicy,
  oneKeyReachPolicy,
  reachPolicy,
  routingGapPolicy,
  seedDocument,
} from '../support/policies.js'

// Mutation testing of machines/rules.ts (README "Tests that would notice") found the arithmetic of
// a refusal without veto untested: every key the tests refused was a veto or a lone holder's.
describe('a refusal on a key without veto', () => {
  it('refuses the key only once its holders can no longer reach the quorum (3 holders, 2 of 3)', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    expect(councilPolicy.keys.find((k) => k.id === PA)).toMatchObject({ quorum: 2, veto: false })
    // One refusal: two holders are left, enough for a quorum of two — the key still waits.
    s.send(s.decision('oreshkin', PA, day(1), 'refuse'))
    expect(s.snapshot.value).toEqual(reviewValue('pending', 'pending'))
    // A second: one holder left, below the quorum — the key is refused and the initiative returned.
    s.send(s.decision('pa-2', PA, day(2), 'refuse'))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
  })

  it('a refusal on the veto key refuses it at once', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.send(s.decision('grigorenko', GA, day(1), 'refuse'))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
  })
})

describe('the content a proposal names, checked by the machine itself', () => {
  // The command schema and the engine check shapes; the machine's own content rule is what the
  // verifier and the simulator rely on, so it is tested here on the machine alone.
  const idle = new Scenario(reachPolicy)
  const reasons = (scope: InitiativeContent['scope']) =>
    explainEvent(idle.machine, reachPolicy, idle.snapshot, {
      type: 'PROPOSE',
      by: 'minek',
      at: day(0),
      id: 'i1',
      content: { ...federalContent, scope },
    }).reasons

  it('a region or a destination named twice', () => {
    expect(reasons({ kind: 'regional', regions: ['tatarstan', 'tatarstan'] })).toEqual([
      'a region is named twice in the scope',
    ])
    expect(reasons({ kind: 'export', destinations: ['belarus', 'belarus'] })).toEqual([
      'a destination is named twice in the scope',
    ])
  })

  it('a destination off the friendly list, named with the list (TK9)', () => {
    expect(reasons({ kind: 'export', destinations: ['belarus', 'norway'] })).toEqual([
      'destination "norway" is not on the friendly-destinations list ("belarus", "kazakhstan", "kyrgyzstan", "armenia", "uzbekistan"); export goes only to friendly destinations (TK9)',
    ])
  })

  it('a federal rollout by ministries: none named, one that is not a ministry, one named twice', () => {
    expect(reasons({ kind: 'federal', ministries: [] })).toEqual([
      'a federal initiative names the ministries that carry it out (scope ministries), at least one: policy "seed" has each accept or decline its rollout',
    ])
    expect(reasons({ kind: 'federal', ministries: ['minek', 'gov-tatarstan'] })).toEqual([
      '"gov-tatarstan" is not a ministry of the policy; ministries: "minzifry", "minpromtorg", "minek"',
    ])
    expect(reasons({ kind: 'federal', ministries: ['minek', 'minek'] })).toEqual([
      'a ministry is named twice in the scope',
    ])
    expect(reasons({ kind: 'federal', ministries: ['minek', 'minzifry'] })).toEqual([])
  })

  it('an objective or a region the policy does not have, and a proposer who is not a sponsor, named with what it has', () => {
    expect(
      explainEvent(idle.machine, reachPolicy, idle.snapshot, {
        type: 'PROPOSE',
        by: 'minek',
        at: day(0),
        id: 'i1',
        content: {
          ...federalContent,
          objective: 'moonshot',
          scope: { kind: 'regional', regions: ['atlantis'] },
        },
      }).reasons,
    ).toEqual([
      `objective "moonshot" is not one of the policy's objectives (${reachPolicy.objectives.map((o) => `"${o}"`).join(', ')})`,
      'region "atlantis" is not in the policy; known regions: "tatarstan", "novosibirsk", "nizhny-novgorod"',
    ])
    const sponsors = reachPolicy.principals.filter((p) => p.roles.includes('sponsor')).map((p) => `"${p.id}"`)
    expect(sponsors.length).toBeLessThan(reachPolicy.principals.length)
    expect(
      explainEvent(idle.machine, reachPolicy, idle.snapshot, {
        type: 'PROPOSE',
        by: 'oreshkin',
        at: day(0),
        id: 'i1',
        content: { ...federalContent, scope: { kind: 'federal', ministries: ['minek'] } },
      }).reasons,
    ).toEqual([
      `"oreshkin" may not propose: only principals with the role "sponsor" may (${sponsors.join(', ')})`,
    ])
  })
})

describe('a plenary under way', () => {
  it('stays in plenary when a substantive amendment restarts the review (the window does not reopen)', () => {
    const s = new Scenario(reachPolicy)
      .propose('minek', { ...federalContent, scope: { kind: 'federal', ministries: ['minek'] } })
      .submit()
    s.send({ type: 'TICK', at: day(31) })
    expect(s.snapshot.value).toMatchObject({ open: { review: { window: 'plenary' } } })
    s.send({
      type: 'AMEND',
      by: 'minek',
      at: day(32),
      content: {
        ...federalContent,
        objective: 'infrastructure',
        scope: { kind: 'federal', ministries: ['minzifry'] },
      },
    })
    expect(s.snapshot.context.revision.n).toBe(2)
    expect(s.snapshot.value).toMatchObject({ open: { review: { window: 'plenary' } } })
  })
})

describe('a second plenary session', () => {
  // Votes are kept with the session they were cast in; only the sitting session's count, for the
  // quorum and for "has this member voted".
  it('counts only its own votes: a member of the first may vote again, and the first’s votes make no quorum', () => {
    const ministries = (m: string) => ({
      ...federalContent,
      scope: { kind: 'federal' as const, ministries: [m] },
    })
    const plenary = { open: { review: { window: 'plenary' } } }
    const vote = (by: string, at: number) => ({ type: 'PLENARY' as const, by, at, vote: 'return' as const })
    const s = new Scenario(reachPolicy).propose('minek', ministries('minek')).submit()
    s.send({ type: 'TICK', at: day(31) })
    s.send(vote('minzifry', day(32))).send(vote('mid', day(32)))
    expect(s.snapshot.value).toMatchObject(plenary)
    // The veto key refuses: back to the sponsor, who amends it into a new review and a new window.
    s.send(s.decision('oreshkin', PA, day(33), 'refuse'))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
    s.send({
      type: 'AMEND',
      by: 'minek',
      at: day(34),
      content: { ...ministries('minzifry'), objective: 'infrastructure' },
    })
    s.send({ type: 'TICK', at: day(65) })
    expect(s.snapshot.value).toMatchObject(plenary)
    expect(s.snapshot.context.plenaryVotes).toHaveLength(2)
    // minzifry voted in the first session and may vote in this one; with the first session's two
    // votes this would be three, the quorum — but this session has one.
    s.send(vote('minzifry', day(66)))
    expect(s.snapshot.value).toMatchObject(plenary)
    s.send(vote('mid', day(66)))
    expect(s.snapshot.value).toMatchObject(plenary)
    // A member of this session may not vote twice in it.
    expect(s.snapshot.can(vote('mid', day(67)))).toBe(false)
    s.send(vote('gov-tatarstan', day(67)))
    expect(s.snapshot.value).toEqual({ open: 'returned' })
  })
})

describe('a deputy from the other key’s institution', () => {
  it('is refused with the key whose institution it belongs to named (TK2), not as merely of the wrong institution', () => {
    const council = loadPolicyFile('machines/policies/council.yaml')
    const s = new Scenario(council).propose('minek', federalContent).submit()
    const delegation = {
      type: 'DELEGATE' as const,
      by: 'oreshkin',
      at: day(1),
      key: PA,
      deputy: 'ga-aide',
      from: day(1),
      until: day(2),
    }
    expect(explainEvent(s.machine, council, s.snapshot, delegation).reasons).toEqual([
      `"ga-aide" belongs to "${GA}", the institution of key "${GA}", and so may not act for another key (TK2)`,
    ])
  })
})

/** The reasons `explain` gives for `event` in the scenario's state. */
const words = (s: Scenario, event: InitiativeEvent) =>
  explainEvent(s.machine, s.policy, s.snapshot, event).reasons
/** An instant as the refusals print it (machines/facts.ts `formatInstant`). */
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z')

describe('the words of a refusal, each with what it names', () => {
  it('a proposer the policy does not know', () => {
    const idle = new Scenario(reachPolicy)
    const event = { type: 'PROPOSE' as const, by: 'nobody', at: day(0), id: 'i1', content: federalContent }
    expect(words(idle, event)).toEqual(['"nobody" is not a principal of policy "seed"'])
  })

  it('a submission by someone other than the sponsor names the sponsor, the action and the actor', () => {
    const s = new Scenario(reachPolicy).propose('minek', federalContent)
    expect(words(s, { type: 'SUBMIT', by: 'minzifry', at: day(1) })).toEqual([
      'only the sponsor "minek" may submit this initiative, not "minzifry"',
    ])
  })

  it('content no routing rule takes names the policy, its objective and its scope', () => {
    const idle = new Scenario(routingGapPolicy)
    const event = {
      type: 'PROPOSE' as const,
      by: 'minzifry',
      at: day(0),
      id: 'i1',
      content: { ...federalContent, scope: { kind: 'export' as const, destinations: ['belarus'] } },
    }
    expect(words(idle, event)).toEqual([
      'no routing rule of policy "routing-gap" takes an initiative with objective "infrastructure" and scope "export", so it could never be routed once approved (TK9, TK10); choose another objective or scope, or ask the policy\'s owner to add a rule',
    ])
  })

  it('a key not yet turned says how many approvals it waits for, and from which holders', () => {
    // The review approves on its own once every key is turned, so no command is refused for this
    // rule; its words are read off the rule itself.
    // Council: the PA key 2 of oreshkin, pa-2, pa-3; the GA key 1 of grigorenko, ga-2.
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const rule = createRules(councilPolicy).allKeysTurned
    const said = rule.phrases(s.snapshot.context)
    expect(said.map((p) => renderPhrase(p))).toEqual([
      'key "presidential-administration" is not turned: waiting for 1 of "pa-2", "pa-3"',
      'key "government-apparatus" is not turned: waiting for 1 of "grigorenko", "ga-2"',
    ])
  })
})

describe('the words of a refused decision (rules.ts lines 301–360)', () => {
  const twoKeysPolicy = loadPolicyFile('machines/policies/two-keys.yaml')
  const council = loadPolicyFile('machines/policies/council.yaml')

  it('a decision on another revision names both, each by its first 12 characters', () => {
    const s = new Scenario(twoKeysPolicy).propose('minzifry').submit()
    const stale = { ...s.decision('oreshkin', PA, day(1)), revision: 'abcdefabcdef0123456789' }
    expect(words(s, stale)).toEqual([
      `the decision was taken on revision abcdefabcdef, but the current revision is 1 (${s.revision.slice(0, 12)}); an approval counts only for the revision it was given on (TK5) — review the current revision and decide again`,
    ])
  })

  it('a decision at the instant the window closes is late, and says when it closed', () => {
    const s = new Scenario(council).propose('minzifry').submit(day(0))
    const closes = day(30)
    expect(words(s, s.decision('oreshkin', PA, closes))).toEqual([
      `the review window closed at ${iso(closes)}; no decision is taken after it`,
    ])
    expect(s.snapshot.can(s.decision('oreshkin', PA, closes - 1))).toBe(true)
  })

  it('someone without the key, on a key that allows no deputies: known and unknown', () => {
    const s = new Scenario(council).propose('minzifry').submit()
    const key = 'council-of-governors'
    const holders = '"gov-tatarstan", "gov-novosibirsk", "gov-nizhny"'
    expect(words(s, s.decision('minek', key, day(1)))).toContain(
      `"minek" does not hold key "${key}" (holders: ${holders}), and key "${key}" allows no deputies (TK6)`,
    )
    expect(words(s, s.decision('nobody', key, day(1)))).toContain(
      `unknown principal "nobody" does not hold key "${key}" (holders: ${holders}), and key "${key}" allows no deputies (TK6)`,
    )
  })

  it('someone no holder has named deputy: known and unknown; a deputy outside every window it was given', () => {
    const s = new Scenario(twoKeysPolicy).propose('minzifry').submit()
    expect(words(s, s.decision('minek', PA, day(1)))).toContain(
      `"minek" does not hold key "${PA}" (holders: "oreshkin") and no holder has named them deputy (TK6)`,
    )
    expect(words(s, s.decision('nobody', PA, day(1)))).toContain(
      `unknown principal "nobody" does not hold key "${PA}" (holders: "oreshkin") and no holder has named them deputy (TK6)`,
    )
    const delegate = (from: number, until: number) =>
      ({ type: 'DELEGATE', by: 'oreshkin', at: day(1), key: PA, deputy: 'pa-aide', from, until }) as const
    s.send(delegate(day(2), day(3))).send(delegate(day(5), day(6)))
    expect(words(s, s.decision('pa-aide', PA, day(4)))).toContain(
      `"pa-aide" does not hold key "${PA}" (holders: "oreshkin"); their delegation (${iso(day(2))}–${iso(day(3))}, ${iso(day(5))}–${iso(day(6))}) does not cover ${iso(day(4))} (TK6)`,
    )
  })
})

describe('the words of a refused decision: whose delegations, and the sponsor', () => {
  it('a deputy outside its window is told its own delegations of this key, not another deputy’s', () => {
    // dualPolicy: the GA key may be delegated to ga-aide or to minek.
    const s = new Scenario(dualPolicy).propose('minzifry').submit()
    const delegate = (deputy: string, from: number, until: number) =>
      ({ type: 'DELEGATE', by: 'grigorenko', at: day(1), key: GA, deputy, from, until }) as const
    s.send(delegate('minek', day(2), day(3))).send(delegate('ga-aide', day(5), day(6)))
    expect(words(s, s.decision('ga-aide', GA, day(4)))).toContain(
      `"ga-aide" does not hold key "${GA}" (holders: "grigorenko"); their delegation (${iso(day(5))}–${iso(day(6))}) does not cover ${iso(day(4))} (TK6)`,
    )
  })

  it('a deputy named on both keys is told only its delegations of the key it acts on', () => {
    // A ministry of neither key's institution may be eligible on both (the policy checks allow it;
    // TK2 is kept by distinctAcrossKeys); its window on the other key must not be listed.
    const doc = seedDocument()
    const bothKeys = PolicySchema.parse({
      ...doc,
      id: 'two-keys-shared-deputy',
      keys: doc.keys.map((k) => ({
        ...k,
        deputies: { allowed: true, maxDays: 14, eligible: ['minpromtorg'] },
      })),
    })
    const s = new Scenario(bothKeys).propose('minzifry').submit()
    s.send({
      type: 'DELEGATE',
      by: 'oreshkin',
      at: day(1),
      key: PA,
      deputy: 'minpromtorg',
      from: day(2),
      until: day(3),
    })
    s.send({
      type: 'DELEGATE',
      by: 'grigorenko',
      at: day(1),
      key: GA,
      deputy: 'minpromtorg',
      from: day(5),
      until: day(6),
    })
    expect(words(s, s.decision('minpromtorg', PA, day(4)))).toContain(
      `"minpromtorg" does not hold key "${PA}" (holders: "oreshkin"); their delegation (${iso(day(2))}–${iso(day(3))}) does not cover ${iso(day(4))} (TK6)`,
    )
  })

  it('the sponsor’s own decision, and a decision on the sponsor’s seat, each in its words (TK3)', () => {
    // council: ga-2 holds the GA key and may sponsor; its institution's ga-aide may be its deputy.
    const s = new Scenario(councilPolicy).propose('ga-2').submit()
    expect(words(s, s.decision('ga-2', GA, day(1)))).toContain(
      '"ga-2" sponsors this initiative and may not turn a key on it (TK3)',
    )
    s.send({
      type: 'DELEGATE',
      by: 'ga-2',
      at: day(1),
      key: GA,
      deputy: 'ga-aide',
      from: day(1),
      until: day(3),
    })
    expect(words(s, s.decision('ga-aide', GA, day(2)))).toContain(
      '"ga-aide" acts for the sponsor "ga-2" and may not turn a key on its initiative (TK3)',
    )
  })
})

// Mutation testing of rules.ts lines 361–670: the words of the refusals there — decisions again,
// revocations, delegations, rollout answers and the plenary — reached Stryker's suite only through
// their codes; each branch of each is worded here once, with what it names.
describe('the words of a decision taken twice, a revocation and a principal on two keys', () => {
  /** The seed with a neutral ministry eligible deputy of both keys (and a second of its institution). */
  const sharedDeputies = (gaEligible: string) => {
    const doc = seedDocument()
    return PolicySchema.parse({
      ...doc,
      id: 'two-keys-shared-deputy',
      principals: [
        ...doc.principals,
        { id: 'minpromtorg-2', name: 'Deputy Minister', institution: 'minpromtorg', roles: ['deputy'] },
      ],
      keys: doc.keys.map((k) => ({
        ...k,
        deputies: { allowed: true, maxDays: 14, eligible: k.id === PA ? ['minpromtorg'] : [gaEligible] },
      })),
    })
  }
  const delegate = (by: string, key: string, deputy: string) =>
    ({ type: 'DELEGATE', by, at: day(1), key, deputy, from: day(1), until: day(5) }) as const

  it('a seat that approved, or refused, is told when — in its own words or as the seat of another', () => {
    // councilPolicy: the PA key is 2 of its 3 holders without veto, so one decision leaves it pending.
    const s = new Scenario(councilPolicy).propose('minzifry').submit().approve('oreshkin', PA, day(1))
    expect(words(s, s.decision('oreshkin', PA, day(2)))).toContain(
      `"oreshkin" already decided (approve) key "${PA}" on this revision at ${iso(day(1))}; revoke the approval first to decide again`,
    )
    s.send(delegate('oreshkin', PA, 'pa-aide'))
    expect(words(s, s.decision('pa-aide', PA, day(2), 'refuse'))).toContain(
      `the seat of "oreshkin" already decided (approve) key "${PA}" on this revision at ${iso(day(1))}; revoke the approval first to decide again`,
    )
    s.send(s.decision('pa-2', PA, day(2), 'refuse'))
    expect(words(s, s.decision('pa-2', PA, day(3)))).toContain(
      `"pa-2" already decided (refuse) key "${PA}" on this revision at ${iso(day(2))}; revoke the approval first to decide again`,
    )
  })

  it('a refusal binds its seat for the whole revision; an approval only while it is fresh', () => {
    // councilPolicy: approvals live 7 days; the PA key is 2 of 3 without veto.
    const s = new Scenario(councilPolicy).propose('minzifry').submit()
    s.approve('oreshkin', PA, day(1)).send(s.decision('pa-2', PA, day(1), 'refuse'))
    expect(s.snapshot.can(s.decision('oreshkin', PA, day(5)))).toBe(false)
    expect(s.snapshot.can(s.decision('pa-2', PA, day(5)))).toBe(false)
    // Past the lifetime the approval is stale and its seat may decide again; the refusal still binds.
    expect(s.snapshot.can(s.decision('oreshkin', PA, day(9)))).toBe(true)
    expect(s.snapshot.can(s.decision('pa-2', PA, day(9)))).toBe(false)
  })

  it('a revocation without an approval of that key on this revision', () => {
    const s = new Scenario(councilPolicy).propose('minzifry').submit().approve('oreshkin', PA, day(1))
    expect(words(s, { type: 'REVOKE', by: 'pa-2', at: day(2), key: PA })).toContain(
      `"pa-2" has no approval of key "${PA}" on this revision to revoke`,
    )
    // A refusal is not an approval to revoke; the seat's own approval is, whatever others decided.
    s.send(s.decision('pa-2', PA, day(2), 'refuse'))
    expect(s.snapshot.can({ type: 'REVOKE', by: 'pa-2', at: day(3), key: PA })).toBe(false)
    expect(s.snapshot.can({ type: 'REVOKE', by: 'oreshkin', at: day(3), key: PA })).toBe(true)
  })

  it('one principal on two keys, and one institution on two keys, each named (TK2)', () => {
    const one = new Scenario(sharedDeputies('minpromtorg')).propose('minzifry').submit()
    one.send(delegate('oreshkin', PA, 'minpromtorg')).send(delegate('grigorenko', GA, 'minpromtorg'))
    one.approve('minpromtorg', PA, day(2))
    expect(words(one, one.decision('minpromtorg', GA, day(2)))).toContain(
      `"minpromtorg" already approved key "${PA}"; key "${GA}" needs a different principal (TK2)`,
    )
    // On a key of 2 of 3 holders, the key it acts on is not searched for the approval it shares:
    // another holder's approval of that key is no reason.
    const doc = seedDocument()
    const council2 = PolicySchema.parse({
      ...doc,
      id: 'council-shared-deputy',
      principals: [
        ...doc.principals,
        { id: 'pa-2', name: 'PA 2', institution: PA, roles: ['co-chair'] },
        { id: 'pa-3', name: 'PA 3', institution: PA, roles: ['co-chair'] },
      ],
      keys: doc.keys.map((k) => ({
        ...k,
        ...(k.id === PA ? { holders: ['oreshkin', 'pa-2', 'pa-3'], quorum: 2, veto: false } : {}),
        deputies: { allowed: true, maxDays: 14, eligible: ['minpromtorg'] },
      })),
    })
    const three = new Scenario(council2).propose('minzifry').submit().approve('pa-2', PA, day(1))
    three.send(delegate('oreshkin', PA, 'minpromtorg')).send(delegate('grigorenko', GA, 'minpromtorg'))
    three.approve('minpromtorg', GA, day(2))
    expect(words(three, three.decision('minpromtorg', PA, day(2)))).toEqual([
      `"minpromtorg" already approved key "${GA}"; key "${PA}" needs a different principal (TK2)`,
    ])
    const two = new Scenario(sharedDeputies('minpromtorg-2')).propose('minzifry').submit()
    two.send(delegate('oreshkin', PA, 'minpromtorg')).send(delegate('grigorenko', GA, 'minpromtorg-2'))
    two.approve('minpromtorg', PA, day(2))
    expect(words(two, two.decision('minpromtorg-2', GA, day(2)))).toContain(
      `institution "minpromtorg" already counts toward key "${PA}" (through "minpromtorg"); key "${GA}" needs a different institution (TK2)`,
    )
  })
})

describe('the words of a refused delegation', () => {
  const twoKeysPolicy = loadPolicyFile('machines/policies/two-keys.yaml')
  const council = loadPolicyFile('machines/policies/council.yaml')
  const naming = (by: string, key: string, deputy: string, from = day(1), until = day(5), at = day(1)) =>
    ({ type: 'DELEGATE', by, at, key, deputy, from, until }) as const
  const opened = (policy = twoKeysPolicy) => new Scenario(policy).propose('minzifry').submit()

  it('a key the policy does not have, and a principal who does not hold the key', () => {
    const s = opened()
    expect(words(s, naming('oreshkin', 'nope', 'pa-aide'))).toContain(
      `"nope" is not a key of policy "two-keys" (keys: "${PA}", "${GA}")`,
    )
    expect(words(s, naming('grigorenko', PA, 'pa-aide'))).toContain(
      `only a holder of key "${PA}" ("oreshkin") may name its deputy, not "grigorenko"`,
    )
  })

  it('a key that allows no deputies', () => {
    const s = opened(council)
    expect(words(s, naming('gov-tatarstan', 'council-of-governors', 'minek'))).toContain(
      'the policy allows no deputies for key "council-of-governors"',
    )
  })

  it('a window backwards, too long, or already over', () => {
    const s = opened()
    expect(words(s, naming('oreshkin', PA, 'pa-aide', day(3), day(2)))).toContain(
      `a delegation must end after it starts (${iso(day(3))} → ${iso(day(2))})`,
    )
    expect(words(s, naming('oreshkin', PA, 'pa-aide', day(1), day(16) + DAY_MS / 2))).toContain(
      `a delegation of 15.5 days is longer than the 14 days key "${PA}" allows`,
    )
    expect(words(s, naming('oreshkin', PA, 'pa-aide', day(1), day(2), day(3)))).toContain(
      'the delegation window has already ended',
    )
    // Exactly the longest window the key allows is taken.
    expect(s.snapshot.can(naming('oreshkin', PA, 'pa-aide', day(1), day(15)))).toBe(true)
  })

  it('a deputy unknown, the sponsor, a holder, of the other key, of another institution, or not listed', () => {
    const s = opened()
    expect(words(s, naming('oreshkin', PA, 'nobody'))).toContain(
      'deputy "nobody" is not a principal of policy "two-keys"',
    )
    expect(words(s, naming('oreshkin', PA, 'minzifry'))).toContain(
      'the sponsor "minzifry" may not be named deputy on its own initiative (TK3)',
    )
    expect(words(s, naming('oreshkin', PA, 'grigorenko'))).toContain(
      '"grigorenko" already holds a key and may not also act as a deputy (TK2)',
    )
    expect(words(s, naming('oreshkin', PA, 'ga-aide'))).toContain(
      `"ga-aide" belongs to "${GA}", the institution of key "${GA}", and so may not act for another key (TK2)`,
    )
    expect(words(s, naming('oreshkin', PA, 'minek'))).toContain(
      `"minek" is not on the eligible deputies of key "${PA}" ("pa-aide")`,
    )
    // councilPolicy: deputies by institution, no list.
    const byInstitution = opened(councilPolicy)
    expect(words(byInstitution, naming('oreshkin', PA, 'minek'))).toContain(
      `"minek" is not of institution "${PA}" and so may not be deputy for key "${PA}"`,
    )
  })
})

describe('the words of a refused rollout answer or plenary vote', () => {
  /** reachPolicy (the seed with reach), approved by both co-chairs: the rollout is open. */
  const approved = (content: InitiativeContent) => approvedByBoth(reachPolicy, content)

  it('a governor: of a region not named, of a region that answered, or of another region (TK9)', () => {
    const s = approved({
      ...federalContent,
      scope: { kind: 'regional', regions: ['tatarstan', 'novosibirsk'] },
    })
    const respond = (by: string, region: string) =>
      ({ type: 'RESPOND', by, at: day(2), region, accept: true }) as const
    expect(words(s, respond('gov-nizhny', 'nizhny-novgorod'))).toContain(
      'region "nizhny-novgorod" is not named by this initiative ("tatarstan", "novosibirsk"); rollout reaches only named regions (TK9)',
    )
    expect(words(s, respond('gov-novosibirsk', 'tatarstan'))).toContain(
      'only the governor of "tatarstan" ("gov-tatarstan") may answer for it, not "gov-novosibirsk" (TK9)',
    )
    s.send(respond('gov-tatarstan', 'tatarstan'))
    expect(words(s, respond('gov-tatarstan', 'tatarstan'))).toContain(
      'region "tatarstan" has already answered',
    )
  })

  it('a ministry: not named, answered, or answering for another (TK9)', () => {
    const s = approved({
      ...federalContent,
      scope: { kind: 'federal', ministries: ['minzifry', 'minpromtorg'] },
    })
    const answer = (by: string, ministry: string) =>
      ({ type: 'MINISTRY', by, at: day(2), ministry, accept: true }) as const
    expect(words(s, answer('minek', 'minek'))).toContain(
      'ministry "minek" is not named by this initiative ("minzifry", "minpromtorg"); the federal rollout is answered only by the ministries it names (TK9)',
    )
    expect(words(s, answer('minek', 'minpromtorg'))).toContain(
      'only ministry "minpromtorg" may answer for itself, not "minek" (TK9)',
    )
    s.send(answer('minzifry', 'minzifry'))
    expect(words(s, answer('minzifry', 'minzifry'))).toContain('ministry "minzifry" has already answered')
  })

  it('a destination: answered by one who is not an agency, not named, or answered', () => {
    const s = approved({
      ...federalContent,
      objective: 'export',
      scope: { kind: 'export', destinations: ['belarus', 'armenia'] },
    })
    const agree = (by: string, destination: string) =>
      ({ type: 'DESTINATION', by, at: day(2), destination, agreed: true }) as const
    expect(words(s, agree('minek', 'belarus'))).toContain(
      `only an agency of the policy ("mid") records a destination's answer, not "minek"`,
    )
    expect(words(s, agree('mid', 'kazakhstan'))).toContain(
      'destination "kazakhstan" is not named by this initiative ("belarus", "armenia")',
    )
    s.send(agree('mid', 'belarus'))
    expect(words(s, agree('mid', 'belarus'))).toContain('destination "belarus" has already answered')
  })

  it('a body no approving key brings in, with the reach of those that did (TK13)', () => {
    // The seed with the Government's key alone: it brings in the ministries, not the governors.
    const s = new Scenario(oneKeyReachPolicy)
      .propose('minzifry', { ...federalContent, scope: { kind: 'regional', regions: ['tatarstan'] } })
      .submit()
      .approve('grigorenko', GA, day(1))
    expect(
      words(s, { type: 'RESPOND', by: 'gov-tatarstan', at: day(2), region: 'tatarstan', accept: true }),
    ).toContain(
      '"gov-tatarstan" answers as a governor, but no key that approved this initiative brings that body in (their reach: ministry) (TK13)',
    )
  })

  it('a plenary vote by someone outside the commission', () => {
    const s = new Scenario(reachPolicy)
      .propose('minzifry')
      .submit(day(0))
      .send({ type: 'TICK', at: day(31) })
    expect(words(s, { type: 'PLENARY', by: 'oreshkin', at: day(31), vote: 'return' })).toContain(
      '"oreshkin" is not a member of the commission ("minzifry", "minpromtorg", "minek", "gov-tatarstan", "mid"); only members vote in the plenary',
    )
  })
})

// Mutation testing of rules.ts lines 441–670 (the checks, beside their words above).
describe('the checks of a delegation and of a rollout answer, at their edges', () => {
  const twoKeysPolicy = loadPolicyFile('machines/policies/two-keys.yaml')
  const naming = (by: string, key: string, deputy: string, from: number, until: number, at = day(1)) =>
    ({ type: 'DELEGATE', by, at, key, deputy, from, until }) as const

  it('a window that ends at the very instant, starts as it ends, or lasts exactly the longest allowed', () => {
    const s = new Scenario(twoKeysPolicy).propose('minzifry').submit()
    expect(words(s, naming('oreshkin', PA, 'pa-aide', day(0), day(1), day(1)))).toEqual([
      'the delegation window has already ended',
    ])
    expect(words(s, naming('oreshkin', PA, 'pa-aide', day(2), day(2)))).toEqual([
      `a delegation must end after it starts (${iso(day(2))} → ${iso(day(2))})`,
    ])
    // Exactly 14 days, but over: it is refused for being over, not for its length.
    expect(words(s, naming('oreshkin', PA, 'pa-aide', day(1), day(15), day(15)))).toEqual([
      'the delegation window has already ended',
    ])
  })

  it('the sponsor, a holder of the same key, or one of another key’s institution is no deputy, though eligible', () => {
    // dualPolicy: minek sponsors and is an eligible deputy of the GA key.
    const sponsored = new Scenario(dualPolicy).propose('minek').submit()
    expect(sponsored.snapshot.can(naming('grigorenko', GA, 'minek', day(1), day(3)))).toBe(false)
    // councilPolicy: deputies by institution; pa-2 holds the PA key and is of its institution.
    const council = new Scenario(councilPolicy).propose('minzifry').submit()
    expect(council.snapshot.can(naming('oreshkin', PA, 'pa-2', day(1), day(3)))).toBe(false)
    expect(council.snapshot.can(naming('oreshkin', PA, 'pa-aide', day(1), day(3)))).toBe(true)
    // A principal of the PA institution affiliated with the GA one: of PA's institution, yet of GA's too.
    const liaison = PolicySchema.parse({
      ...councilPolicy,
      principals: [
        ...councilPolicy.principals,
        { id: 'liaison', name: 'Liaison', institution: PA, affiliations: [GA], roles: ['deputy'] },
      ],
    })
    const both = new Scenario(liaison).propose('minzifry').submit()
    expect(both.snapshot.can(naming('oreshkin', PA, 'liaison', day(1), day(3)))).toBe(false)
  })

  it('each region is answered by its own governor, not the first region’s (TK9)', () => {
    const s = new Scenario(reachPolicy)
      .propose('minzifry', {
        ...federalContent,
        scope: { kind: 'regional', regions: ['tatarstan', 'novosibirsk'] },
      })
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(1))
    const respond = (by: string, region: string) =>
      ({ type: 'RESPOND', by, at: day(2), region, accept: true }) as const
    expect(s.snapshot.can(respond('gov-novosibirsk', 'novosibirsk'))).toBe(true)
    expect(words(s, respond('gov-tatarstan', 'novosibirsk'))).toEqual([
      'only the governor of "novosibirsk" ("gov-novosibirsk") may answer for it, not "gov-tatarstan" (TK9)',
    ])
  })

  it('a body answering where the approving keys bring in nobody says so (TK13)', () => {
    const none = PolicySchema.parse({
      ...oneKeyReachPolicy,
      keys: oneKeyReachPolicy.keys.map((k) => (k.id === GA ? { ...k, reach: [] } : k)),
    })
    const s = new Scenario(none)
      .propose('minzifry', { ...federalContent, scope: { kind: 'regional', regions: ['tatarstan'] } })
      .submit()
      .approve('grigorenko', GA, day(1))
    expect(
      words(s, { type: 'RESPOND', by: 'gov-tatarstan', at: day(2), region: 'tatarstan', accept: true }),
    ).toContain(
      '"gov-tatarstan" answers as a governor, but no key that approved this initiative brings that body in (their reach: none) (TK13)',
    )
  })
})
