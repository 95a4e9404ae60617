import { describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { isTwoKeysError, type TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { ConditionError, formatCondition, holds, parseCondition } from '../../src/policy/condition.js'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { PolicyInput } from '../../src/policy/PolicySchema.js'
import { keyRegionLabels } from '../../src/render/keyRegionLabels.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { verify } from '../../src/verify/verify.js'

const president = loadPolicyFile('machines/policies/president-over-10bn.yaml')
const content = (budget: number | undefined, scope: object = { kind: 'federal', ministries: [] }) =>
  ({
    title: 'a',
    summary: '',
    objective: 'infrastructure',
    scope,
    ...(budget === undefined ? {} : { budget }),
  }) as never

describe('the condition language', () => {
  it('reads comparisons, lists, and/or/not and parentheses, with and binding tighter than or', () => {
    const c = parseCondition('scope = export or budget > 10e9 and not (regions >= 2)')
    expect(formatCondition(c)).toBe('scope = export or (budget > 10_000_000_000 and not regions >= 2)')
    expect(holds(c, content(20e9))).toBe(true)
    expect(holds(c, content(1e9))).toBe(false)
    expect(holds(c, content(20e9, { kind: 'regional', regions: ['a', 'b'] }))).toBe(false)
    expect(holds(parseCondition('objective in [export, infrastructure]'), content(0))).toBe(true)
    expect(holds(parseCondition('budget = 0'), content(undefined))).toBe(true)
    expect(
      holds(parseCondition('destinations >= 2'), content(0, { kind: 'export', destinations: ['x', 'y'] })),
    ).toBe(true)
    // The canonical form parses back to the same condition.
    expect(parseCondition(formatCondition(c))).toEqual(c)
  })

  it.each([
    ['budget >', 8, '"budget" is a number; found the end'],
    ['bugdet > 1', 0, 'unknown field "bugdet"'],
    ['scope > export', 6, '"scope" is compared only with = or != (or "in")'],
    ['budget > 1 oops', 11, 'expected "and", "or" or the end but found "oops"'],
    ['(budget > 1', 11, 'expected ")" but found the end'],
    ['scope = @', 8, 'unexpected "@"'],
    ['objective in [export', 20, 'expected "," or "]" but found the end'],
  ])('%s fails at character %i: %s', (text, offset, message) => {
    let error: unknown
    try {
      parseCondition(text)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConditionError)
    expect((error as ConditionError).offset).toBe(offset)
    expect((error as Error).message).toContain(message)
  })
})

describe('a policy with a key that applies by condition', () => {
  const withCondition = (appliesIf: string, substantive?: string[]) =>
    safeParsePolicy({
      ...(structuredClone(president) as PolicyInput),
      keys: president.keys.map((k) => (k.id === 'president' ? { ...k, appliesIf } : k)),
      ...(substantive === undefined ? {} : { amendments: { substantive } }),
    } as PolicyInput)

  it('is refused, at the key, when the condition does not parse, names an unknown id or reads a non-substantive field', () => {
    const bad = withCondition('budget >')
    expect(bad.success).toBe(false)
    if (bad.success) return
    expect(bad.issues[0]?.path).toEqual(['keys', 2, 'appliesIf'])
    expect(bad.issues[0]?.message).toContain(
      'does not parse at character 9: "budget" is a number; found the end',
    )
    const unknown = withCondition('objective = exprot')
    expect(unknown.success ? [] : unknown.issues.map((i) => i.message)).toEqual([
      expect.stringContaining(
        'objective "exprot" is not one of the policy\'s objectives (infrastructure, export); did you mean "export"?',
      ),
    ])
    const loose = withCondition('budget > 10e9', ['summary', 'objective', 'scope'])
    expect(loose.success ? [] : loose.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('"budget" is not in amendments.substantive'),
    ])
  })

  it('is refused when every key applies only by condition', () => {
    const all = safeParsePolicy({
      ...(structuredClone(president) as PolicyInput),
      keys: president.keys.map((k) => ({ ...k, appliesIf: 'budget > 1' })),
    } as PolicyInput)
    expect(all.success ? [] : all.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('every key applies only by condition'),
    ])
  })

  it('verify warns of a condition that never binds: a key that applies to no initiative, or to every one', () => {
    const rule = (appliesIf: string) => {
      const parsed = withCondition(appliesIf)
      if (!parsed.success) throw new Error(parsed.issues.map((i) => i.message).join('\n'))
      return verify(parsed.policy)
        .vacuity.filter((v) => v.rule === 'keys[2].appliesIf')
        .map((v) => v.reason)
    }
    // Budgets stop at ₽1e15 (a command with more is refused), so no initiative is over it.
    expect(rule('budget > 1e15')).toEqual([
      'key "president" never applies — no initiative the policy allows meets "budget > 1e15", so it is waived for every one',
    ])
    expect(rule('budget >= 0')).toEqual([
      'the condition of key "president" always holds — "budget >= 0" is true of every initiative the policy allows, so the key applies to all of them',
    ])
    // A condition that tells initiatives apart is not listed (the shipped policy's, verified in
    // tests/verify/verifyShipped.test.ts, is the other case; here only the arithmetic of classes).
  })

  it('is drawn: the key region has a waived state, reached when the condition fails', () => {
    const chart = toMermaid(createInitiativeMachine(president))
    expect(chart).toContain('pending_president --> waived_president : [not (budget > 10_000_000_000)]')
    expect(chart).toContain('review --> initiative_approved : [all keys turned · president turned or waived]')
  })

  it('asks the President only above the threshold, and again after an amendment across it', async () => {
    let n = 0
    const engine = createEngine({
      policy: president,
      clock: manualClock(Date.UTC(2026, 2, 1)),
      ids: () => `id-${++n}`,
    })
    const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }
    const approve = (id: string, by: string, key: string) =>
      engine.dispatch({ type: 'decide', initiativeId: id, by, key, decision: 'approve' })
    const statuses = async (id: string) => (await engine.status(id)).keys.map((k) => `${k.key}:${k.status}`)

    const small = (await engine.propose({ by: 'minzifry', ...federal, budget: 1e9 })).initiativeId
    await engine.submit(small, { by: 'minzifry' })
    expect(await statuses(small)).toEqual([
      'presidential-administration:pending',
      'government-apparatus:pending',
      'president:waived',
    ])
    const refused = await approve(small, 'president', 'president').catch((e: TwoKeysError) => e)
    expect(isTwoKeysError(refused) && refused.reasons).toEqual([
      'key "president" does not apply to this revision (it applies only when budget > 10_000_000_000); it takes no decision',
    ])
    await approve(small, 'oreshkin', 'presidential-administration')
    const done = await approve(small, 'grigorenko', 'government-apparatus')
    expect(done.board.phase).toBe('federalRollout')

    const large = (await engine.propose({ by: 'minzifry', ...federal, budget: 1e9 })).initiativeId
    await engine.submit(large, { by: 'minzifry' })
    await approve(large, 'oreshkin', 'presidential-administration')
    // Across the threshold: a new revision, every key starts again and the President's applies.
    const amended = await engine.amend(large, { by: 'minzifry', budget: 50e9 })
    expect(amended.board.revision.n).toBe(2)
    expect(await statuses(large)).toEqual([
      'presidential-administration:stale',
      'government-apparatus:pending',
      'president:pending',
    ])
    await approve(large, 'oreshkin', 'presidential-administration')
    const two = await approve(large, 'grigorenko', 'government-apparatus')
    expect(two.board.phase).toBe('review')
    const three = await approve(large, 'president', 'president')
    expect(three.board.phase).toBe('federalRollout')
  })
})

describe('key regions on the chart', () => {
  it('name each key with its quorum, veto, deputies and condition, in the words given', () => {
    const labels = keyRegionLabels(president)
    expect(labels['initiative.open.review.presidential-administration']).toBe(
      'presidential-administration: 1 of oreshkin · veto · deputy pa-aide, up to 14 days',
    )
    expect(labels['initiative.open.review.president']).toBe(
      'president: 1 of president · veto · only when budget > 10_000_000_000',
    )
    const chart = toMermaid(createInitiativeMachine(president), { labels })
    expect(chart).toContain(
      'state "president: 1 of president · veto · only when budget > 10_000_000_000" as initiative_open_review_president {',
    )
  })
})
