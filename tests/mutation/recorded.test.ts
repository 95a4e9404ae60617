import { describe, expect, it } from 'vitest'
import { canonicalHash } from '../../src/domain/canonicalHash.js'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import type { EventOf } from '../../src/domain/InitiativeEvent.js'
import type { RecordedDelegation } from '../../src/invariants/Recorded.js'
import { NOTHING_RECORDED, recordEvent } from '../../src/invariants/recordEvent.js'
import {
  countingApprovals,
  expectedTrack,
  institutionsOf,
  isFreshAt,
  keyRegions,
  revisionHashOf,
  seatOf,
  stageOf,
  standing,
  substantiveChange,
} from '../../src/invariants/restated.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { day, federalContent, GA, PA, regionalContent, Scenario } from '../support/fixtures.js'
import { councilPolicy, dualPolicy, seedPolicy, threeKeyPolicy } from '../support/policies.js'

// Sharper tests found by mutation testing (`npm run mutation`): what `recordEvent` folds from the
// accepted events — the facts every step invariant judges by — pinned field by field.

const revoke = (by: string, key: string, at: number): EventOf<'REVOKE'> => ({ type: 'REVOKE', by, at, key })
const revoked = (s: Scenario) => s.recorded.decisions.map((d) => [d.by, d.decision, d.revokedSeq])

/** The council with Oreshkin holding the Government Apparatus key too: one seat on two keys. */
const twoSeatPolicy: Policy = {
  ...councilPolicy,
  keys: councilPolicy.keys.map((k) => (k.id === GA ? { ...k, holders: [...k.holders, 'oreshkin'] } : k)),
}

describe('a REVOKE withdraws only its seat’s unrevoked approvals of that key on the current revision', () => {
  it('not a refusal, not another key, not an approval already withdrawn', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.force(s.decision('oreshkin', PA, day(1), 'refuse')).force(s.decision('oreshkin', GA, day(1)))
    s.force(s.decision('oreshkin', PA, day(1))).force(revoke('oreshkin', PA, day(2)))
    s.force(revoke('oreshkin', PA, day(3)))
    expect(revoked(s)).toEqual([
      ['oreshkin', 'refuse', undefined],
      ['oreshkin', 'approve', undefined],
      ['oreshkin', 'approve', 5],
    ])
  })

  it('not the same seat’s approval of another key', () => {
    const s = new Scenario(twoSeatPolicy).propose().submit()
    s.force(s.decision('oreshkin', GA, day(1))).force(s.decision('oreshkin', PA, day(1)))
    s.force(revoke('oreshkin', PA, day(2)))
    expect(revoked(s)).toEqual([
      ['oreshkin', 'approve', undefined],
      ['oreshkin', 'approve', 4],
    ])
  })

  it('not another seat’s approval of the same key', () => {
    const s = new Scenario(councilPolicy).propose().submit()
    s.force(s.decision('pa-2', PA, day(1))).force(s.decision('oreshkin', PA, day(1)))
    s.force(revoke('oreshkin', PA, day(2)))
    expect(revoked(s)).toEqual([
      ['pa-2', 'approve', undefined],
      ['oreshkin', 'approve', 4],
    ])
  })

  it('not an approval on an earlier revision', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.send({ type: 'AMEND', by: 'minek', at: day(2), content: { ...federalContent, budget: 7 } })
    s.force(revoke('oreshkin', PA, day(3)))
    expect(revoked(s)).toEqual([['oreshkin', 'approve', undefined]])
  })

  it('not a decision on no seat, whoever revokes without a seat', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    s.force(s.decision('pa-aide', PA, day(1))).force(revoke('minek', PA, day(2)))
    expect(s.recorded.decisions.map((d) => [d.seat, d.revokedSeq])).toEqual([[null, undefined]])
  })

  it('a deputy withdraws the approval given on its holder’s seat', () => {
    const s = new Scenario(councilPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.send({
      type: 'DELEGATE',
      by: 'oreshkin',
      at: day(2),
      key: PA,
      deputy: 'pa-aide',
      from: day(2),
      until: day(4),
    })
    s.force(revoke('pa-aide', PA, day(3)))
    expect(revoked(s)).toEqual([['oreshkin', 'approve', 4]])
    expect(s.recorded.delegations).toEqual([
      { seq: 3, key: PA, holder: 'oreshkin', deputy: 'pa-aide', from: day(2), until: day(4), at: day(2) },
    ])
  })
})

describe('what the events record besides decisions', () => {
  it('an amendment that changes no substantive field keeps the revision but not the old content', () => {
    const s = new Scenario(seedPolicy).propose()
    const renamed = { ...federalContent, title: 'Renamed' }
    s.send({ type: 'AMEND', by: 'minek', at: day(1), content: renamed })
    expect(s.recorded.content).toEqual(renamed)
    expect(s.recorded.revisions.map((r) => [r.n, r.seq, r.content.title])).toEqual([[1, 0, 'GPU cluster']])
    s.send({ type: 'AMEND', by: 'minek', at: day(2), content: { ...renamed, budget: 3 } })
    expect(s.recorded.revisions.map((r) => [r.n, r.seq, r.content.title])).toEqual([
      [1, 0, 'GPU cluster'],
      [2, 2, 'Renamed'],
    ])
  })

  it('the step into approval, once: its position, time and revision', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.approve('grigorenko', GA, day(2))
    expect(s.recorded.approval).toEqual({ seq: 3, at: day(2), revision: 0 })
    s.send({ type: 'TICK', at: day(5) })
    expect(s.recorded).toMatchObject({
      approval: { seq: 3, at: day(2) },
      count: 5,
      now: day(5),
      stage: 'federalRollout',
    })
  })

  it('an amendment before any proposal (a broken machine’s) names its revision with an empty id', () => {
    const content = { ...federalContent, budget: 4 }
    const r = recordEvent(
      seedPolicy,
      NOTHING_RECORDED,
      { type: 'AMEND', by: 'minek', at: 0, content },
      'draft',
    )
    // README: SHA-256 of the canonical JSON of the id, the revision number and the substantive fields.
    const substantive = Object.fromEntries(
      seedPolicy.amendments.substantive.map((f) => [f, content[f] ?? null]),
    )
    expect(r.revisions.map((v) => [v.n, v.hash])).toEqual([
      [1, canonicalHash({ initiative: '', revision: 1, content: substantive })],
    ])
  })

  it('an answer with the stage it was given in', () => {
    const s = new Scenario(seedPolicy).propose().submit()
    s.force({ type: 'RESPOND', by: 'gov-tatarstan', at: day(1), region: 'tatarstan', accept: false })
    expect(s.recorded.answers).toEqual([
      { seq: 2, type: 'RESPOND', by: 'gov-tatarstan', target: 'tatarstan', answer: false, stage: 'review' },
    ])
  })
})

describe('what counts, and as of when', () => {
  it('past approval the initiative stands where it was approved; before it, at the last event', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.approve('grigorenko', GA, day(2)).send({ type: 'TICK', at: day(5) })
    // Events 0–4: PROPOSE, SUBMIT, two DECIDEs (the second approves, event 3), TICK.
    expect(standing(s.recorded, 'federalRollout')).toEqual({ revision: 0, asOf: 3, at: day(2) })
    expect(standing(s.recorded, 'review')).toEqual({ revision: 0, asOf: 4, at: day(5) })
  })

  it('an approval counts until the event that revokes it, and from that event on no longer', () => {
    const s = new Scenario(seedPolicy).propose().submit().approve('oreshkin', PA, day(1))
    s.force(revoke('oreshkin', PA, day(2)))
    // The approval is event 2, its revocation event 3.
    const counted = (asOf: number) =>
      countingApprovals(seedPolicy, s.recorded, PA, { revision: 0, asOf }).map((d) => d.seq)
    expect([1, 2, 3].map(counted)).toEqual([[], [2], []])
  })
})

describe('how the oracle reads a state value and the policy', () => {
  it('names the stage of any state value, a mutant’s too', () => {
    expect(
      [
        'idle',
        { open: 'draft' },
        { open: { review: { window: 'open', [PA]: 'turned', [GA]: 'pending' } } },
        { open: {} },
        { regionalRollout: 'waiting' },
        {},
        7,
        null,
      ].map((value) => stageOf({ value })),
    ).toEqual(['idle', 'draft', 'review', 'open', 'regionalRollout', '?', '7', 'null'])
  })

  it('reads the keys of a review, and nothing outside one', () => {
    const review = { open: { review: { window: 'plenary', [PA]: 'turned', [GA]: { odd: 1 } } } }
    expect([...keyRegions(seedPolicy, { value: review })]).toEqual([[PA, 'turned']])
    expect(keyRegions(seedPolicy, { value: { open: 'draft' } }).size).toBe(0)
    expect(keyRegions(seedPolicy, { value: { open: { review: 'closed' } } }).size).toBe(0)
    expect(keyRegions(seedPolicy, { value: 'approved' }).size).toBe(0)
  })

  it('an approval is fresh up to its lifetime, to the millisecond; a null lifetime never ends', () => {
    expect(isFreshAt(seedPolicy, day(0), day(90))).toBe(true)
    expect(isFreshAt(seedPolicy, day(0), day(90) + 1)).toBe(false)
    expect(isFreshAt(threeKeyPolicy, day(0), day(9_000))).toBe(true)
  })

  it('a deputy sits on a holder’s seat only inside a window a holder granted for that key', () => {
    const g = {
      seq: 0,
      key: PA,
      holder: 'oreshkin',
      deputy: 'pa-aide',
      from: day(1),
      until: day(3),
      at: day(1),
    }
    const seat = (delegations: RecordedDelegation[], at: number, actor = 'pa-aide', key = PA) =>
      seatOf(councilPolicy, delegations, key, actor, at)
    expect([day(1) - 1, day(1), day(3) - 1, day(3)].map((at) => seat([g], at))).toEqual([
      null,
      'oreshkin',
      'oreshkin',
      null,
    ])
    expect(seat([{ ...g, holder: 'grigorenko' }], day(2))).toBeNull()
    expect(seat([{ ...g, key: GA, holder: 'grigorenko' }], day(2))).toBeNull()
    expect(seat([g], day(2), 'pa-3')).toBe('pa-3')
    // Someone the window was not granted to, and a window granted for another key by a holder of both.
    expect(seat([g], day(2), 'minek')).toBeNull()
    expect(seatOf(twoSeatPolicy, [{ ...g, key: GA }], PA, 'pa-aide', day(2))).toBeNull()
    expect(seatOf(twoSeatPolicy, [{ ...g, key: GA }], GA, 'pa-aide', day(2))).toBe('oreshkin')
    expect(seat([g], day(2), 'pa-aide', 'treasury')).toBeNull()
    expect(
      seatOf(
        threeKeyPolicy,
        [{ ...g, key: 'security-council', holder: 'sc-secretary' }],
        'security-council',
        'pa-aide',
        day(2),
      ),
    ).toBeNull()
  })

  it('institutions of a principal, with affiliations; none for no one', () => {
    expect(institutionsOf(dualPolicy, 'minek')).toEqual(['minek', GA])
    expect(institutionsOf(dualPolicy, null)).toEqual([])
    expect(institutionsOf(dualPolicy, 'nobody')).toEqual([])
  })

  it('the track of the first routing rule that matches, by objective and scope', () => {
    const policy = {
      ...seedPolicy,
      routing: [
        { when: { objective: ['export'], scope: ['federal' as const] }, track: 'export' as const },
        { when: { scope: ['federal' as const] }, track: 'federal' as const },
      ],
    }
    expect(expectedTrack(policy, { ...federalContent, objective: 'export' })).toBe('export')
    expect(expectedTrack(policy, federalContent)).toBe('federal')
    expect(expectedTrack(policy, regionalContent)).toBeNull()
    expect(expectedTrack(policy, null)).toBeNull()
  })

  it('a revision hash reads only the substantive fields, an absent one as null', () => {
    const hash = (content: InitiativeContent, n = 1, id = 'i1') => revisionHashOf(seedPolicy, id, n, content)
    expect(hash({ ...federalContent, title: 'Renamed' })).toBe(hash(federalContent))
    expect(hash({ ...federalContent, budget: 5 })).not.toBe(hash(federalContent))
    expect(hash(federalContent, 2)).not.toBe(hash(federalContent))
    expect(hash(federalContent, 1, 'i2')).not.toBe(hash(federalContent))
    expect(substantiveChange(seedPolicy, null, federalContent)).toBe(true)
    expect(substantiveChange(seedPolicy, federalContent, { ...federalContent, title: 'Renamed' })).toBe(false)
  })
})
