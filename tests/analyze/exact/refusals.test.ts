import { describe, expect, it } from 'vitest'
import { analyzeExact } from '../../../src/analyze/exact/analyzeExact.js'
import { loadPolicyFile } from '../../../src/policy/loadPolicyFile.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { loadScenarioFile } from '../../../src/simulate/loadScenario.js'
import type { Scenario } from '../../../src/simulate/ScenarioSchema.js'

// What is not a Markov chain is refused with the field and the fix — never answered approximately.
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const base = loadScenarioFile('examples/scenarios/exact.yaml')
const oreshkin = base.reviewers.principals.oreshkin as NonNullable<(typeof base.reviewers.principals)[string]>
const withOreshkin = (change: Partial<typeof oreshkin>): Scenario => ({
  ...base,
  reviewers: {
    ...base.reviewers,
    principals: { ...base.reviewers.principals, oreshkin: { ...oreshkin, ...change } },
  },
})
const failure = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error as { code: string; message: string }
  }
  throw new Error('expected an error')
}

describe('the exact analysis refuses what it cannot model', () => {
  it('a non-exponential review time, unless --assume-exponential, which says what it replaced', () => {
    const scenario = withOreshkin({ reviewDays: { kind: 'lognormal', mean: 8.4, sd: 6 } })
    const error = failure(() => analyzeExact(twoKeys, scenario))
    expect(error.code).toBe('SCENARIO_INVALID')
    expect(error.message).toContain('reviewers.principals.oreshkin.reviewDays is lognormal')
    expect(error.message).toContain('{ kind: exponential, mean: 8.4 }')
    expect(error.message).toContain('--assume-exponential')
    const assumed = analyzeExact(twoKeys, scenario, { assumeExponential: true, sensitivities: false })
    expect(assumed.method.assumed).toEqual([
      { field: 'reviewers.principals.oreshkin.reviewDays', kind: 'lognormal', meanDays: 8.4 },
    ])
    // The same mean, exponential: the same answer as the fixture, which says exponential outright.
    expect(assumed.approved).toBeCloseTo(analyzeExact(twoKeys, base, { sensitivities: false }).approved, 12)
  })

  it('a reviewer with fewer places than seats (it would queue the initiative against itself)', () => {
    const council = loadPolicyFile('machines/policies/council.yaml')
    const holders: Policy = {
      ...council,
      keys: council.keys.map((k, i) => (i === 1 ? { ...k, holders: ['oreshkin'] } : k)),
    }
    const error = failure(() => analyzeExact(holders, withOreshkin({ capacity: 1 })))
    expect(error.message).toContain('reviewers.principals.oreshkin.capacity is 1')
  })

  it('deputies, a fixed amendment time, and resubmission after a refusal', () => {
    const deputy = failure(() =>
      analyzeExact(
        twoKeys,
        withOreshkin({ deputy: { delegate: 0.2, reviewDays: { kind: 'exponential', mean: 2 } } }),
      ),
    )
    expect(deputy.message).toContain('reviewers.principals.oreshkin.deputy.delegate is 0.2')
    const fixed = failure(() =>
      analyzeExact(twoKeys, {
        ...base,
        sponsor: { ...base.sponsor, amendmentDays: { kind: 'fixed', value: 7 } },
      }),
    )
    expect(fixed.message).toContain('sponsor.amendmentDays is fixed')
    const resubmits = failure(() =>
      analyzeExact(twoKeys, { ...base, sponsor: { ...base.sponsor, withdrawAfterRefusal: 0.5 } }),
    )
    expect(resubmits.message).toContain('set sponsor.withdrawAfterRefusal: 1')
  })

  it('an approval that could expire during the review', () => {
    const error = failure(() => analyzeExact({ ...twoKeys, approvals: { lifetimeDays: 20 } }, base))
    expect(error.code).toBe('POLICY_INVALID')
    expect(error.message).toContain('approvals.lifetimeDays is 20, shorter than the longest review (44 days)')
  })

  it('a chain past its state limit is an error, not a smaller answer', () => {
    const error = failure(() => analyzeExact(twoKeys, base, { maxChainStates: 10 }))
    expect(error.code).toBe('LIMIT_REACHED')
  })
})
