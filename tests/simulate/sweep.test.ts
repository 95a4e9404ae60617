import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScenarioFile } from '../../src/simulate/loadScenario.js'
import { parsePath, resolvePath, setPath } from '../../src/simulate/setPath.js'
import { parseValues, parseVary, sweep, sweepCsv, varyScenario } from '../../src/simulate/sweep.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const baseline = loadScenarioFile('examples/scenarios/baseline.yaml')
const PATH = 'reviewers.principals.oreshkin.reviewDays.mean'

describe('sweep paths', () => {
  it('parses dotted paths, indices and list items by id or field', () => {
    expect(parsePath('a.b.c')).toEqual([
      { kind: 'key', key: 'a' },
      { kind: 'key', key: 'b' },
      { kind: 'key', key: 'c' },
    ])
    expect(parsePath('mix[0].weight')).toEqual([
      { kind: 'key', key: 'mix' },
      { kind: 'index', index: 0 },
      { kind: 'key', key: 'weight' },
    ])
    expect(parsePath('mix.1')).toEqual([
      { kind: 'key', key: 'mix' },
      { kind: 'index', index: 1 },
    ])
    expect(parsePath('mix[objective=export].weight')[1]).toEqual({
      kind: 'match',
      field: 'objective',
      value: 'export',
    })
    expect(parsePath('items[alice]')[1]).toEqual({ kind: 'match', field: 'id', value: 'alice' })
    expect(() => parsePath('a..b')).toThrow(/empty segment/)
    expect(() => parsePath('a.')).toThrow(/ends with/)
  })

  it('sets a value on a copy; principals.… is short for reviewers.principals.…', () => {
    const varied = setPath(baseline, 'principals.oreshkin.reviewDays.mean', 9)
    expect(resolvePath(varied, PATH).current).toBe(9)
    expect(resolvePath(baseline, PATH).current).toBe(2.8)
    expect(resolvePath(baseline, 'mix[objective=export].weight').current).toBe(2)
    expect(setPath(baseline, 'mix.2.weight', 4).mix[2]?.weight).toBe(4)
    // A list item by its id.
    const doc = {
      people: [
        { id: 'ann', days: 1 },
        { id: 'bob', days: 2 },
      ],
    }
    expect(setPath(doc, 'people.bob.days', 5).people[1]?.days).toBe(5)
    expect(() => setPath(doc, 'people.eve.days', 5)).toThrow(
      /"people" has no eve; it is a list of 2 \(ann, bob\)/,
    )
  })

  it('a bad path names the path and what exists there', () => {
    expect(() => varyScenario(baseline, 'reviewers.principals.putin.reviewDays.mean', 5)).toThrow(
      /path "reviewers\.principals\.putin\.reviewDays\.mean": "reviewers\.principals" has no putin; it is an object with oreshkin, grigorenko/,
    )
    expect(() => varyScenario(baseline, `${PATH}x`, 5)).toThrow(
      /has no meanx; it is an object with kind, mean, sd/,
    )
    expect(() => varyScenario(baseline, 'reviewers.principals.oreshkin', 5)).toThrow(/not a single value/)
    expect(() => varyScenario(baseline, PATH, 'slow')).toThrow(/holds the number 2\.8/)
    try {
      varyScenario(baseline, PATH, 'x')
    } catch (error) {
      expect((error as { code: string }).code).toBe('SCENARIO_INVALID')
    }
  })

  it('re-validates the varied scenario with the schema', () => {
    expect(() => varyScenario(baseline, PATH, -3)).toThrow(
      /with reviewers\.principals\.oreshkin\.reviewDays\.mean = -3 is invalid:\n\s+✖ reviewers\.principals\.oreshkin\.reviewDays\.mean:/,
    )
    expect(varyScenario(baseline, PATH, 12).reviewers.principals.oreshkin?.reviewDays).toEqual({
      kind: 'lognormal',
      mean: 12,
      sd: 2,
    })
  })
})

describe('sweep values', () => {
  it('parses ranges, comma lists and single values', () => {
    expect(parseValues('5..40:5')).toEqual([5, 10, 15, 20, 25, 30, 35, 40])
    expect(parseValues('1..3')).toEqual([1, 2, 3])
    expect(parseValues('0.1..0.5:0.1')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5])
    expect(parseValues('5..12:5')).toEqual([5, 10])
    expect(parseValues('5,10,20')).toEqual([5, 10, 20])
    expect(parseValues('fifo,lifo')).toEqual(['fifo', 'lifo'])
    expect(parseValues('7')).toEqual([7])
    expect(() => parseValues('40..5:5')).toThrow(/a ≤ b/)
    expect(() => parseValues('5..40:0')).toThrow(/step > 0/)
    expect(() => parseValues('5,,10')).toThrow(/empty item/)
    expect(() => parseValues('1..100000')).toThrow(/at most/)
  })

  it('splits --vary at the first "=" outside brackets', () => {
    expect(parseVary('mix[objective=export].weight=1,2')).toEqual({
      path: 'mix[objective=export].weight',
      values: [1, 2],
    })
    expect(() => parseVary('no-values')).toThrow(/path=values/)
  })
})

describe('sweep', () => {
  // Short horizon, few replications: fast, and still far apart.
  const short = { ...baseline, horizonDays: 240, warmupDays: 30 }

  it('approval time grows with the co-chair’s review time (common random numbers)', async () => {
    const result = await sweep(twoKeys, short, {
      path: 'principals.oreshkin.reviewDays.mean',
      values: [0.5, 3, 8],
      replications: 4,
      seed: 3,
      workers: 1,
    })
    expect(result.principal).toBe('oreshkin')
    expect(result.metricNames).toContain('utilisation.oreshkin')
    const mean = (i: number) => result.points[i]!.metrics.find((m) => m.name === 'approvalDays.mean')!.mean
    const util = (i: number) => result.points[i]!.metrics.find((m) => m.name === 'utilisation.oreshkin')!.mean
    expect(mean(1)).toBeGreaterThan(mean(0))
    expect(mean(2)).toBeGreaterThan(mean(1))
    expect(util(2)).toBeGreaterThan(util(0))
    const csv = sweepCsv(result).trim().split('\n')
    expect(csv).toHaveLength(4)
    expect(csv[1]).toMatch(/^principals\.oreshkin\.reviewDays\.mean,0\.5,/)
  })
})

describe('twokeys sweep', () => {
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
  const args = (vary: string) => [
    'node',
    'twokeys',
    'sweep',
    'machines/policies/two-keys.yaml',
    '--scenario',
    'examples/scenarios/baseline.yaml',
    '--vary',
    vary,
    '--replications',
    '2',
    '--workers',
    '1',
  ]

  it('prints one row per value', async () => {
    await main([...args('principals.grigorenko.reviewDays.mean=2,4'), '--json'])
    expect(process.exitCode).toBe(0)
    const result = JSON.parse(out)
    expect(result.points.map((p: { value: number }) => p.value)).toEqual([2, 4])
    expect(result.principal).toBe('grigorenko')
  })

  it('a bad path exits 2 naming the path and what exists there', async () => {
    await main(args('principals.nobody.reviewDays.mean=5..10:5'))
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/principals\.nobody\.reviewDays\.mean/)
    expect(err).toMatch(/oreshkin, grigorenko/)
  })

  it('a value past the scenario bounds exits 2 at once: --vary horizonDays=1e308', async () => {
    await main(args('horizonDays=1e308'))
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/horizonDays = 1e\+308 is invalid:\n\s+✖ horizonDays: .*36500/)
  })

  it('exits 2 when --max-states would cut the compiled table short', async () => {
    await main([...args('principals.grigorenko.reviewDays.mean=2,4'), '--max-states', '50'])
    expect(process.exitCode).toBe(2)
    expect(err).toMatch(/has more than 50 reachable states \(--max-states 50\)/)
  })
})
