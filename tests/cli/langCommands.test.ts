import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { INVARIANT_TEXTS_RU } from '../../src/invariants/invariantTexts.ru.js'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'

const TWO_KEYS = 'machines/policies/two-keys.yaml'
const SINGLE_KEY = 'machines/policies/single-key.yaml'
const SCENARIO = 'examples/scenarios/baseline.yaml'
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => setCliLanguage('en'))

const CYRILLIC = /[А-Яа-яЁё]/
/** Times and digests change from run to run: masked before English is compared with English. */
const steady = (text: string) =>
  text
    .replace(/\d+\.\d+ s\b/g, 'X s')
    .replace(/(digest|голов) [0-9a-f]+/g, '$1 D')
    .replaceAll(dir, 'DIR')

/** The command in both languages: English as pinned before `--lang ru` had words for it, Russian with none of its own in English. */
async function both(args: string[]) {
  const en = await twokeys('--lang', 'en', ...args)
  const ru = await twokeys('--lang', 'ru', ...args)
  expect(ru.code, ru.stderr).toBe(en.code)
  return { en, ru }
}

describe('--lang ru: the human output of verify, simulate, compare, sweep, validate, audit and history', () => {
  const ids = policyIds(TWO_KEYS, SINGLE_KEY)

  it('verify: the frame and every invariant name in Russian; English as before', async () => {
    const { en, ru } = await both(['verify', TWO_KEYS])
    expect(ru.code).toBe(0)
    // English, as README's verify section and tests/verify pin it.
    expect(steady(en.stdout)).toContain('policy "two-keys": 65 states, 458 transitions, explored in X s')
    expect(en.stdout).toContain(
      '  the federal, regional and export initiatives share their review: states before approval that differ only by which one it is count once\n',
    )
    expect(ru.stdout).toContain('  федеральная, региональная и экспортная инициативы рассматриваются вместе')
    expect(en.stdout).toContain('✓ TK1 dual-key\n✓ TK2 distinct\n')
    expect(en.stdout).toContain('every invariant that applies holds (TK7 only vacuously)')
    expect(ru.stdout).toMatch(
      /^политика «two-keys»: 65 состояний, 458 переходов, обход полный за \d+,\d\d с$/m,
    )
    for (const [id, { name }] of Object.entries(INVARIANT_TEXTS_RU)) {
      if (id !== 'TK13') expect(ru.stdout).toContain(`✓ ${id} ${name}`)
    }
    expect(ru.stdout).toContain(`– TK13 ${INVARIANT_TEXTS_RU.TK13.name} (не применяется: `)
    expect(ru.stdout).toContain('Правила, которые никогда не срабатывают')
    expect(ru.stdout).toContain('все применимые инварианты выполняются (TK7 — только пусто)')
    // The verifier's findings (why a check is vacuous or does not apply, the rules that never
    // bind) are the result's own English; every other line is Russian.
    const own = ru.stdout
      .split('\n')
      .map((l) => l.replace(/\((выполняется пусто|не применяется): .*\)$/, '').replace(/^⚠ \S+: .*$/, ''))
      .join('\n')
    expect(latinWords(own, ids)).toEqual([])
  })

  it('verify: a violation names its invariant and statement in Russian, its steps by day', async () => {
    const { en, ru } = await both(['verify', '--bug', 'distinct-by-principal-only'])
    expect(ru.code).toBe(1)
    expect(en.stdout).toContain(
      '✗ TK2 distinct: no principal, and no institution, counts toward two keys of one revision\n    1. day 0 — minzifry proposes',
    )
    expect(en.stdout).toMatch(/\n1 invariant violated\n$/)
    expect(ru.stdout).toContain(
      `✗ TK2 ${INVARIANT_TEXTS_RU.TK2.name}: ${INVARIANT_TEXTS_RU.TK2.statement}\n    1. день 0 — minzifry вносит`,
    )
    expect(ru.stdout).toContain('политика «two-keys» с ошибкой «distinct-by-principal-only»')
    expect(ru.stdout).toMatch(/\nнарушено: 1 инвариант\n$/)
  })

  it('simulate and compare: every row, header and note in Russian, the numbers the same', async () => {
    const run = ['--scenario', SCENARIO, '--replications', '2', '--workers', '1']
    const sim = await both(['simulate', TWO_KEYS, ...run])
    expect(sim.en.stdout).toContain('Simulation of "baseline" under policy "two-keys"')
    expect(sim.en.stdout).toMatch(/^submission → both keys turned & routed \(p50\) +\S+ \[/m)
    expect(sim.ru.stdout).toContain('Моделирование «baseline» по политике «two-keys»')
    expect(sim.ru.stdout).toMatch(/^подача → оба ключа повёрнуты и направлена \(p50\) +\S+ \[/m)
    // The policy's Russian key label names the bottleneck.
    expect(sim.ru.stdout).toMatch(
      /^Узкое место: ключ «(Администрация Президента|Аппарат Правительства)» поворачивают последним/m,
    )
    expect(latinWords(sim.ru.stdout, ids)).toEqual([])
    // The same estimates, row for row.
    const numbers = (text: string) => text.match(/-?\d+\.\d+%?/g)
    expect(numbers(sim.ru.stdout.replace(/\d+,\d+ с/, ''))).toEqual(numbers(steady(sim.en.stdout)))

    const cmp = await both(['compare', TWO_KEYS, SINGLE_KEY, ...run])
    expect(cmp.en.stdout).toContain('Comparison on "baseline": A = "two-keys", B = "single-key"')
    expect(cmp.ru.stdout).toContain('Сравнение на «baseline»: A = «two-keys», B = «single-key»')
    expect(cmp.ru.stdout).toContain('* интервал не содержит 0')
    expect(latinWords(cmp.ru.stdout, ids)).toEqual([])
    expect(numbers(cmp.ru.stdout)).toEqual(numbers(cmp.en.stdout))
  })

  it('sweep: the header, columns and note in Russian, key columns by their Russian labels', async () => {
    const { en, ru } = await both([
      'sweep',
      TWO_KEYS,
      '--scenario',
      SCENARIO,
      '--replications',
      '2',
      '--workers',
      '1',
      '--vary',
      'principals.oreshkin.reviewDays.mean=5,10',
    ])
    expect(en.stdout).toContain('value  approval p50 (days)')
    expect(en.stdout).toContain('last: Presidential Administration')
    expect(ru.stdout).toContain(
      'Перебор principals.oreshkin.reviewDays.mean на «baseline» по политике «two-keys»',
    )
    expect(ru.stdout).toContain('последний: Администрация Президента')
    const ownWords = ru.stdout.replace('principals.oreshkin.reviewDays.mean', '')
    expect(latinWords(ownWords, ids)).toEqual([])
  })

  it('validate: a valid policy, an unreadable file and an issue framed in Russian; the message and --json stay', async () => {
    const bad = 'tests/fixtures/policies/bad/deputies-without-max-days.yaml'
    const { en, ru } = await both(['validate', TWO_KEYS, join(dir, 'missing.yaml'), bad])
    expect(ru.code).toBe(2)
    expect(en.stdout).toMatch(
      /^✓ machines\/policies\/two-keys.yaml: policy "two-keys" \(2 keys, 10 principals\) · hash [0-9a-f]{12}$/m,
    )
    expect(ru.stdout).toMatch(
      /^✓ machines\/policies\/two-keys.yaml: политика «two-keys» \(2 ключа, 10 участников\) · хеш [0-9a-f]{12}$/m,
    )
    expect(en.stderr).toContain(`✖ cannot read "${join(dir, 'missing.yaml')}" (no such file); check the path`)
    expect(ru.stderr).toContain(
      `✖ не удаётся прочитать «${join(dir, 'missing.yaml')}» (нет такого файла); проверьте путь`,
    )
    expect(en.stderr).toContain(`  → at ${bad}:34:15`)
    expect(ru.stderr).toContain(`  → в ${bad}:34:15`)
    // The validator's message is worded in Russian from its phrase; --json is the same in both languages.
    expect(en.stderr).toContain(
      '✖ keys[0].deputies.maxDays: key "presidential-administration" allows deputies',
    )
    expect(ru.stderr).toContain(
      '✖ keys[0].deputies.maxDays: ключ «presidential-administration» допускает заместителей, но не задаёт `maxDays`',
    )
    const json = await both(['validate', TWO_KEYS, join(dir, 'missing.yaml'), '--json'])
    expect(json.ru.stdout).toBe(json.en.stdout)
  })

  it('audit verify, export, import and history: Russian for people, the same checks and --json', async () => {
    const db = join(dir, 'run.db')
    const run = await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', db)
    expect(run.code, run.stderr).toBe(0)

    const verify = await both(['audit', 'verify', '--db', db])
    expect(verify.en.stdout).toContain('✓ 19 events in 3 initiatives: every hash and link checks out')
    expect(verify.en.stdout).toContain(
      '  rules: 19 ✓ · pinned policies: 1 ✓ · snapshots: 0 ✓ · security log: 5 ✓',
    )
    expect(verify.ru.stdout).toContain('✓ 19 событий в 3 инициативах: все хеши и связи сходятся')
    expect(verify.ru.stdout).toContain(
      '  правила: 19 ✓ · закреплённые политики: 1 ✓ · снимки: 0 ✓ · журнал безопасности: 5 ✓',
    )
    expect(latinWords(verify.ru.stdout, ['sqlite'])).toEqual([])

    const file = join(dir, 'audit.jsonl')
    const exported = await both(['audit', 'export', '--db', db, '--out', file])
    expect(exported.en.stderr).toBe(`✓ exported 19 events from ${db} to ${file}\n`)
    expect(exported.ru.stderr).toBe(`✓ выгружено: 19 событий из ${db} в ${file}\n`)

    const fromFile = await both(['audit', 'verify', file])
    expect(steady(fromFile.ru.stdout)).toBe(
      '✓ 19 событий в 3 инициативах: все хеши и связи сходятся\n  дайджест голов D; сохраните вывод `--json`, чтобы потом проверить, что ничего не отрезано (--heads)\n',
    )
    const json = await both(['audit', 'verify', file, '--json'])
    expect(json.ru.stdout).toBe(json.en.stdout)

    const imported = await both(['audit', 'import', file, '--db', join(dir, 'copy.db'), '--policy', TWO_KEYS])
    expect(imported.en.stdout).toMatch(
      /^✓ 19 verified events of 3 initiatives; 19 added to .*, 0 already there$/m,
    )
    // The second import (in Russian) finds every event already there.
    expect(imported.ru.stdout).toMatch(
      /^✓ проверено: 19 событий из 3 инициатив; добавлено в .*: 0, уже были: 19$/m,
    )
    expect(latinWords(imported.ru.stdout)).toEqual([])

    const history = await both(['history', 'kazan-datacentre', '--db', db])
    expect(history.en.stdout).toContain('initiative "kazan-datacentre" · 5 events · hash chain ✓ · rules ✓')
    expect(history.en.stdout).toContain('DECIDE      oreshkin         approve presidential-administration')
    expect(history.ru.stdout).toContain(
      'инициатива «kazan-datacentre» · 5 событий · цепочка хешей ✓ · правила ✓',
    )
    expect(history.ru.stdout).toContain(
      'DECIDE      oreshkin         одобрение по ключу presidential-administration',
    )
    expect(history.ru.stdout).toContain('RESPOND     gov-tatarstan    tatarstan: внедрение принято')
    // A proposal's detail is its title, objective and scope kind, as recorded.
    expect(latinWords(history.ru.stdout, [...ids, 'seq', 'regional'])).toEqual([])
    expect(CYRILLIC.test(history.en.stdout)).toBe(false)
  })

  it('the operator commands: taken, refused, ticked and explained in Russian', async () => {
    const on = ['--db', join(dir, 'operator.db'), '--policy', TWO_KEYS]
    const proposed = await twokeys(
      '--lang',
      'ru',
      'propose',
      ...on,
      '--by',
      'minzifry',
      '--id',
      'gpu',
      '--title',
      'GPU cluster',
      '--objective',
      'infrastructure',
      '--scope',
      'federal',
    )
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.stdout).toContain('✓ propose принята: gpu, событие 1')
    const decide = [
      'decide',
      'gpu',
      ...on,
      '--by',
      'minzifry',
      '--key-id',
      'presidential-administration',
      '--decision',
      'approve',
    ]
    const refused = await both(decide)
    expect(refused.en.code).toBe(1)
    expect(refused.en.stdout).toMatch(
      /^✖ decide refused \(REFUSED\): decide by "minzifry" refused: the initiative is a draft/m,
    )
    expect(refused.ru.stdout).toMatch(/^✖ decide: отказано \(REFUSED\)$/m)
    expect(refused.ru.stdout).toMatch(/^ {2}· .*[А-Яа-яЁё]/m)
    const tick = await both(['tick', ...on])
    expect(tick.en.stdout).toBe('no deadline had passed\n')
    expect(tick.ru.stdout).toBe('ни один срок не наступил\n')
    const explain = await both(['explain', 'submit', 'gpu', ...on, '--by', 'minzifry'])
    expect(explain.en.stdout).toMatch(/^✓ would be accepted$/m)
    expect(explain.ru.stdout).toMatch(/^✓ была бы принята$/m)
    expect(
      latinWords(`${proposed.stdout}${refused.ru.stdout}${explain.ru.stdout}`, [
        ...ids,
        'GPU cluster',
        'gpu',
        'propose',
        'decide',
      ]),
    ).toEqual([])
  })
})
