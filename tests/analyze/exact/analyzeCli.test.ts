import { describe, expect, it } from 'vitest'
import { latinWords, policyIds } from '../../cli/latinWords.js'
import { twokeys } from '../../support/runCli.js'

const SCENARIO = 'examples/scenarios/exact.yaml'

describe('twokeys analyze', () => {
  it('prints the outcomes, the approval-time distribution, the last key, the sensitivities and the method', async () => {
    const run = await twokeys('analyze', 'two-keys.yaml', '--scenario', SCENARIO, '--at', '7,30')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Exact analysis of "exact" under policy "two-keys"')
    expect(run.stdout).toMatch(/approved \(every key turned\) +86\.08%/)
    expect(run.stdout).toContain('approved by day 7: ')
    expect(run.stdout).toContain('approved by day 30: ')
    expect(run.stdout).toMatch(/Presidential Administration +78\.08%/)
    expect(run.stdout).toMatch(/oreshkin +8\.40 days/)
    expect(run.stdout).toContain('uniformization between the fixed deadlines (days 30, 44)')
    expect(run.stdout).toContain('Gauss–Seidel')
  })

  it('--json gives the result as data; the probabilities add up to 1', async () => {
    const run = await twokeys('analyze', 'two-keys.yaml', '--scenario', SCENARIO, '--json')
    expect(run.code).toBe(0)
    const r = JSON.parse(run.stdout)
    expect(r.approved + r.lapsed + r.refused + r.withdrawn).toBeCloseTo(1, 9)
    expect(r.approvalDays.cdf.map((p: { day: number }) => p.day)).toEqual([7, 14, 30])
    expect(r.method).toMatchObject({ transient: 'uniformization', deadlines: [30, 44], epsilon: 1e-12 })
    expect(r.sensitivities.map((s: { reviewer: string }) => s.reviewer)).toEqual(['oreshkin', 'grigorenko'])
  })

  it('speaks Russian with the policy’s own key labels', async () => {
    const run = await twokeys('--lang', 'ru', 'analyze', 'two-keys.yaml', '--scenario', SCENARIO)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Точный расчёт сценария «exact» по политике «two-keys»')
    expect(run.stdout).toMatch(/Администрация Президента +78\.08%/)
    expect(latinWords(run.stdout, policyIds('machines/policies/two-keys.yaml'))).toEqual([])
  })

  it('--assume-exponential answers a lognormal scenario and lists what it replaced; without it, exit 2', async () => {
    const lognormal = 'examples/scenarios/exact-lognormal.yaml'
    const refused = await twokeys('analyze', 'two-keys.yaml', '--scenario', lognormal)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('reviewers.principals.oreshkin.reviewDays is lognormal')
    const run = await twokeys('analyze', 'two-keys.yaml', '--scenario', lognormal, '--assume-exponential')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Assumed exponential (same mean), as --assume-exponential asks:')
    expect(run.stdout).toContain('  sponsor.amendmentDays: triangular → exponential, mean 10.3333 days')
    const ru = await twokeys(
      '--lang',
      'ru',
      'analyze',
      'two-keys.yaml',
      '--scenario',
      lognormal,
      '--assume-exponential',
    )
    expect(latinWords(ru.stdout, policyIds('machines/policies/two-keys.yaml'))).toEqual([])
  })

  it('refuses a scenario that is not a Markov chain, naming the field and the fix (exit 2)', async () => {
    const baseline = await twokeys(
      'analyze',
      'two-keys.yaml',
      '--scenario',
      'examples/scenarios/baseline.yaml',
    )
    expect(baseline.code).toBe(2)
    expect(baseline.stderr).toContain('reviewers.principals.oreshkin.deputy.delegate is 0.15')
    expect(baseline.stderr).toContain('set it to 0 or remove reviewers.principals.oreshkin.deputy')
  })

  it('refuses a bad --at (exit 2)', async () => {
    const run = await twokeys('analyze', 'two-keys.yaml', '--scenario', SCENARIO, '--at', '7,soon')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--at takes days from 0 to 36500 separated by commas')
  })
})
