import { describe, expect, it } from 'vitest'
import { ANALYZE_MESSAGES } from '../../src/analyze/analyzeMessages.js'
import { ANALYZE_MESSAGES_RU } from '../../src/analyze/analyzeMessages.ru.js'
import { analyzeExact } from '../../src/analyze/exact/analyzeExact.js'
import { memoryReached } from '../../src/explore/limitReached.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScenarioFile } from '../../src/simulate/loadScenario.js'
import { SEARCH_MESSAGES_RU } from '../../src/verify/searchMessages.ru.js'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'

// The analyses' rarer limits under --lang ru: worded from their phrase, no English lead.
const DEPUTIES = 'tests/fixtures/policies/analyze-power-deputies.yaml'
const TINY_B = 'tests/fixtures/policies/analyze-diff-tiny-b.yaml'
const CYRILLIC = /[А-Яа-яЁё]/
const ids = [
  ...policyIds(DEPUTIES, TINY_B, 'machines/policies/council.yaml'),
  'twokeys',
  'API',
  'MB',
  'max-old-space-size',
]

/** Russian with Cyrillic words, no Latin word of its own, and not the English lead. */
function expectRussian(ru: string, en: string) {
  expect(ru).toMatch(CYRILLIC)
  expect(latinWords(ru, ids)).toEqual([])
  const lead = (en.split('\n')[0] ?? '')
    .replace(/\S*[/\\]\S*|"[^"]*"/g, ' ')
    .match(/[A-Za-z]+ [A-Za-z]+/)?.[0]
  expect(lead).toBeDefined()
  expect(ru.replace(/«[^»]*»/g, ' ')).not.toContain(lead)
}

/** The command in both languages: the same exit code 2, the English as `english` says. */
async function saysInRussian(args: string[], english: string | RegExp) {
  const en = await twokeys('--lang', 'en', ...args)
  const ru = await twokeys('--lang', 'ru', ...args)
  expect(en.code, en.stderr).toBe(2)
  expect(ru.code).toBe(2)
  if (typeof english === 'string') expect(en.stderr).toContain(english)
  else expect(en.stderr).toMatch(english)
  expect(ru.stderr).toMatch(/^✖ /)
  expectRussian(ru.stderr, en.stderr)
  return ru.stderr
}

describe('the analyses stopped at a limit, under --lang ru', () => {
  it("power: the play where everyone acts, a coalition's play, the search by sizes", async () => {
    await saysInRussian(
      ['power', DEPUTIES, '--max-states', '4'],
      /stopped: the play where everyone acts has more than 4 states; raise --max-states/,
    )
    await saysInRussian(
      ['power', DEPUTIES, '--method', 'levels', '--max-states', '4'],
      /stopped: the play of \{.*\} passed 4 states before approval was reached or ruled out/,
    )
    await saysInRussian(
      ['power', DEPUTIES, '--method', 'levels', '--max-coalitions', '1'],
      'played 1 coalitions (--max-coalitions) before every minimal winning coalition was certain',
    )
  })

  it('diff: a search cut short gives no verdict', async () => {
    const ru = await saysInRussian(
      ['diff', TINY_B, TINY_B, '--max-states', '2'],
      'stopped at the limit of 2 pair states (--max-states) after expanding',
    )
    expect(ru).toContain('вердикта нет')
  })
})

describe('the limits only the API reaches, in both languages', () => {
  const policy = loadPolicyFile('machines/policies/two-keys.yaml')
  const scenario = loadScenarioFile('examples/scenarios/exact.yaml')
  const thrown = (f: () => unknown) => {
    try {
      f()
    } catch (error) {
      return error as { message: string; said?: { key: string; params: never } }
    }
    throw new Error('nothing thrown')
  }

  it("analyzeExact's epsilon and CDF days: the English as before, the phrase in Russian", () => {
    const cases: [() => unknown, string][] = [
      [
        () => analyzeExact(policy, scenario, { epsilon: 0.01 }),
        'epsilon 0.01 must be above 0 and below 0.001',
      ],
      [() => analyzeExact(policy, scenario, { at: [-1] }), 'CDF day -1 must be a number of days, 0 or more'],
    ]
    for (const [f, english] of cases) {
      const error = thrown(f)
      expect(error.message).toBe(english)
      const said = error.said as { key: keyof typeof ANALYZE_MESSAGES; params: never }
      expectRussian(ANALYZE_MESSAGES_RU[said.key](said.params), english)
    }
  })

  it('every rarer limit has Russian words of its own, the English unchanged', () => {
    const params = {
      'exact.uniformization': { max: 1_000_000, rate: '2.500e+6' },
      'exact.notConverged': { max: 100_000, change: 1e-9 },
      'diff.incomplete': {
        a: 'a',
        b: 'b',
        by: 'memory',
        expanded: 1200,
        pairs: 3400,
        memoryMB: 512,
        maxStates: 200_000,
        defaultMaxStates: 200_000,
      },
      'replay.cannotRejudge': { initiative: 'i-1', problem: undefined },
    } as const
    expect(ANALYZE_MESSAGES['exact.uniformization'](params['exact.uniformization'])).toBe(
      'uniformization needs more than 1,000,000 steps (Λt = 2.500e+6): the fastest clock is too fast for the deadline; slow the fastest reviewer or shorten the window',
    )
    expect(ANALYZE_MESSAGES['diff.incomplete'](params['diff.incomplete'])).toBe(
      'the diff of "a" and "b" filled the memory bound of 512 MB after expanding 1,200 of 3,400 pair states seen; give it more memory (node --max-old-space-size=<MB>, maxHeapBytes in the API): no verdict, the policies may still differ',
    )
    expect(ANALYZE_MESSAGES['replay.cannotRejudge'](params['replay.cannotRejudge'])).toBe(
      'initiative "i-1" cannot be re-judged: its policy is missing; run `twokeys audit verify`',
    )
    for (const [key, p] of Object.entries(params) as [keyof typeof params, never][]) {
      expectRussian(ANALYZE_MESSAGES_RU[key](p), ANALYZE_MESSAGES[key](p))
    }
    const asked = { ...params['diff.incomplete'], by: 'asked' } as const
    expectRussian(ANALYZE_MESSAGES_RU['diff.incomplete'](asked), ANALYZE_MESSAGES['diff.incomplete'](asked))
  })
})

describe('a state or memory limit, under --lang ru', () => {
  const COUNCIL = 'machines/policies/council.yaml'
  const simulate = [
    'simulate',
    COUNCIL,
    '--scenario',
    'examples/scenarios/baseline.yaml',
    '--max-states',
    '30',
  ]

  it.each([
    ['a table grown on demand', simulate],
    ['the whole table', [...simulate, '--whole-table']],
  ])('a simulation past --max-states, %s: LIMIT_REACHED in Russian', async (_, args) => {
    const ru = await saysInRussian(
      args,
      'policy "council" has more than 30 reachable states (--max-states 30): a table cut short would refuse every command in the states it never expanded; raise --max-states (maxStates in the API; default 200,000)',
    )
    // toLocaleString('ru') groups digits with a no-break space.
    expect(ru.replace(/\u00a0/g, ' ')).toContain(
      '✖ у политики «council» больше 30 достижимых состояний (--max-states 30): недостроенная таблица отказала бы любой команде в состояниях, которые не раскрыты; увеличьте --max-states (`maxStates` в API; по умолчанию 200 000)',
    )
  })

  it('a search that filled its memory bound: the same phrase in both languages', () => {
    const error = memoryReached('council', 2 ** 30)
    expect(error.code).toBe('LIMIT_REACHED')
    expect(error.message).toBe(
      'policy "council" filled the memory bound of 1,024 MB before its search ended: give the search more memory (--max-memory <MB>, maxHeapBytes in the API; by default 85 % of the heap, which `node --max-old-space-size=<MB>` raises) or make the policy smaller',
    )
    expect(error.said?.key).toBe('limit.memory')
    const ru = SEARCH_MESSAGES_RU['limit.memory'](
      error.said?.params as { policy: string; maxHeapBytes: number },
    )
    expect(ru).toMatch(
      /^политика «council» заполнила предел памяти в 1\s024 МБ раньше, чем поиск закончился: /,
    )
    expectRussian(ru, error.message)
  })
})
