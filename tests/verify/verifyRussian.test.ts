import { stripVTControlCharacters } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { CHECK_WORDS, type CheckPhrase, checkPhrase, sayCheck } from '../../machines/checkPhrases.js'
import { PHASE_NAMES_RU } from '../../machines/phaseNames.ru.js'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { RUSSIAN_VERIFY_WORDS } from '../../src/cli/verifyWords.ru.js'
import { CHECK_WORDS_RU } from '../../src/verify/checkWords.ru.js'
import { formatVerifyResult } from '../../src/verify/formatVerifyResult.js'
import { latinWords, policyIds } from '../cli/latinWords.js'
import { twokeys } from '../support/runCli.js'

const SEED_ONE_KEY = 'examples/policies/seed-one-key.yaml'
const TWO_KEYS = 'machines/policies/two-keys.yaml'
const SINGLE_KEY = 'machines/policies/single-key.yaml'
afterEach(() => setCliLanguage('en'))
/** Ids that stay in every language beside the policy's: a phase's id after its Russian name, a rule's policy path. */
const KEPT = [
  ...Object.keys(PHASE_NAMES_RU),
  'approvals',
  'lifetimeDays',
  'keys',
  'veto',
  'deputies',
  'routing',
  'amendments',
  'substantive',
]
const ids = (...files: string[]) => [...policyIds(...files), ...KEPT]

/** Every phrase in a parsed `--json` result, wherever it sits. */
function phrasesIn(value: unknown, out: CheckPhrase[] = []): CheckPhrase[] {
  if (Array.isArray(value)) for (const v of value) phrasesIn(v, out)
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>
    if (typeof o.key === 'string' && o.params !== undefined && o.key in CHECK_WORDS)
      out.push(o as unknown as CheckPhrase)
    else for (const v of Object.values(o)) phrasesIn(v, out)
  }
  return out
}

describe('--lang ru verify: what the checker found, in Russian', () => {
  it('seed-one-key: the TK10 dead end, its steps, the rules that never bind and the warnings say no English of their own', async () => {
    const en = await twokeys('verify', SEED_ONE_KEY)
    const ru = await twokeys('--lang', 'ru', 'verify', SEED_ONE_KEY)
    expect(ru.code).toBe(1)
    expect(en.code).toBe(1)
    // English as README pins it.
    expect(en.stdout).toContain(
      '    1. day 0 — minzifry proposes a regional infrastructure initiative for tatarstan and novosibirsk\n',
    )
    expect(en.stdout).toContain(
      '    → the initiative is stuck in "regionalRollout": no final state (completed, withdrawn, lapsed) can be reached from here\n      it takes no command at all\n',
    )
    expect(ru.stdout).toContain(
      '    1. день 0 — minzifry вносит региональную инициативу (infrastructure) для tatarstan и novosibirsk\n',
    )
    expect(ru.stdout).toContain('→ инициатива застряла в «региональное внедрение» (regionalRollout)')
    expect(ru.stdout).toContain('губернатор gov-tatarstan принимает внедрение в регионе tatarstan')
    expect(latinWords(ru.stdout, ids(SEED_ONE_KEY))).toEqual([])
  })

  it('two-keys: why TK7 is vacuous, why TK13 does not apply and the idle vetoes, in Russian', async () => {
    const ru = await twokeys('--lang', 'ru', 'verify', TWO_KEYS)
    expect(ru.code).toBe(0)
    expect(ru.stdout).toContain('(не применяется: ни один ключ не задаёт охват)')
    expect(ru.stdout).toContain('при кворуме 1 из 1 держателя')
    expect(latinWords(ru.stdout, ids(TWO_KEYS))).toEqual([])
  })

  it('a --bug machine: the violation, its counterexample and the TICK steps in Russian; --json carries the phrases, each worded as its English', async () => {
    const ru = await twokeys('--lang', 'ru', 'verify', '--bug', 'plenary-approves')
    expect(ru.code).toBe(1)
    expect(ru.stdout).toContain('    3. день 30 — проходит время: срок рассмотрения истекает\n')
    expect(ru.stdout).toContain(
      '    → редакция 1 одобрена, хотя ключ «presidential-administration» не повёрнут: его одобрили 0 из 1',
    )
    expect(latinWords(ru.stdout, ids(TWO_KEYS))).toEqual([])
    const json = await twokeys('verify', '--bug', 'plenary-approves', '--json')
    const result = JSON.parse(json.stdout)
    const tk1 = result.invariants.find((i: { id: string }) => i.id === 'TK1')
    // The English text is what the catalogue says for the phrase beside it.
    expect(tk1.counterexample.violation).toBe(sayCheck(tk1.counterexample.violationPhrase))
    for (const step of tk1.counterexample.steps) expect(step.text).toBe(sayCheck(step.phrase))
    const phrases = phrasesIn(result)
    expect(phrases.length).toBeGreaterThan(10)
    for (const p of phrases) expect(latinWords(sayCheck(p, CHECK_WORDS_RU), ids(TWO_KEYS))).toEqual([])
  })
})

/** The English of every finding in a `--json` result that carries a phrase, beside what its phrase says. */
function englishBesidePhrases(result: {
  invariants: { counterexample?: { violation: string; violationPhrase?: CheckPhrase } }[]
  holes: {
    title: string
    titlePhrase?: CheckPhrase
    counterexample: {
      violation: string
      violationPhrase?: CheckPhrase
      notes: string[]
      notePhrases?: CheckPhrase[]
    }
  }[]
  partial: string | null
  partialPhrase?: CheckPhrase
}): [string, string][] {
  const pairs: [string, string | undefined][] = []
  const said = (p: CheckPhrase | undefined) => (p === undefined ? undefined : sayCheck(p))
  for (const inv of result.invariants) {
    const c = inv.counterexample
    if (c !== undefined) pairs.push([c.violation, said(c.violationPhrase)])
  }
  for (const hole of result.holes) {
    pairs.push([hole.title, said(hole.titlePhrase)])
    pairs.push([hole.counterexample.violation, said(hole.counterexample.violationPhrase)])
    hole.counterexample.notes.forEach((note, i) => {
      pairs.push([note, said(hole.counterexample.notePhrases?.[i])])
    })
  }
  if (result.partial !== null) pairs.push([result.partial, said(result.partialPhrase)])
  return pairs.map(([english, fromPhrase]) => [english, fromPhrase ?? '(no phrase)'])
}

describe('--lang ru verify: every invariant, hole and stop in Russian', () => {
  // The bug machines run on two-keys; some of their stories name ids of their own.
  const BUG_IDS = [...ids(TWO_KEYS), 'liaison-office', 'unfriendly-land']
  const BROKEN: [string, string][] = [
    ['distinct-by-principal-only', 'TK2'],
    ['stale-approval-counts', 'TK5'],
    ['deputy-ignores-window', 'TK6'],
    ['delegation-too-long', 'TK6'],
    ['approvals-never-expire', 'TK7'],
    ['unfriendly-export', 'TK9'],
    ['any-governor-answers', 'TK9'],
    ['first-key-first', 'TK11'],
  ]
  it.each(BROKEN)('--bug %s: the %s violation and its story say no English of their own', async (bug, id) => {
    // One run (approvals-never-expire explores for seconds): the --json result, printed as `--lang ru` prints it.
    const json = await twokeys('verify', '--bug', bug, '--json')
    expect(json.code).toBe(1)
    const result = JSON.parse(json.stdout)
    const ru = stripVTControlCharacters(formatVerifyResult(result, RUSSIAN_VERIFY_WORDS))
    expect(ru).toContain(`✗ ${id} `)
    expect(latinWords(ru, BUG_IDS)).toEqual([])
    const violated = result.invariants.find((i: { id: string }) => i.id === id)
    expect(violated.status).toBe('violated')
    expect(violated.counterexample.violationPhrase).toBeDefined()
    for (const [english, fromPhrase] of englishBesidePhrases(result)) expect(fromPhrase).toBe(english)
  })

  it('holes: a proposal nobody can make, one never approved and an approval that moves track, in Russian', async () => {
    const fixtures = [
      'tests/fixtures/bugs/routing-gap.yaml',
      'tests/fixtures/bugs/sponsor-is-sole-holder.yaml',
      'tests/fixtures/bugs/amendment-reroutes.yaml',
    ]
    const outs: string[] = []
    for (const file of fixtures) {
      const ru = await twokeys('--lang', 'ru', 'verify', file)
      expect(ru.code).toBe(1)
      expect(ru.stdout).toContain('Пробелы в политике\n✗ ')
      expect(latinWords(ru.stdout, ids(file))).toEqual([])
      outs.push(ru.stdout)
      const result = JSON.parse((await twokeys('verify', file, '--json')).stdout)
      expect(result.holes.length).toBeGreaterThan(0)
      for (const [english, fromPhrase] of englishBesidePhrases(result)) expect(fromPhrase).toBe(english)
    }
    // The refusal reasons come from the rules' Russian catalogue.
    expect(outs[1]).toContain('— инициатор этой инициативы и не может поворачивать по ней ключ (TK3)')
    expect(outs[2]).toContain('✗ инициативу, одобренную как федеральную, можно исправить на экспортную')
  })

  it('a search stopped at --max-states: why there is no verdict, in Russian; its English is its phrase', async () => {
    const ru = await twokeys('--lang', 'ru', 'verify', TWO_KEYS, '--max-states', '50')
    expect(ru.code).toBe(1)
    expect(ru.stdout).toContain('✗ обход остановлен на пределе --max-states (50): раскрыто ')
    expect(latinWords(ru.stdout, ids(TWO_KEYS))).toEqual([])
    const result = JSON.parse((await twokeys('verify', TWO_KEYS, '--max-states', '50', '--json')).stdout)
    expect(result.partial).toMatch(
      /^the exploration stopped at the limit of 50 states \(--max-states\) after expanding \d+ of 5[1-3] states seen; raise --max-states/,
    )
    expect(englishBesidePhrases(result)).toEqual([[result.partial, result.partial]])
  })

  it('TK12 and TK13 (no catalogued bug breaks them): their phrases word the English the invariants pin, and Russian', () => {
    const cases: [CheckPhrase, string][] = [
      [
        checkPhrase('tk12.differs', { events: 3, at: '$.context.now' }),
        'folding the 3 accepted events does not reproduce the snapshot: they differ at $.context.now',
      ],
      [
        checkPhrase('tk13.outOfReach', { by: 'gov-tatarstan', role: 'governor', reach: ['ministry'] }),
        '"gov-tatarstan" answered as a governor, but no key that approved the initiative brings a governor in (their reach: "ministry")',
      ],
      [
        checkPhrase('tk13.outOfReach', { by: 'minzifry', role: 'ministry', reach: [] }),
        '"minzifry" answered as a ministry, but no key that approved the initiative brings a ministry in (their reach: none)',
      ],
      [
        checkPhrase('tk13.notRole', { by: 'oreshkin', role: 'governor' }),
        '"oreshkin" answered as a governor but is not one in the policy',
      ],
      [
        checkPhrase('partial.violation', { expanded: 1200, states: 3400 }),
        'the exploration stopped at the first violation (stopAtFirstViolation) after expanding 1,200 of 3,400 states seen; run without it for a verdict on every invariant',
      ],
    ]
    for (const [phrase, english] of cases) {
      expect(sayCheck(phrase)).toBe(english)
      expect(latinWords(sayCheck(phrase, CHECK_WORDS_RU))).toEqual([])
    }
    expect(sayCheck(cases[1]![0], CHECK_WORDS_RU)).toBe(
      '«gov-tatarstan» ответил как губернатор, но ни один ключ, одобривший инициативу, не включает губернаторов (их охват: министерство)',
    )
  })
})

describe('--lang ru: the step lines of query and diff', () => {
  it('query: a shortest story told in Russian, its days too', async () => {
    const en = await twokeys('query', TWO_KEYS, 'phase = plenary')
    const ru = await twokeys('--lang', 'ru', 'query', TWO_KEYS, 'phase = plenary')
    expect(ru.code).toBe(en.code)
    expect(en.stdout).toContain('day 30 — time passes: the review window closes')
    expect(ru.stdout).toContain('день 30 — проходит время: срок рассмотрения истекает')
    const steps = ru.stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l))
    expect(steps.length).toBeGreaterThan(0)
    expect(latinWords(steps.join('\n'), ids(TWO_KEYS))).toEqual([])
  })

  it("diff: a story's steps in Russian", async () => {
    const ru = await twokeys('--lang', 'ru', 'diff', TWO_KEYS, SINGLE_KEY, '--stories', '1')
    expect(ru.stdout).toContain('  2. minzifry подаёт на рассмотрение')
    expect(ru.stdout).toContain('  3. oreshkin одобряет по ключу presidential-administration')
    const steps = ru.stdout.split('\n').filter((l) => /^\s+\d+\. /.test(l))
    expect(latinWords(steps.join('\n'), ids(TWO_KEYS, SINGLE_KEY))).toEqual([])
  })
})
