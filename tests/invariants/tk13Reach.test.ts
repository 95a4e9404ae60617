import { describe, expect, it } from 'vitest'
import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import type { InvariantStep } from '../../src/invariants/Invariant.js'
import type { Recorded, RecordedAnswer, RecordedDecision } from '../../src/invariants/Recorded.js'
import { tk13Reach } from '../../src/invariants/tk13Reach.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { day, federalContent, GA, PA } from '../support/fixtures.js'
import { reachPolicy, seedPolicy } from '../support/policies.js'

// TK13 reach, judged on hand-made recorded facts: each test names the decisions and answers the
// oracle folded, so every part of the rule (which decisions count, which answer is judged, which
// role an answer is made in) is pinned by a case where it alone decides. The seed's keys: the
// Presidential Administration brings in governors and agencies, the Government Apparatus the
// ministries, the President's sign-off no one.

const PRESIDENT = 'president'

const revision = (n: number) => ({ n, hash: `h${n}`, content: federalContent, seq: n })

const approve = (key: string, by: string, patch: Partial<RecordedDecision> = {}): RecordedDecision => ({
  seq: 3,
  key,
  by,
  seat: by,
  decision: 'approve',
  named: 'h1',
  revision: 0,
  at: day(1),
  ...patch,
})

/** Both co-chairs approved revision 1, and the initiative was approved on it. */
const BOTH = [approve(PA, 'oreshkin'), approve(GA, 'grigorenko', { seq: 4 })]

const facts = (patch: Partial<Recorded> = {}): Recorded => ({
  count: 6,
  now: day(3),
  id: 'reach-1',
  sponsor: 'minzifry',
  content: federalContent,
  revisions: [revision(1)],
  decisions: BOTH,
  delegations: [],
  answers: [],
  stage: 'federalRollout',
  approval: { seq: 5, at: day(2), revision: 0 },
  ...patch,
})

const EVENT_OF = {
  RESPOND: { type: 'RESPOND', by: 'gov-tatarstan', at: day(3), region: 'tatarstan', accept: true },
  MINISTRY: { type: 'MINISTRY', by: 'minzifry', at: day(3), ministry: 'minzifry', accept: true },
  DESTINATION: { type: 'DESTINATION', by: 'mid', at: day(3), destination: 'armenia', agreed: true },
} as const

const answer = (type: RecordedAnswer['type'], by: string, seq = 6): RecordedAnswer => ({
  seq,
  type,
  by,
  target: type === 'RESPOND' ? 'tatarstan' : type === 'MINISTRY' ? 'minzifry' : 'armenia',
  answer: true,
  stage: 'federalRollout',
})

/** The step that records `answered` (by `by`) as the initiative's answer number `seq`, after `before`. */
function step(before: Recorded, answered: RecordedAnswer, earlier: RecordedAnswer[] = []): InvariantStep {
  const event = { ...EVENT_OF[answered.type], by: answered.by } as InitiativeEvent
  const after = { ...before, count: before.count + 1, answers: [...earlier, answered] }
  const snapshot = {} as InvariantStep['before']
  return {
    before: snapshot,
    event,
    after: snapshot,
    recorded: { before: { ...before, answers: earlier }, after },
  }
}

const phrases = (policy: Policy, s: InvariantStep) => tk13Reach.check(policy, s).map((v) => v.phrase)

/** The seed with the Presidential Administration bringing in only the agencies. */
const noGovernors: Policy = {
  ...reachPolicy,
  keys: reachPolicy.keys.map((k) => (k.id === PA ? { ...k, reach: ['agency' as const] } : k)),
}

describe('TK13 reach', () => {
  it('holds when each answer comes from a body of its role, within the approving keys’ reach', () => {
    for (const [type, by] of [
      ['RESPOND', 'gov-tatarstan'],
      ['MINISTRY', 'minzifry'],
      ['DESTINATION', 'mid'],
    ] as const) {
      expect(tk13Reach.check(reachPolicy, step(facts(), answer(type, by)))).toEqual([])
    }
  })

  it('does not apply where no key has a reach', () => {
    // The two-keys policy gives no key a reach: even a ministry answering as a governor passes.
    expect(tk13Reach.check(seedPolicy, step(facts(), answer('RESPOND', 'minzifry')))).toEqual([])
  })

  it('reports a governor, a ministry or an agency whom no approving key brings in', () => {
    // Only the Government Apparatus approved (the Presidential Administration's key is not there):
    // governors and agencies are out of reach, ministries in it.
    const gaOnly = facts({ decisions: [approve(GA, 'grigorenko')] })
    expect(phrases(reachPolicy, step(gaOnly, answer('RESPOND', 'gov-tatarstan')))).toEqual([
      { key: 'tk13.outOfReach', params: { by: 'gov-tatarstan', role: 'governor', reach: ['ministry'] } },
    ])
    expect(phrases(reachPolicy, step(gaOnly, answer('DESTINATION', 'mid')))).toEqual([
      { key: 'tk13.outOfReach', params: { by: 'mid', role: 'agency', reach: ['ministry'] } },
    ])
    expect(tk13Reach.check(reachPolicy, step(gaOnly, answer('MINISTRY', 'minzifry')))).toEqual([])
    const paOnly = facts({ decisions: [approve(PA, 'oreshkin')] })
    expect(phrases(reachPolicy, step(paOnly, answer('MINISTRY', 'minzifry')))).toEqual([
      { key: 'tk13.outOfReach', params: { by: 'minzifry', role: 'ministry', reach: ['agency', 'governor'] } },
    ])
  })

  it('reports a body answering in a role it does not have, even one within reach', () => {
    // A ministry answering for a region: governors are within reach, but it is not a governor.
    expect(phrases(reachPolicy, step(facts(), answer('RESPOND', 'minzifry')))).toEqual([
      { key: 'tk13.notRole', params: { by: 'minzifry', role: 'governor' } },
    ])
    expect(phrases(reachPolicy, step(facts(), answer('RESPOND', 'nobody')))).toEqual([
      { key: 'tk13.notRole', params: { by: 'nobody', role: 'governor' } },
    ])
  })

  it('a destination is an agency’s answer only where agencies answer exports', () => {
    const gaOnly = facts({ decisions: [approve(GA, 'grigorenko')] })
    const bySponsor: Policy = { ...reachPolicy, rollout: { federal: 'ministries', export: 'sponsor' } }
    // Recorded by the sponsor, a destination is no body's answer: nothing to judge.
    expect(tk13Reach.check(bySponsor, step(gaOnly, answer('DESTINATION', 'minzifry')))).toEqual([])
    expect(phrases(reachPolicy, step(gaOnly, answer('DESTINATION', 'minzifry')))).toEqual([
      { key: 'tk13.notRole', params: { by: 'minzifry', role: 'agency' } },
    ])
  })

  it('only approvals that stand on the approved revision bring bodies in', () => {
    const governor = (decisions: RecordedDecision[], patch: Partial<Recorded> = {}) =>
      phrases(reachPolicy, step(facts({ decisions, ...patch }), answer('RESPOND', 'gov-tatarstan')))
    const ga = approve(GA, 'grigorenko', { seq: 4 })
    const outOfReach = [
      { key: 'tk13.outOfReach', params: { by: 'gov-tatarstan', role: 'governor', reach: ['ministry'] } },
    ]
    // A refusal of the Presidential Administration brings no one in …
    expect(governor([approve(PA, 'oreshkin', { decision: 'refuse' }), ga])).toEqual(outOfReach)
    // … nor its approval of an earlier revision …
    const twoRevisions = {
      revisions: [revision(1), revision(2)],
      approval: { seq: 5, at: day(2), revision: 1 },
    }
    expect(
      governor([approve(PA, 'oreshkin'), approve(GA, 'grigorenko', { revision: 1 })], twoRevisions),
    ).toEqual([
      { key: 'tk13.outOfReach', params: { by: 'gov-tatarstan', role: 'governor', reach: ['ministry'] } },
    ])
    // … nor an approval it revoked.
    expect(governor([approve(PA, 'oreshkin', { revokedSeq: 4 }), ga])).toEqual(outOfReach)
    // A key without a reach that approved adds no role (the reach stays the Government's).
    expect(governor([approve(PRESIDENT, PRESIDENT), ga])).toEqual(outOfReach)
  })

  it('judges the revision the initiative was approved on, or else the current one', () => {
    const governor = (patch: Partial<Recorded>) =>
      tk13Reach.check(reachPolicy, step(facts(patch), answer('RESPOND', 'gov-tatarstan')))
    // Approved on revision 1 while a revision 2 exists: the approvals on revision 1 count.
    const both = [approve(PA, 'oreshkin'), approve(GA, 'grigorenko', { seq: 4 })]
    expect(governor({ revisions: [revision(1), revision(2)], decisions: both })).toEqual([])
    // Not (yet) approved: the approvals on the current revision count.
    const onSecond = both.map((d) => ({ ...d, revision: 1 }))
    expect(governor({ revisions: [revision(1), revision(2)], decisions: onSecond, approval: null })).toEqual(
      [],
    )
    expect(governor({ revisions: [revision(1), revision(2)], decisions: both, approval: null })).not.toEqual(
      [],
    )
  })

  it('judges the answer the step recorded, not an earlier one', () => {
    const earlier = [answer('RESPOND', 'minzifry', 4), answer('RESPOND', 'gov-tatarstan', 5)]
    // The last of three answers is out of reach (only the Government approved); the second is fine.
    const gaOnly = facts({ decisions: [approve(GA, 'grigorenko')] })
    expect(phrases(reachPolicy, step(gaOnly, answer('RESPOND', 'gov-novosibirsk', 6), earlier))).toEqual([
      { key: 'tk13.outOfReach', params: { by: 'gov-novosibirsk', role: 'governor', reach: ['ministry'] } },
    ])
    // The last answer is fine, the second is not: nothing to report on this step.
    expect(
      tk13Reach.check(
        reachPolicy,
        step(facts(), answer('RESPOND', 'gov-novosibirsk', 6), [
          answer('RESPOND', 'gov-tatarstan', 4),
          answer('RESPOND', 'minzifry', 5),
        ]),
      ),
    ).toEqual([])
    // An answer event the rules refused records nothing new: the old (bad) answer is not judged again.
    const refused: InvariantStep = {
      ...step(facts(), answer('RESPOND', 'minzifry', 5)),
      recorded: {
        before: facts({ answers: [answer('RESPOND', 'minzifry', 5)] }),
        after: facts({ answers: [answer('RESPOND', 'minzifry', 5)] }),
      },
    }
    expect(tk13Reach.check(reachPolicy, refused)).toEqual([])
  })

  it('judges only answers: a decision or a tick is never a reach violation', () => {
    const withBadAnswer = facts({ answers: [answer('RESPOND', 'minzifry', 6)], count: 6 })
    for (const event of [
      { type: 'TICK', at: day(4) },
      { type: 'COMPLETE', by: 'minzifry', at: day(4) },
    ] as InitiativeEvent[]) {
      const s: InvariantStep = {
        ...step(facts(), answer('RESPOND', 'minzifry', 6)),
        event,
        recorded: { before: withBadAnswer, after: withBadAnswer },
      }
      expect(tk13Reach.check(reachPolicy, s)).toEqual([])
    }
  })

  it('where a key brings in fewer bodies, its reach is what counts', () => {
    expect(phrases(noGovernors, step(facts(), answer('RESPOND', 'gov-tatarstan')))).toEqual([
      {
        key: 'tk13.outOfReach',
        params: { by: 'gov-tatarstan', role: 'governor', reach: ['agency', 'ministry'] },
      },
    ])
  })
})
