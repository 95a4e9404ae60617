import { describe, expect, it } from 'vitest'
import { initialTransition, type SnapshotFrom, transition } from 'xstate'
import { phaseOf } from '../../../machines/describeState.js'
import type { InitiativeContext } from '../../../machines/InitiativeContext.js'
import { createInitiativeMachine, type InitiativeMachine } from '../../../machines/initiative.js'
import type { QueryResult } from '../../../src/analyze/query/QueryResult.js'
import { query } from '../../../src/analyze/query/query.js'
import type { InitiativeContent } from '../../../src/domain/InitiativeContent.js'
import type { InitiativeEvent } from '../../../src/domain/InitiativeEvent.js'
import { hashPolicy } from '../../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'

type Snapshot = SnapshotFrom<InitiativeMachine>

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const singleKey = loadPolicyFile('machines/policies/single-key.yaml')
const PA = 'presidential-administration'
const GA = 'government-apparatus'
const DAY = 86_400_000

/** The story replayed on a fresh machine with XState's own transition; every step must be taken. */
function replay(policy: Policy, result: QueryResult): Snapshot {
  const machine = createInitiativeMachine(policy)
  let [snapshot] = initialTransition(machine, { policyHash: hashPolicy(policy) })
  for (const step of result.steps) {
    const event = step.event as InitiativeEvent
    expect(snapshot.can(event), `step ${step.n} (${step.text}) is refused`).toBe(true)
    ;[snapshot] = transition(machine, snapshot, event)
  }
  return snapshot
}

/** The unrevoked approvals of a key on the current revision, read straight from the context. */
const approvalsOf = (context: InitiativeContext, key: string) =>
  context.decisions.filter(
    (d) =>
      d.key === key &&
      d.decision === 'approve' &&
      d.revokedAt === undefined &&
      d.revision === context.revision.hash,
  )

/** A deputy's approval: given in a holder's seat by someone who is not a holder of the key. */
const byDeputy = (policy: Policy, key: string) => (d: { by: string; seat: string }) =>
  d.by !== d.seat && !(policy.keys.find((k) => k.id === key)?.holders.includes(d.by) ?? true)

describe('query on two-keys.yaml', () => {
  it('"approved with both keys turned by deputies": reachable in 6 steps, replayed on a fresh machine', () => {
    const result = query(twoKeys, 'approved = yes and deputies = 2')
    expect(result.outcome).toBe('reachable')
    const end = replay(twoKeys, result)
    const context = end.context as InitiativeContext
    expect(context.approvedAt).not.toBeNull()
    for (const key of [PA, GA]) {
      const approvals = approvalsOf(context, key)
      expect(approvals.length).toBeGreaterThan(0)
      expect(approvals.every(byDeputy(twoKeys, key))).toBe(true)
    }
    // No shorter story exists: a proposal, a submission, and per key a holder naming a deputy and
    // the deputy approving are each needed — six events, and the story has exactly those.
    expect(result.steps.map((s) => s.command).sort()).toEqual(
      ['DECIDE', 'DECIDE', 'DELEGATE', 'DELEGATE', 'PROPOSE', 'SUBMIT'].sort(),
    )
    expect(result.steps.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('keeps apart who approved after the machine stops reading it: completed with the deputy’s key', () => {
    // The explorer's abstract state forgets decisions once the initiative is approved; the query
    // must still find a completed initiative whose first key was turned by the deputy.
    const result = query(twoKeys, `phase = completed and key.${PA}.by = pa-aide and key.${GA}.as = holder`)
    expect(result.outcome).toBe('reachable')
    const end = replay(twoKeys, result)
    expect(end.value).toBe('completed')
    const context = end.context as InitiativeContext
    expect(approvalsOf(context, PA).map((d) => d.by)).toEqual(['pa-aide'])
    expect(approvalsOf(context, GA).map((d) => d.by)).toEqual(['grigorenko'])
  })

  it('counts revisions the explorer forgets: a third revision in review', () => {
    const result = query(twoKeys, 'revision = 3 and phase = review')
    expect(result.outcome).toBe('reachable')
    const end = replay(twoKeys, result)
    expect((end.context as InitiativeContext).revision.n).toBe(3)
    expect(phaseOf(end)).toBe('review')
  })

  it('answers how soon: the plenary opens when the 30-day window closes, not before', () => {
    const soon = query(twoKeys, 'phase = plenary and days <= 30')
    expect(soon.outcome).toBe('reachable')
    const end = replay(twoKeys, soon)
    const context = end.context as InitiativeContext
    expect(phaseOf(end)).toBe('plenary')
    expect(context.now - (context.submittedAt ?? 0)).toBe(twoKeys.review.windowDays * DAY)
    const sooner = query(singleKey, 'phase = plenary and days < 30')
    expect(sooner.outcome).toBe('unreachable')
    expect(sooner.complete).toBe(true)
  })

  it('finds every state a random concrete walk reaches, in no more steps than the walk took', () => {
    // An independent oracle: walks chosen by a seeded generator among the events the machine takes.
    const machine = createInitiativeMachine(twoKeys)
    let seed = 7
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const candidates = (s: Snapshot): InitiativeEvent[] => {
      const c = s.context as InitiativeContext
      const at = Math.max(c.now, Date.UTC(2026, 2, 2))
      const sponsor = c.sponsor ?? 'minzifry'
      const events: InitiativeEvent[] = [
        {
          type: 'PROPOSE',
          by: 'minzifry',
          at,
          id: 'initiative',
          content: {
            title: 't',
            summary: '',
            objective: 'infrastructure',
            scope: { kind: 'federal', ministries: ['minzifry'] },
          },
        },
        { type: 'SUBMIT', by: sponsor, at },
        {
          type: 'AMEND',
          by: sponsor,
          at,
          content: { ...(c.content as InitiativeContent), summary: `s${c.revision.n}` },
        },
        { type: 'TICK', at: (c.deadline ?? at) + 1 },
      ]
      for (const [key, holder] of [
        [PA, 'oreshkin'],
        [GA, 'grigorenko'],
      ] as const) {
        for (const decision of ['approve', 'refuse'] as const)
          events.push({ type: 'DECIDE', by: holder, at, key, revision: c.revision.hash, decision })
      }
      // Amendments only now and then, so that walks reach review, plenary and approval.
      return events.filter((e) => s.can(e) && (e.type !== 'AMEND' || random() < 0.15))
    }
    for (let walk = 0; walk < 16; walk++) {
      let [s] = initialTransition(machine, { policyHash: hashPolicy(twoKeys) })
      const length = 3 + Math.floor(random() * 7)
      let taken = 0
      for (; taken < length; taken++) {
        const options = candidates(s)
        if (options.length === 0) break
        ;[s] = transition(machine, s, options[Math.floor(random() * options.length)] as InitiativeEvent)
      }
      const c = s.context as InitiativeContext
      // Keys turned, from the chart and the context: all of them once approved, else those the review region shows turned.
      const turned =
        c.approvedAt !== null
          ? 2
          : [PA, GA].filter((key) => s.matches({ open: { review: { [key]: 'turned' } } })).length
      const text = `phase = ${phaseOf(s)} and revision = ${c.revision.n} and keys_turned = ${turned}`
      const result = query(twoKeys, text)
      expect(result.outcome, text).toBe('reachable')
      expect(result.steps.length, text).toBeLessThanOrEqual(taken)
    }
  })
})

describe('query proofs and limits', () => {
  it('proves on single-key.yaml that no second key is ever turned, over every state', () => {
    const result = query(singleKey, 'keys_turned = 2')
    expect(result.outcome).toBe('unreachable')
    expect(result.complete).toBe(true)
    expect(result.steps).toEqual([])
    expect(result.states).toBe(result.expanded)
    expect(result.contents).toHaveLength(3)
  })

  it('proves that grigorenko, who holds no key on single-key.yaml, never turns one', () => {
    const result = query(singleKey, `key.${PA}.by = grigorenko`)
    expect(result.outcome).toBe('unreachable')
    expect(result.complete).toBe(true)
    // The same search does find the key turned by its holder and by the holder's deputy.
    expect(query(singleKey, `key.${PA}.by = oreshkin`).outcome).toBe('reachable')
    expect(query(singleKey, `approved = yes and key.${PA}.by = pa-aide`).outcome).toBe('reachable')
  })

  it('a search stopped at --max-states is no verdict (LIMIT_REACHED), never "unreachable"', () => {
    const result = query(singleKey, 'keys_turned = 2', { maxStates: 20 })
    expect(result.outcome).toBe('limit')
    expect(result.complete).toBe(false)
    expect(result.limit?.code).toBe('LIMIT_REACHED')
    expect(result.limit?.message).toContain(
      'the exploration stopped at the limit of 20 states (--max-states)',
    )
  })

  it('names the missing track "none": a lapsed initiative was never routed', () => {
    const result = query(singleKey, 'phase = lapsed and track = none')
    expect(result.outcome).toBe('reachable')
    const end = replay(singleKey, result)
    expect(end.value).toBe('lapsed')
    expect((end.context as InitiativeContext).track).toBeNull()
    expect(query(singleKey, 'phase = lapsed and track != none').outcome).toBe('unreachable')
  })

  it('says why phase = approved is unreachable where routing moves on at once', () => {
    const result = query(singleKey, 'phase = approved')
    expect(result.outcome).toBe('unreachable')
    expect(result.notes[0]).toContain('"approved = yes" asks whether it was approved')
  })
})
