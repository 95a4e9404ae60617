import { afterEach, describe, expect, it } from 'vitest'
import { CHECK_WORDS, type CheckPhrase, sayCheck } from '../../machines/checkPhrases.js'
import { PHASE_NAMES_RU } from '../../machines/phaseNames.ru.js'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { CHECK_WORDS_RU } from '../../src/verify/checkWords.ru.js'
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
