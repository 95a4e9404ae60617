import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.js'

let out = ''
let err = ''
beforeEach(() => {
  out = ''
  err = ''
  process.exitCode = undefined
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  })
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk)
    return true
  })
})
afterEach(() => {
  vi.restoreAllMocks()
  process.exitCode = undefined
})

const run = (...args: string[]) => main(['node', 'twokeys', ...args])
const SCENARIO = [
  '--scenario',
  'examples/scenarios/baseline.yaml',
  '--replications',
  '4',
  '--seed',
  '7',
  '--workers',
  '1',
]

describe('twokeys simulate / compare', () => {
  it('simulate --json prints every metric with its interval', async () => {
    await run('simulate', 'machines/policies/two-keys.yaml', ...SCENARIO, '--json')
    expect(process.exitCode).toBe(0)
    const result = JSON.parse(out)
    expect(result.policy).toBe('two-keys')
    expect(result.replications).toBe(4)
    const median = result.metrics.find((m: { name: string }) => m.name === 'approvalDays.p50')
    expect(median.low).toBeLessThanOrEqual(median.mean)
    expect(median.high).toBeGreaterThanOrEqual(median.mean)
  })

  it('simulate prints a table for people, with the bottleneck', async () => {
    await run('simulate', 'machines/policies/two-keys.yaml', ...SCENARIO)
    expect(out).toMatch(/Simulation of "baseline" under policy "two-keys"/)
    expect(out).toMatch(/submission → both keys turned & routed \(p50\)\s+\d/)
    expect(out).toMatch(/Bottleneck: .* is the last key to turn in/)
    expect(err).toBe('') // no progress bar off a terminal
  })

  it('simulate --csv prints one row per metric', async () => {
    await run('simulate', 'machines/policies/single-key.yaml', ...SCENARIO, '--csv')
    const lines = out.trim().split('\n')
    expect(lines[0]).toBe('policy,scenario,metric,mean,ci_low,ci_high,sd,n')
    expect(lines.some((l) => l.startsWith('single-key,baseline,approvalDays.mean,'))).toBe(true)
  })

  it('compare prints the paired difference', async () => {
    await run('compare', 'machines/policies/two-keys.yaml', 'machines/policies/single-key.yaml', ...SCENARIO)
    expect(process.exitCode).toBe(0)
    expect(out).toMatch(/common random numbers/)
    expect(out).toMatch(/B − A \[95% CI\]/)
  })

  it('a bad scenario exits 2 with a located message', async () => {
    await run(
      'simulate',
      'machines/policies/two-keys.yaml',
      '--scenario',
      'tests/simulate/fixtures/bad-scenario.yaml',
    )
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/bad-scenario\.yaml:\d+:\d+/)
    expect(err).toMatch(/add up to 1/)
  })

  it('a bad option exits 2', async () => {
    await run('simulate', 'machines/policies/two-keys.yaml', ...SCENARIO, '--replications', 'many')
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/--replications must be a whole number/)
  })

  it.each([
    ['simulate', ['machines/policies/two-keys.yaml']],
    ['compare', ['machines/policies/two-keys.yaml', 'machines/policies/single-key.yaml']],
  ])(
    '%s exits 2 when the compiled table would be cut short by --max-states, saying how to raise it',
    async (command, policies) => {
      await run(command, ...policies, ...SCENARIO, '--max-states', '100')
      expect(process.exitCode).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(
        /✖ policy "two-keys" has more than 100 reachable states \(--max-states 100\).*raise --max-states/,
      )
    },
  )

  it('--whole-table compiles every state first and prints the same metrics as the lazy default', async () => {
    await run('simulate', 'machines/policies/two-keys.yaml', ...SCENARIO, '--json')
    const lazy = JSON.parse(out)
    out = ''
    await run('simulate', 'machines/policies/two-keys.yaml', ...SCENARIO, '--json', '--whole-table')
    expect(process.exitCode).toBe(0)
    const whole = JSON.parse(out)
    expect(whole.metrics).toEqual(lazy.metrics)
    expect(whole.metrics.length).toBeGreaterThan(5)
    // Past the limit, the whole table is refused before any replication: two-keys has 190 states.
    out = ''
    await run(
      'simulate',
      'machines/policies/two-keys.yaml',
      ...SCENARIO,
      '--whole-table',
      '--max-states',
      '150',
    )
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/✖ policy "two-keys" has more than 150 reachable states/)
  })

  it('bounds the numeric options: a huge --replications, --seed or --workers is a clear message, exit 2', async () => {
    await run(
      'simulate',
      'machines/policies/two-keys.yaml',
      ...SCENARIO,
      '--replications',
      '99999999999999999999',
    )
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/--replications must be a whole number from 2 to 100,000, not "99999999999999999999"/)
    expect(err).not.toMatch(/internal error/)
    err = ''
    await run('simulate', 'machines/policies/two-keys.yaml', ...SCENARIO, '--seed', '1e30')
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/--seed must be a whole number from 0 to 4,294,967,295, not "1e30"/)
    err = ''
    await run('simulate', 'machines/policies/two-keys.yaml', ...SCENARIO, '--max-states', '1e300')
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/--max-states must be a whole number from 1 to 10,000,000/)
  })
})
