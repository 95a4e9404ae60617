import { describe, expect, it } from 'vitest'
import { and, not, or, stateIn } from 'xstate'
import { guardTree, namedGuards } from '../../machines/guardTree.js'
import { type Decision, type InitiativeContext, initialContext } from '../../machines/InitiativeContext.js'
import { phrase, reasonsIn } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import { amend, recordVote, revokeApproval } from '../../machines/updates.js'
import type { EventOf } from '../../src/domain/InitiativeEvent.js'
import { revisionHashOf } from '../../src/invariants/restated.js'
import { federalContent } from '../support/fixtures.js'
import { seedPolicy } from '../support/policies.js'

// Sharper tests found by mutation testing (`npm run mutation -- machines --mutate
// machines/guardTree.ts,machines/updates.ts,machines/refusalMessages.ts`): each fails on the mutants
// named in its title.

describe('guardTree: how explanations and diagrams read a guard', () => {
  it('no guard is no tree (undefined and null alike)', () => {
    expect(guardTree(undefined)).toBeNull()
    expect(guardTree(null)).toBeNull()
  })

  it('an inline guard keeps its function name, or is called "guard" when it has none', () => {
    function quorumMet() {
      return true
    }
    expect(guardTree(quorumMet)).toEqual({ kind: 'inline', name: 'quorumMet' })
    const anonymous = [() => true][0]
    expect(anonymous?.name).toBe('')
    expect(guardTree(anonymous)).toEqual({ kind: 'inline', name: 'guard' })
  })

  it('a higher-order guard without its list of guards has none (not a made-up one)', () => {
    const bare = Object.assign(() => false, { check: (and([]) as unknown as { check: unknown }).check })
    expect(guardTree(bare)).toEqual({ kind: 'and', guards: [] })
  })

  it('the named guards are read through and, or and not, in order, and never from stateIn', () => {
    const tree = guardTree(and(['a', or(['b', not('c')]), stateIn('#x'), { type: 'd', params: { k: 1 } }]))
    expect(namedGuards(tree)).toEqual([
      { type: 'a', params: undefined },
      { type: 'b', params: undefined },
      { type: 'c', params: undefined },
      { type: 'd', params: { k: 1 } },
    ])
    expect(namedGuards(guardTree(or(['e', 'f'])))).toEqual([
      { type: 'e', params: undefined },
      { type: 'f', params: undefined },
    ])
    expect(namedGuards(guardTree(not('g')))).toEqual([{ type: 'g', params: undefined }])
    expect(namedGuards(guardTree(stateIn('#y')))).toEqual([])
  })
})

const PA = 'presidential-administration'
const GA = 'government-apparatus'
const decision = (d: Partial<Decision>): Decision => ({
  key: PA,
  by: 'oreshkin',
  seat: 'oreshkin',
  institutions: [PA],
  revision: 'r2',
  decision: 'approve',
  at: 1_000,
  ...d,
})
const contextWith = (decisions: Decision[]): InitiativeContext => ({
  ...initialContext({ policyHash: 'p' }),
  id: 'i-1',
  now: 2_000,
  revision: { n: 2, hash: 'r2' },
  decisions,
})

describe('updates at their edges', () => {
  it("a revocation marks only the actor's own standing approval of that key, on this revision", () => {
    const own = decision({})
    const untouched = [
      decision({ key: GA, by: 'grigorenko', seat: 'grigorenko', institutions: [GA] }), // another key
      decision({ key: GA, institutions: [GA] }), // the same seat on another key
      decision({ seat: 'someone-else', by: 'someone-else' }), // another seat of the key
      decision({ decision: 'refuse' }), // a refusal is not revoked
      decision({ revision: 'r1' }), // an approval of an earlier revision
      decision({ revokedAt: 1_500 }), // already revoked: keeps its first revocation
    ]
    const event: EventOf<'REVOKE'> = { type: 'REVOKE', by: 'oreshkin', key: PA, at: 3_000 }
    const after = revokeApproval(seedPolicy, contextWith([own, ...untouched]), event)
    expect(after.decisions?.[0]).toEqual({ ...own, revokedAt: 3_000 })
    expect(after.decisions?.slice(1)).toEqual(untouched)
  })

  it('plenary votes are kept as a set: by session, then by member, whatever the order cast', () => {
    const vote = (context: InitiativeContext, by: string, session: number) =>
      ({
        ...context,
        ...recordVote(seedPolicy, { ...context, escalatedAt: session }, {
          type: 'PLENARY',
          by,
          at: session,
        } as EventOf<'PLENARY'>),
      }) as InitiativeContext
    const start = contextWith([])
    const cast = (order: [string, number][]) =>
      order.reduce((c, [by, session]) => vote(c, by, session), start).plenaryVotes
    const sorted = [
      { by: 'member-a', session: 10 },
      { by: 'member-b', session: 10 },
      { by: 'member-c', session: 10 },
      { by: 'member-a', session: 20 },
    ]
    expect(
      cast([
        ['member-c', 10],
        ['member-a', 10],
        ['member-b', 10],
        ['member-a', 20],
      ]),
    ).toEqual(sorted)
    expect(
      cast([
        ['member-b', 10],
        ['member-c', 10],
        ['member-a', 10],
        ['member-a', 20],
      ]),
    ).toEqual(sorted)
    expect(
      cast([
        ['member-a', 10],
        ['member-b', 10],
        ['member-c', 10],
        ['member-a', 20],
      ]),
    ).toEqual(sorted)
  })

  it('an amendment before any proposal hashes its revision with an empty id, as the recorded facts do', () => {
    const before = { ...initialContext({ policyHash: 'p' }), content: federalContent }
    const changed = { ...federalContent, summary: `${federalContent.summary} (revised)` }
    const event = { type: 'AMEND', by: 'minzifry', at: 1, content: changed } as EventOf<'AMEND'>
    const after = amend(seedPolicy, before, event)
    expect(after.revision).toEqual({ n: 1, hash: revisionHashOf(seedPolicy, '', 1, changed) })
  })
})

describe('reasonsIn: refusal reasons in a language', () => {
  const reasons = ['"oreshkin" has already voted in this plenary session']
  const phrases = [phrase('rule.memberHasNotVoted', { by: 'oreshkin' })]

  it('words each reason from its phrase when every reason has one', () => {
    expect(reasonsIn(REFUSAL_MESSAGES_RU, reasons, phrases)).toEqual([
      '«oreshkin» уже голосовал на этом пленарном заседании',
    ])
  })

  it('keeps the reasons as written when there are no phrases, or not one for each reason', () => {
    expect(reasonsIn(REFUSAL_MESSAGES_RU, reasons, undefined)).toEqual(reasons)
    expect(reasonsIn(REFUSAL_MESSAGES_RU, [...reasons, 'another reason'], phrases)).toEqual([
      ...reasons,
      'another reason',
    ])
  })
})
