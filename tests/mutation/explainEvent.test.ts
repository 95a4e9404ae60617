import { describe, expect, it } from 'vitest'
import { and, setup } from 'xstate'
import { createInitiativeMachine } from '../../machines/initiative.js'
import type { InitiativeEvent } from '../../src/domain/InitiativeEvent.js'
import { explainEvent } from '../../src/engine/explainEvent.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { DAY } from '../support/arbitraries.js'
import { day, exportContent, GA, PA, reviewValue, Scenario } from '../support/fixtures.js'

// Mutation testing of `explainEvent` (README "Tests that would notice") found its words for the
// chart's places, its refusals of a key that is done, and the order of its codes untested: each
// expected text below is read off the chart in machines/initiative.ts, not off the code.
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const seed = loadPolicyFile('machines/policies/seed.yaml')
const president = loadPolicyFile('machines/policies/president-over-10bn.yaml')

const explain = (s: Scenario, event: InitiativeEvent) => explainEvent(s.machine, s.policy, s.snapshot, event)

describe('explainEvent says where the chart takes a command', () => {
  const idle = new Scenario(twoKeys)
  const where: [InitiativeEvent, string][] = [
    [{ type: 'SUBMIT', by: 'minek', at: day(1) }, 'SUBMIT is accepted only in draft'],
    // WITHDRAW and DELEGATE are taken by the `open` state itself, whatever its child.
    [{ type: 'WITHDRAW', by: 'minek', at: day(1) }, 'WITHDRAW is accepted only in draft, review or returned'],
    [
      { type: 'DELEGATE', by: 'oreshkin', at: day(1), key: PA, deputy: 'aide', from: day(1), until: day(2) },
      'DELEGATE is accepted only in draft, review or returned',
    ],
    [
      { type: 'DECIDE', by: 'oreshkin', at: day(1), key: PA, revision: 'r', decision: 'approve' },
      'DECIDE is accepted only in review',
    ],
    [{ type: 'REVOKE', by: 'oreshkin', at: day(1), key: PA }, 'REVOKE is accepted only in review'],
    [
      { type: 'AMEND', by: 'minek', at: day(1), content: exportContent },
      'AMEND is accepted only in draft, review, returned',
    ],
    [{ type: 'COMPLETE', by: 'minek', at: day(1) }, 'COMPLETE is accepted only in federal rollout'],
    [
      { type: 'RESPOND', by: 'gov-tatarstan', at: day(1), region: 'tatarstan', accept: true },
      'RESPOND is accepted only in regional rollout',
    ],
    [
      { type: 'DESTINATION', by: 'minek', at: day(1), destination: 'belarus', agreed: true },
      'DESTINATION is accepted only in export rollout',
    ],
    [
      { type: 'TICK', at: day(1) },
      'TICK is accepted only in draft, review, plenary, returned, federal rollout, regional rollout, export rollout',
    ],
  ]
  for (const [event, words] of where) {
    it(`before a proposal: ${words}`, () => {
      expect(explain(idle, event)).toEqual({
        allowed: false,
        reasons: [`the initiative is not yet proposed; ${words}`],
        phrases: [expect.objectContaining({ key: 'state.notAcceptedHere' })],
        rules: [],
        code: 'REFUSED',
      })
    })
  }

  it('PLENARY is taken only in plenary where the policy has a commission, and nowhere where it has none', () => {
    const vote = {
      type: 'PLENARY',
      by: 'member',
      at: day(1),
      decision: 'return',
    } as unknown as InitiativeEvent
    expect(explain(new Scenario(seed), vote).reasons).toEqual([
      'the initiative is not yet proposed; PLENARY is accepted only in plenary',
    ])
    expect(explain(idle, vote)).toMatchObject({
      reasons: [
        'the initiative is not yet proposed; PLENARY is accepted in no phase under policy "two-keys" (its chart has no state that takes it)',
      ],
      rules: [],
      code: 'REFUSED',
    })
  })

  it('an initiative that exists takes no second PROPOSE, closed or not: it names the id to change', () => {
    const drafted = new Scenario(twoKeys).propose()
    const again = drafted.events[0] as InitiativeEvent & { type: 'PROPOSE' }
    const words = `initiative "${again.id}" already exists; propose under a new id`
    expect(explain(drafted, { ...again, at: day(1) })).toEqual({
      allowed: false,
      reasons: [words],
      phrases: [{ key: 'state.alreadyExists', params: { initiative: again.id } }],
      rules: [],
      code: 'REFUSED',
    })
    const withdrawn = drafted.send({ type: 'WITHDRAW', by: 'minek', at: day(1) })
    expect(explain(withdrawn, { ...again, at: day(2) }).reasons).toEqual([words])
  })

  it('a closed initiative takes nothing, and names no rule', () => {
    const withdrawn = new Scenario(twoKeys).propose().send({ type: 'WITHDRAW', by: 'minek', at: day(1) })
    expect(explain(withdrawn, { type: 'SUBMIT', by: 'minek', at: day(2) })).toEqual({
      allowed: false,
      reasons: ['the initiative is withdrawn and takes no further commands'],
      phrases: [expect.objectContaining({ key: 'state.closed' })],
      rules: [],
      code: 'REFUSED',
    })
  })
})

describe('explainEvent on a key that takes no decision', () => {
  it('a turned key: DECIDE and REVOKE alike', () => {
    const s = new Scenario(twoKeys).propose().submit().approve('oreshkin', PA, day(1))
    const done = `key "${PA}" has already turned on this revision; it takes no further decision`
    expect(explain(s, s.decision('oreshkin', PA, day(2)))).toMatchObject({ reasons: [done], rules: [] })
    expect(explain(s, { type: 'REVOKE', by: 'oreshkin', at: day(2), key: PA })).toMatchObject({
      reasons: [done],
      rules: [],
      code: 'REFUSED',
    })
  })

  it('a refused key (a state the chart leaves at once, for `returned`: forged here)', () => {
    const s = new Scenario(twoKeys).propose().submit()
    s.snapshot = s.forge({}, reviewValue('refused', 'pending'))
    expect(explain(s, s.decision('oreshkin', PA, day(1))).reasons).toEqual([
      `key "${PA}" has already been refused on this revision; it takes no further decision`,
    ])
  })

  it('a key waived by its condition, with the condition', () => {
    const s = new Scenario(president).propose().submit()
    expect(s.snapshot.value).toMatchObject({ open: { review: { president: 'waived' } } })
    expect(explain(s, s.decision('president', 'president', day(1))).reasons).toEqual([
      'key "president" does not apply to this revision (it applies only when budget > 10_000_000_000); it takes no decision',
    ])
  })

  it('a key the policy does not have, with the keys it has', () => {
    const s = new Scenario(twoKeys).propose().submit()
    expect(explain(s, s.decision('oreshkin', 'nope', day(1)))).toMatchObject({
      reasons: [`"nope" is not a key of policy "two-keys" (keys: "${PA}", "${GA}")`],
      rules: [],
    })
  })
})

describe('explainEvent names each reason and rule once, and the first telling code', () => {
  it('a stale, late decision by someone else: three rules in the guard’s order, each once, STALE_REVISION', () => {
    const s = new Scenario(twoKeys).propose().submit()
    // Both of the key's approving transitions fail on the same three rules: said once each.
    const late = { ...s.decision('grigorenko', PA, day(100)), revision: 'stale' }
    const explanation = explain(s, late)
    expect(explanation.rules).toEqual(['onCurrentRevision', 'withinWindow', 'actorHasAuthority'])
    expect(explanation.reasons).toHaveLength(3)
    expect(explanation.reasons[1]).toMatch(/^the review window closed at .*; no decision is taken after it$/)
    expect(explanation.code).toBe('STALE_REVISION')
  })

  it('a stale decision by the holder fails both approving transitions on one rule: said once', () => {
    const s = new Scenario(twoKeys).propose().submit()
    // The quorum-reaching transition and the one below it both hold but for the revision.
    const explanation = explain(s, { ...s.decision('oreshkin', PA, day(1)), revision: 'stale' })
    expect(explanation.rules).toEqual(['onCurrentRevision'])
    expect(explanation.reasons).toHaveLength(1)
    expect(explanation.phrases).toHaveLength(1)
  })

  /** A chart of one review state, judged by the initiative machine's own guards. */
  function chartWith(on: Record<string, unknown>) {
    const base = createInitiativeMachine(twoKeys)
    const s = new Scenario(twoKeys).propose(undefined, exportContent).submit()
    const machine = setup({ guards: base.implementations.guards as never }).createMachine({
      context: s.snapshot.context,
      initial: 'open',
      states: {
        open: {
          initial: 'review',
          states: {
            review: {
              type: 'parallel',
              states: { [PA]: { initial: 'pending', states: { pending: { on: on as never } } } },
            },
          },
        },
      },
    })
    const snapshot = machine.resolveState({
      value: { open: { review: { [PA]: 'pending' } } },
      context: s.snapshot.context,
    })
    return (event: InitiativeEvent) => explainEvent(machine as never, twoKeys, snapshot, event)
  }

  it('a telling code after a plain refusal still names the refusal', () => {
    // The shipped chart puts its telling rules first; a chart that does not is answered the same.
    const explainIn = chartWith({ DESTINATION: { guard: and(['destinationPending', 'actorIsAgency']) } })
    const answer = explainIn({
      type: 'DESTINATION',
      by: 'minek',
      at: day(1),
      destination: 'mars',
      agreed: true,
    })
    expect(answer.rules).toEqual(['destinationPending', 'actorIsAgency'])
    expect(answer.code).toBe('NOT_AUTHORIZED')
  })

  it('a command whose every transition here fails on a selector is "not accepted while …"', () => {
    const explainIn = chartWith({
      DECIDE: { guard: and([{ type: 'isForKey', params: { key: PA } }, 'isRefusal']) },
    })
    const approval = {
      type: 'DECIDE',
      by: 'oreshkin',
      at: day(1) + DAY,
      key: PA,
      revision: 'r',
      decision: 'approve',
    }
    expect(explainIn(approval as InitiativeEvent)).toEqual({
      allowed: false,
      reasons: ['DECIDE is not accepted while the initiative is in review'],
      phrases: [expect.objectContaining({ key: 'state.notNow' })],
      rules: [],
      code: 'REFUSED',
    })
  })
})
