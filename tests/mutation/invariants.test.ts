import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import type { EventOf, InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import { NOTHING_RECORDED } from '../../src/invariants/recordEvent.js'
import { tk1DualKey } from '../../src/invariants/tk1DualKey.js'
import { tk2Distinct } from '../../src/invariants/tk2Distinct.js'
import { tk3NoSelfApproval } from '../../src/invariants/tk3NoSelfApproval.js'
import { tk4Veto } from '../../src/invariants/tk4Veto.js'
import { tk5Fresh } from '../../src/invariants/tk5Fresh.js'
import { tk6Authority } from '../../src/invariants/tk6Authority.js'
import { tk7Expiry } from '../../src/invariants/tk7Expiry.js'
import { tk8NoBypass } from '../../src/invariants/tk8NoBypass.js'
import { tk9Routing } from '../../src/invariants/tk9Routing.js'
import { canReachFinal, finalAlphabet, tk10NoDeadEnds } from '../../src/invariants/tk10NoDeadEnds.js'
import { outcomeOf, tk11OrderFree } from '../../src/invariants/tk11OrderFree.js'
import { firstDifference, replay, tk12Replay } from '../../src/invariants/tk12Replay.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { DAY } from '../support/arbitraries.js'
import {
  day,
  exportContent,
  federalContent,
  GA,
  PA,
  regionalContent,
  reviewValue,
  Scenario,
  type Snapshot,
} from '../support/fixtures.js'
import { buildMutants } from '../support/mutants.js'
import {
  councilPolicy,
  crossHolderPolicy,
  dualPolicy,
  routingGapPolicy,
  seedPolicy,
  threeKeyPolicy,
} from '../support/policies.js'

// Sharper tests found by mutation testing (`npm run mutation`): each pins what a violation tells
// a person — which key, which event, which times and counts — where the invariants' own tests
// only checked that the violation is raised.

const amend = (at: number, budget: number): EventOf<'AMEND'> => ({
  type: 'AMEND',
  by: 'minek',
  at,
  content: { ...federalContent, budget },
})

describe('TK1 dual-key says which key fell short, with which seats, on which revision', () => {
  it('at approval: the key, the seats that counted and the quorum', () => {
    // The council's Presidential Administration key needs 2 of 3; only Oreshkin approved.
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const after = s.forge({ approvedAt: day(2), track: 'federal' }, 'federalRollout')
    const violations = tk1DualKey.check(councilPolicy, s.stepTo(s.decision('grigorenko', GA, day(2)), after))
    expect(violations.map((v) => [v.message, v.details])).toEqual([
      [
        `approved on revision 1 with key "${PA}" not turned: 1 of 2 required holder seats approved it`,
        { key: PA, seats: ['oreshkin'], quorum: 2, revision: s.recorded.revisions[0]?.hash },
      ],
    ])
  })

  it('after a substantive amendment: the revision approved and the current one', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    const step = s.stepTo(amend(day(3), 1e9), s.snapshot)
    const [first, second] = step.recorded.after.revisions
    expect(tk1DualKey.check(seedPolicy, step).map((v) => v.details)).toEqual([
      { approved: first, current: second },
    ])
    expect(second?.n).toBe(2)
  })

  it('in review: how many approvals a turned key has on which revision', () => {
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.send(amend(day(2), 7)).approve('pa-2', PA, day(3))
    const turned = s.forge({}, reviewValue('turned', 'pending'))
    expect(tk1DualKey.check(councilPolicy, s.stepTo({ type: 'TICK', at: day(4) }, turned))).toEqual([
      expect.objectContaining({
        message: `key "${PA}" shows turned with 1 of 2 required approvals on the current revision 2`,
      }),
    ])
  })

  it('in review on the first revision', () => {
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const turned = s.forge({}, reviewValue('turned', 'pending'))
    expect(tk1DualKey.check(councilPolicy, s.stepTo({ type: 'TICK', at: day(2) }, turned))[0]?.message).toBe(
      `key "${PA}" shows turned with 1 of 2 required approvals on the current revision 1`,
    )
  })

  it('an approval before any proposal names no revision', () => {
    const s = new Scenario(seedPolicy)
    const violations = tk1DualKey.check(
      seedPolicy,
      s.stepTo({ type: 'TICK', at: day(1) }, s.forge({}, 'approved')),
    )
    expect(violations.map((v) => v.message)).toEqual([
      `approved on revision ? with key "${PA}" not turned: 0 of 1 required holder seats approved it`,
      `approved on revision ? with key "${GA}" not turned: 0 of 1 required holder seats approved it`,
    ])
  })

  it('an approved state whose facts hold no step into approval', () => {
    // Facts folded by something other than recordEvent: they say approved, but not when.
    const s = new Scenario(seedPolicy).propose().submit()
    const step = s.stepTo({ type: 'TICK', at: day(1) }, s.forge({}, 'approved'))
    const recorded = { ...step.recorded.after, stage: 'approved', approval: null }
    expect(
      tk1DualKey.check(seedPolicy, { ...step, recorded: { before: recorded, after: recorded } }),
    ).toEqual([
      {
        id: 'TK1',
        message: 'the initiative is in "approved" but no step into approval was recorded',
        event: step.event,
        // The phrase the message is worded from (for --lang ru), beside it.
        phrase: expect.objectContaining({ key: expect.any(String) }),
      },
    ])
    expect(NOTHING_RECORDED.approval).toBeNull()
  })
})

describe('TK2 distinct names the shared principal, both keys and both decisions', () => {
  it('one deputy on both seats', () => {
    const delegate = (by: string, key: string): EventOf<'DELEGATE'> => ({
      type: 'DELEGATE',
      by,
      at: day(0),
      key,
      deputy: 'minek',
      from: day(0),
      until: day(5),
    })
    const s = new Scenario(dualPolicy).propose('minzifry').submit()
    s.force(delegate('oreshkin', PA)).send(delegate('grigorenko', GA))
    s.force(s.decision('minek', PA, day(1))).force(s.decision('minek', GA, day(2)))
    const [pa, ga] = s.recorded.decisions
    expect(tk2Distinct.check(dualPolicy, s.lastStep).map((v) => [v.message, v.details])).toEqual([
      [
        `principal "minek" counts toward both key "${PA}" (via "minek" for seat "oreshkin") and key "${GA}" (via "minek" for seat "grigorenko") on revision 1`,
        { keys: [PA, GA], decisions: [pa, ga] },
      ],
    ])
  })
})

describe('TK2 distinct judges nothing in idle', () => {
  it('a state back in idle counts no approvals, however they were given', () => {
    // Two co-chairs at once: "liaison" holds the Presidential Administration key and is of the Government Apparatus.
    const s = new Scenario(crossHolderPolicy).propose().submit()
    s.force(s.decision('liaison', PA, day(1))).force(s.decision('grigorenko', GA, day(2)))
    const step = s.stepTo({ type: 'TICK', at: day(3) }, s.forge({}, 'idle'))
    expect(tk2Distinct.check(crossHolderPolicy, s.lastStep)).toHaveLength(1)
    expect(tk2Distinct.check(crossHolderPolicy, step)).toEqual([])
  })
})

describe('TK3 no self-approval tells the sponsor from a deputy on its seat', () => {
  it('the sponsor itself', () => {
    // In the council "ga-2" holds the Government Apparatus key and may sponsor.
    const s = new Scenario(councilPolicy).propose('ga-2').submit()
    s.force(s.decision('ga-2', GA, day(1)))
    expect(tk3NoSelfApproval.check(councilPolicy, s.lastStep)).toEqual([
      {
        id: 'TK3',
        message: `the sponsor "ga-2" approved key "${GA}" of its own initiative`,
        event: s.lastStep.event,
        details: { decision: s.recorded.decisions[0] },
        phrase: expect.objectContaining({ key: expect.any(String) }),
      },
    ])
  })
})

describe('TK3 no self-approval, for a sponsor on no seat', () => {
  it('before any proposal there is no sponsor, and no seat of one', () => {
    const s = new Scenario(seedPolicy)
    s.force({ type: 'DECIDE', by: 'minek', at: day(1), key: PA, revision: 'none', decision: 'approve' })
    expect(s.recorded.decisions.map((d) => d.seat)).toEqual([null])
    expect(tk3NoSelfApproval.check(seedPolicy, s.lastStep)).toEqual([])
  })

  it('the sponsor approving a key it does not hold', () => {
    const s = new Scenario(seedPolicy).propose('minek').submit()
    s.force(s.decision('minek', PA, day(1)))
    expect(tk3NoSelfApproval.check(seedPolicy, s.lastStep).map((v) => v.message)).toEqual([
      `the sponsor "minek" approved key "${PA}" of its own initiative`,
    ])
  })
})

describe('TK4 veto counts only a holder seat refusing before the approval', () => {
  const refusedThenApproved = (by: string) => {
    const s = new Scenario(seedPolicy).propose().submit()
    s.force(s.decision(by, GA, day(1), 'refuse'))
    return { s, after: s.forge({ approvedAt: day(2), track: 'federal' }, 'federalRollout') }
  }

  it('names the refusal', () => {
    const { s, after } = refusedThenApproved('grigorenko')
    const violations = tk4Veto.check(seedPolicy, s.stepTo(s.decision('oreshkin', PA, day(2)), after))
    expect(violations.map((v) => v.details)).toEqual([{ refusal: s.recorded.decisions[0] }])
  })

  it('a refusal by someone on no seat of the key is no veto', () => {
    const { s, after } = refusedThenApproved('oreshkin')
    expect(s.recorded.decisions[0]?.seat).toBeNull()
    expect(tk4Veto.check(seedPolicy, s.stepTo(s.decision('oreshkin', PA, day(2)), after))).toEqual([])
  })

  it('a refusal that is itself the step into approval', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const after = s.forge({ approvedAt: day(2), track: 'federal' }, 'federalRollout')
    const step = s.stepTo(s.decision('grigorenko', GA, day(2), 'refuse'), after)
    expect(tk4Veto.check(seedPolicy, step).map((v) => v.details)).toEqual([
      { refusal: step.recorded.after.decisions.at(-1) },
    ])
  })

  it('a refusal recorded after the approval does not undo it', () => {
    const s = new Scenario(seedPolicy)
      .propose()
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
    s.force(s.decision('grigorenko', GA, day(3), 'refuse'))
    expect(s.recorded.approval?.seq).toBeLessThan(s.recorded.decisions.at(-1)?.seq ?? 0)
    expect(tk4Veto.check(seedPolicy, s.lastStep)).toEqual([])
  })
})

describe('TK5 fresh names the revision a decision named, and the current one', () => {
  it('a refusal naming an earlier revision of this initiative', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const first = s.revision
    s.send(amend(day(1), 7))
    s.force({ ...s.decision('grigorenko', GA, day(2), 'refuse'), revision: first })
    const [rev1, rev2] = s.recorded.revisions
    expect(tk5Fresh.check(seedPolicy, s.lastStep).map((v) => [v.message, v.details])).toEqual([
      [
        `a refusal of key "${GA}" by "grigorenko" was accepted naming revision 1 (${rev1?.hash.slice(0, 12)}) while the current revision was 2 (${rev2?.hash.slice(0, 12)})`,
        { decision: s.recorded.decisions[0], current: rev2 },
      ],
    ])
  })
})

describe('TK6 authority says whose decision or delegation, and what the policy lacks', () => {
  const submitted = (policy = seedPolicy) => new Scenario(policy).propose().submit()
  const delegation = (from: number, until: number, key = PA, deputy = 'pa-aide'): EventOf<'DELEGATE'> => ({
    type: 'DELEGATE',
    by: 'oreshkin',
    at: from,
    key,
    deputy,
    from,
    until,
  })
  const messages = (s: Scenario) => tk6Authority.check(s.policy, s.lastStep).map((v) => v.message)
  const without = 'was recorded without authority'

  it('a decision on a key the policy does not have, or by someone no delegation can reach', () => {
    const s = submitted()
    s.force(s.decision('oreshkin', 'treasury', day(1)))
    expect(messages(s)).toEqual([
      `an approval of key "treasury" ${without}: key "treasury" is not in the policy`,
    ])
    const t = submitted()
    t.force(t.decision('minek', PA, day(1), 'refuse'))
    expect(tk6Authority.check(seedPolicy, t.lastStep)).toEqual([
      {
        id: 'TK6',
        message: `a refusal of key "${PA}" ${without}: "minek" does not hold key "${PA}" (holders: "oreshkin") and may not be its deputy`,
        event: t.lastStep.event,
        details: { decision: t.recorded.decisions[0] },
        phrase: expect.objectContaining({ key: 'tk6.decision' }),
      },
    ])
    const u = submitted(threeKeyPolicy)
    u.force(u.decision('sc-aide', 'security-council', day(1)))
    expect(messages(u)).toEqual([
      `an approval of key "security-council" ${without}: "sc-aide" does not hold key "security-council" (holders: "sc-secretary", "sc-deputy", "sc-member") and the key allows no deputies`,
    ])
  })

  it('a delegation counts only when recorded before the decision and allowed', () => {
    const late = submitted()
    late.force(late.decision('pa-aide', PA, day(2))).send(delegation(day(1), day(3)))
    expect(messages(late)).toEqual([
      `an approval of key "${PA}" ${without}: "pa-aide" does not hold key "${PA}" (holders: "oreshkin") and no allowed delegation recorded before it covers ${new Date(day(2)).toISOString()}`,
    ])
    const tooLong = submitted().force(delegation(day(1), day(16)))
    tooLong.force(tooLong.decision('pa-aide', PA, day(2)))
    expect(messages(tooLong)).toEqual([
      expect.stringContaining(
        `"pa-aide" does not hold key "${PA}" (holders: "oreshkin") and no allowed delegation`,
      ),
      `a delegation of key "${PA}" from "oreshkin" to "pa-aide" was recorded that the policy does not allow: the window of 15.00 days is longer than the 14 days allowed`,
    ])
    expect(tk6Authority.check(seedPolicy, tooLong.lastStep)[1]?.details).toEqual({
      delegation: tooLong.recorded.delegations[0],
    })
  })

  it('delegations on no key, with an empty window, or to someone outside the institution', () => {
    const prefix = (deputy = 'pa-aide', key = PA) =>
      `a delegation of key "${key}" from "oreshkin" to "${deputy}" was recorded that the policy does not allow:`
    expect(messages(submitted().force(delegation(day(1), day(2), 'treasury')))).toEqual([
      `${prefix('pa-aide', 'treasury')} key "treasury" is not in the policy`,
    ])
    expect(messages(submitted().force(delegation(day(2), day(2))))).toEqual([
      `${prefix()} the window ${new Date(day(2)).toISOString()} → ${new Date(day(2)).toISOString()} is empty`,
    ])
    // The council names no eligible deputies: anyone of the key's institution may be one.
    expect(messages(submitted(councilPolicy).force(delegation(day(1), day(2))))).toEqual([])
    expect(messages(submitted(councilPolicy).force(delegation(day(1), day(2), PA, 'ga-aide')))).toEqual([
      `${prefix('ga-aide')} "ga-aide" may not be deputy for key "${PA}"`,
    ])
  })

  it('a delegation covers only its own key and its own deputy', () => {
    // Both keys may name "pa-aide"; the Presidential Administration may name "minek" too.
    const policy = {
      ...seedPolicy,
      keys: seedPolicy.keys.map((k) => ({
        ...k,
        deputies: { ...k.deputies, eligible: k.id === PA ? ['pa-aide', 'minek'] : ['ga-aide', 'pa-aide'] },
      })),
    }
    const otherKey = new Scenario(policy).propose('minzifry').submit()
    otherKey.force({ ...delegation(day(1), day(3), GA), by: 'grigorenko' })
    otherKey.force(otherKey.decision('pa-aide', PA, day(2)))
    const otherDeputy = new Scenario(policy)
      .propose('minzifry')
      .submit()
      .send(delegation(day(1), day(3)))
    otherDeputy.force(otherDeputy.decision('minek', PA, day(2)))
    for (const [s, by] of [
      [otherKey, 'pa-aide'],
      [otherDeputy, 'minek'],
    ] as const) {
      expect(tk6Authority.check(policy, s.lastStep).map((v) => v.message)).toEqual([
        `an approval of key "${PA}" ${without}: "${by}" does not hold key "${PA}" (holders: "oreshkin") and no allowed delegation recorded before it covers ${new Date(day(2)).toISOString()}`,
      ])
    }
  })
})

describe('TK5 fresh before any revision, and at the proposal', () => {
  it('a decision recorded before any proposal names no revision', () => {
    const s = new Scenario(seedPolicy)
    s.force({
      type: 'DECIDE',
      by: 'oreshkin',
      at: day(1),
      key: PA,
      revision: 'abcdef0123456789',
      decision: 'approve',
    })
    expect(tk5Fresh.check(seedPolicy, s.lastStep).map((v) => v.message)).toEqual([
      `an approval of key "${PA}" by "oreshkin" was accepted naming "abcdef012345", no revision of this initiative, while the current revision was none ()`,
    ])
  })

  it('a proposal is no amendment: keys it shows are not TK5’s', () => {
    const s = new Scenario(seedPolicy)
    const propose: InitiativeEvent = {
      type: 'PROPOSE',
      by: 'minek',
      at: day(0),
      id: 'i1',
      content: federalContent,
    }
    expect(
      tk5Fresh.check(seedPolicy, s.stepTo(propose, s.forge({}, reviewValue('turned', 'pending')))),
    ).toEqual([])
  })
})

describe('TK7 expiry says which key, when and how many were fresh', () => {
  // The council's approvals live 7 days; its Presidential Administration key needs 2 of 3.
  const turned = () =>
    new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1)).approve('pa-2', PA, day(2))

  it('at approval', () => {
    const s = turned()
    const after = s.forge({ approvedAt: day(9), track: 'federal' }, 'federalRollout')
    const violations = tk7Expiry.check(councilPolicy, s.stepTo(s.decision('grigorenko', GA, day(9)), after))
    expect(violations.map((v) => [v.id, v.message, v.details?.key, v.details?.approvedAt])).toEqual([
      [
        'TK7',
        `approved at ${new Date(day(9)).toISOString()} with key "${PA}" counting approvals older than 7 days: only 1 of 2 were fresh`,
        PA,
        day(9),
      ],
    ])
  })

  it('leaves a key short of its quorum altogether to TK1', () => {
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const after = s.forge({ approvedAt: day(9), track: 'federal' }, 'federalRollout')
    expect(tk7Expiry.check(councilPolicy, s.stepTo(s.decision('grigorenko', GA, day(9)), after))).toEqual([])
    expect(
      tk1DualKey.check(councilPolicy, s.stepTo(s.decision('grigorenko', GA, day(9)), after)),
    ).toHaveLength(1)
  })

  it('leaves a key shown turned without its quorum to TK1', () => {
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const after = s.forge({}, reviewValue('turned', 'pending'))
    expect(tk7Expiry.check(councilPolicy, s.stepTo({ type: 'TICK', at: day(9) }, after))).toEqual([])
  })

  it('in review', () => {
    const s = turned()
    const after = s.forge({}, reviewValue('turned', 'pending'))
    const violations = tk7Expiry.check(councilPolicy, s.stepTo({ type: 'TICK', at: day(9) }, after))
    expect(violations.map((v) => [v.id, v.message, v.details?.key, v.details?.now])).toEqual([
      [
        'TK7',
        `key "${PA}" still shows turned at ${new Date(day(9)).toISOString()} with only 1 of 2 approvals younger than 7 days`,
        PA,
        day(9),
      ],
    ])
  })
})

describe('TK8 no bypass says which event turned which key, and from what', () => {
  it('names the event, the decision and the key state before', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const turned = s.forge({}, reviewValue('turned', 'pending'))
    const messages = (event: Parameters<Scenario['stepTo']>[0]) =>
      tk8NoBypass.check(seedPolicy, s.stepTo(event, turned)).map((v) => v.message)
    expect(messages({ type: 'TICK', at: day(1) })).toEqual([`a TICK turned key "${PA}" (was pending)`])
    expect(messages(s.decision('oreshkin', PA, day(1), 'refuse'))).toEqual([
      `a DECIDE (refuse of "${PA}") turned key "${PA}" (was pending)`,
    ])
  })

  it('names the stage when the key was not in review before', () => {
    const s = new Scenario(seedPolicy).propose()
    const turned = s.forge({}, reviewValue('turned', 'pending'))
    expect(
      tk8NoBypass.check(seedPolicy, s.stepTo({ type: 'TICK', at: day(1) }, turned)).map((v) => v.message),
    ).toEqual([`a TICK turned key "${PA}" (was not in review but "draft")`])
  })
})

describe('TK9 routing names the track, the rollout and who is still to answer', () => {
  const approved = (content: InitiativeContent) =>
    new Scenario(seedPolicy)
      .propose('minek', content)
      .submit()
      .approve('oreshkin', PA, day(1))
      .approve('grigorenko', GA, day(2))
  const tick = { type: 'TICK' as const, at: day(3) }
  const messages = (s: Scenario, after: Snapshot, event: InitiativeEvent = tick) =>
    tk9Routing.check(seedPolicy, s.stepTo(event, after)).map((v) => v.message)

  it('a completed initiative is judged by the track it reports', () => {
    const s = approved(federalContent)
    expect(messages(s, s.forge({ track: 'export' }, 'completed'))).toEqual([
      'the initiative took track "export" but its routing rules give "federal" for objective "infrastructure" and scope "federal"',
    ])
    expect(messages(s, s.forge({ track: 'federal' }, 'completed'))).toEqual([])
  })

  it('an export rollout completed without every destination', () => {
    const s = approved(exportContent)
    s.send({ type: 'DESTINATION', by: 'minek', at: day(3), destination: 'armenia', agreed: true })
    expect(messages(s, s.forge({}, 'completed'))).toEqual([
      'the export rollout completed without an answer from "belarus"',
    ])
  })

  it('an answer for a destination the export does not name', () => {
    const s = approved(exportContent)
    const event: InitiativeEvent = {
      type: 'DESTINATION',
      by: 'minek',
      at: day(3),
      destination: 'kazakhstan',
      agreed: true,
    }
    expect(messages(s, s.snapshot, event)).toEqual([
      '"kazakhstan" answered, but the export rollout reaches only "belarus", "armenia"',
    ])
  })

  it('a track the state reports, checked whether or not it is rolling out', () => {
    const s = approved(federalContent)
    expect(messages(s, s.forge({ track: null }, 'federalRollout'))).toEqual([
      'the initiative is in "federalRollout" but its track is "null"',
    ])
    expect(messages(s, s.forge({ track: null }, 'completed'))).toEqual([
      'the initiative took track "null" but its routing rules give "federal" for objective "infrastructure" and scope "federal"',
    ])
    expect(messages(s, s.forge({ track: 'export' }, 'approved'))).toEqual([
      'the initiative took track "export" but its routing rules give "federal" for objective "infrastructure" and scope "federal"',
    ])
    expect(messages(s, s.forge({ track: null }, 'approved'))).toEqual([])
  })

  it('a completed rollout waits only on the targets of its own track', () => {
    const regional = approved(regionalContent)
    expect(messages(regional, regional.forge({ track: 'export' }, 'completed'))).toEqual([
      'the initiative took track "export" but its routing rules give "regional" for objective "infrastructure" and scope "regional"',
    ])
    const exported = approved(exportContent)
    expect(messages(exported, exported.forge({ track: 'regional' }, 'completed'))).toEqual([
      'the initiative took track "regional" but its routing rules give "export" for objective "export" and scope "export"',
    ])
  })

  it('friendly destinations are checked when the rollout or the reported track is export', () => {
    const s = approved(exportContent)
    const narnia = { ...exportContent, scope: { kind: 'export' as const, destinations: ['narnia'] } }
    s.force({ type: 'AMEND', by: 'minek', at: day(3), content: narnia })
    const unfriendly = 'export goes to "narnia", not on the friendly-destinations list'
    expect(messages(s, s.forge({ track: 'federal' }, 'exportRollout'))).toContain(unfriendly)
    expect(messages(s, s.forge({ track: 'export' }, 'federalRollout'))).toContain(unfriendly)
    expect(messages(s, s.forge({ track: 'federal' }, 'federalRollout'))).not.toContain(unfriendly)
  })

  it('a RESPOND naming a destination is no second answer for it, and has no governor', () => {
    const s = approved(exportContent)
    s.send({ type: 'DESTINATION', by: 'minek', at: day(3), destination: 'belarus', agreed: true })
    const respond: InitiativeEvent = {
      type: 'RESPOND',
      by: 'minek',
      at: day(4),
      region: 'belarus',
      accept: true,
    }
    expect(messages(s, s.snapshot, respond)).toEqual([
      '"belarus" answered while the initiative was in "exportRollout", not in the regional rollout',
      '"belarus" answered through a RESPOND by "minek", but it is not a region of the policy: only a region\'s own governor may answer for it',
    ])
  })
})

describe('TK10 no dead ends says where it is stuck and how far it looked', () => {
  it('names the stage, the depth and the snapshots explored', () => {
    const unguarded = createInitiativeMachine(routingGapPolicy).provide({
      guards: { contentIsRoutable: () => true },
    })
    const s = new Scenario(routingGapPolicy, unguarded).propose('minek', exportContent).submit()
    s.approve('oreshkin', PA, day(1)).approve('grigorenko', GA, day(2))
    const found = canReachFinal(s.machine, s.snapshot, finalAlphabet(routingGapPolicy), 3)
    expect(tk10NoDeadEnds.check(routingGapPolicy, s.machine, s.snapshot, 3)).toEqual([
      {
        id: 'TK10',
        message: `no final state is reachable from "approved" within 3 events (${found.explored} snapshots explored)`,
        details: { value: 'approved' },
      },
    ])
  })

  it('tries what each participant could send next, at the snapshot’s time', () => {
    const alphabet = finalAlphabet(seedPolicy)
    const idle = new Scenario(seedPolicy)
    const now = idle.snapshot.context.now
    const holders = (at: number, revision: string) => [
      { type: 'DECIDE', by: 'oreshkin', at, key: PA, revision, decision: 'approve' },
      { type: 'DECIDE', by: 'grigorenko', at, key: GA, revision, decision: 'approve' },
    ]
    const governors = (at: number) =>
      seedPolicy.regions.map((g) => ({ type: 'RESPOND', by: g.governor, at, region: g.id, accept: true }))
    // 30 days of window, 14 of plenary, 90 of approval lifetime, and one more.
    const ticks = (at: number) => [
      { type: 'TICK', at: at + DAY },
      { type: 'TICK', at: at + 135 * DAY },
    ]
    expect(alphabet(idle.snapshot)).toEqual([
      {
        type: 'PROPOSE',
        by: 'minzifry',
        at: now,
        id: 'probe',
        content: {
          title: 'probe',
          summary: '',
          objective: 'infrastructure',
          scope: { kind: 'federal', ministries: [] },
        },
      },
      ...holders(now, idle.revision),
      ...governors(now),
      ...ticks(now),
    ])
    const e = new Scenario(seedPolicy).propose('minek', exportContent, day(1))
    const at = e.snapshot.context.now
    expect(alphabet(e.snapshot)).toEqual([
      { type: 'WITHDRAW', by: 'minek', at },
      { type: 'SUBMIT', by: 'minek', at },
      { type: 'COMPLETE', by: 'minek', at },
      { type: 'DESTINATION', by: 'minek', at, destination: 'belarus', agreed: true },
      { type: 'DESTINATION', by: 'minek', at, destination: 'armenia', agreed: true },
      ...holders(at, e.revision),
      ...governors(at),
      ...ticks(at),
    ])
    // A federal initiative has no destination to record; a policy without objectives proposes infrastructure.
    const f = new Scenario(seedPolicy).propose('minek', federalContent, day(1))
    expect(alphabet(f.snapshot).map((event) => event.type)).toEqual([
      'WITHDRAW',
      'SUBMIT',
      'COMPLETE',
      'DECIDE',
      'DECIDE',
      'RESPOND',
      'RESPOND',
      'RESPOND',
      'TICK',
      'TICK',
    ])
    const [probe] = finalAlphabet({ ...seedPolicy, objectives: [] })(idle.snapshot)
    expect(probe?.type === 'PROPOSE' && probe.content.objective).toBe('infrastructure')
  })

  it('a final snapshot has reached the end already; the search visits each snapshot once', () => {
    const s = new Scenario(seedPolicy).propose()
    s.send({ type: 'WITHDRAW', by: 'minek', at: day(1) })
    expect(s.snapshot.status).toBe('done')
    expect(canReachFinal(s.machine, s.snapshot, finalAlphabet(seedPolicy))).toEqual({
      reachable: true,
      path: [],
      explored: 1,
    })
    // From review, an alphabet that only ticks: a day later, and again; each day's snapshot is new.
    const review = new Scenario(seedPolicy).propose().submit()
    const ticks = (snapshot: Snapshot): InitiativeEvent[] => [
      { type: 'TICK', at: snapshot.context.now },
      { type: 'TICK', at: snapshot.context.now + DAY },
    ]
    const search = canReachFinal(review.machine, review.snapshot, ticks, 3)
    expect(search).toEqual({ reachable: false, path: [], explored: 4 })
  })
})

describe('TK11 order-free names both orders and what differs', () => {
  it('the orders, the outcomes and the fields that differ', () => {
    const mutant = buildMutants().find((m) => m.breaks === 'TK11')
    if (mutant === undefined) throw new Error('missing mutant')
    const s = new Scenario(seedPolicy, mutant.machine).propose().submit()
    const pa = s.decision('oreshkin', PA, 0)
    const ga = s.decision('grigorenko', GA, 0)
    const approvedFirst = outcomeOf(s.machine, s.snapshot, [ga, pa])
    const stuck = outcomeOf(s.machine, s.snapshot, [pa, ga])
    expect([approvedFirst, stuck]).toEqual([
      { status: 'active', value: '"federalRollout"', track: 'federal', approvedRevision: s.revision },
      { status: 'active', value: stuck.value, track: null, approvedRevision: null },
    ])
    const violations = tk11OrderFree.check(s.machine, s.snapshot, [
      [ga, pa],
      [pa, ga],
    ])
    expect(violations).toEqual([
      {
        id: 'TK11',
        message: `approving in the order [grigorenko→${GA}, oreshkin→${PA}] ends in "federalRollout" (track federal), but [oreshkin→${PA}, grigorenko→${GA}] ends in ${stuck.value} (track null)`,
        details: {
          orders: [
            [ga, pa],
            [pa, ga],
          ],
          outcomes: [approvedFirst, stuck],
          differs: ['value', 'track', 'approvedRevision'],
        },
        phrase: expect.objectContaining({ key: 'tk11.orders' }),
      },
    ])
    expect(tk11OrderFree.check(s.machine, s.snapshot, [])).toEqual([])
  })

  it('stamps the i-th event i + 1 minutes after the start: the second of two lands past a deadline 90 s away', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    const deadline = s.snapshot.context.deadline ?? 0
    expect(deadline).toBe(day(30))
    const start = s.forge({ now: deadline - 90_000 })
    const [o, g] = [s.decision('oreshkin', PA, 0), s.decision('grigorenko', GA, 0)]
    expect(outcomeOf(s.machine, start, [o, g]).value).toBe(JSON.stringify(reviewValue('turned', 'pending')))
    expect(outcomeOf(s.machine, start, [g, o]).value).toBe(JSON.stringify(reviewValue('pending', 'turned')))
  })
})

describe('TK12 replay says how many events were folded and where the states part', () => {
  it('the count, the first difference and both snapshots', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    const input = { policyHash: hashPolicy(seedPolicy) }
    const events = s.events.slice(0, -1)
    const [violation] = tk12Replay.check(s.machine, input, events, s.snapshot)
    expect(violation?.message).toBe(
      `folding the 2 accepted events does not reproduce the snapshot: they differ at $.value.open.review.${PA}`,
    )
    expect(violation?.details).toEqual({
      at: `$.value.open.review.${PA}`,
      expected: s.machine.getPersistedSnapshot(s.snapshot),
      actual: s.machine.getPersistedSnapshot(replay(s.machine, input, events)),
    })
  })

  it('tells an array from an object, and a value from null', () => {
    expect(firstDifference([1], { 0: 1 })).toBe('$')
    expect(firstDifference({ a: null }, { a: {} })).toBe('$.a')
    expect(firstDifference({ a: 1 }, { a: '1' })).toBe('$.a')
    expect(firstDifference([{ b: 1 }, 2], [{ b: 1 }, 3])).toBe('$[1]')
    expect(firstDifference({ a: [1] }, { a: [1], b: 2 })).toBe('$.b')
    // An object against a value, either way round, differs where they stand, not inside the object.
    expect(firstDifference({ a: { b: 1 } }, { a: 1 })).toBe('$.a')
    expect(firstDifference({ a: 1 }, { a: { b: 1 } })).toBe('$.a')
    expect(firstDifference({ a: { b: 1 } }, { a: null })).toBe('$.a')
  })
})
