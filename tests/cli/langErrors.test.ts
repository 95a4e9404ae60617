import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { SAID_TABLES } from '../../src/cli/saidMessages.js'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'
import { scratchFiles } from './scratchFiles.js'

// Errors made below the CLI (TwoKeysError.said) under --lang ru: worded from their phrase, no
// English lead; a text from outside twokeys (a parser's, zod's) may stay inside «…».
const POLICY = 'machines/policies/two-keys.yaml'
const CYRILLIC = /[А-Яа-яЁё]/
// The program's name and the verifier-key format's stay as they are in every language.
const ids = [...policyIds(POLICY), 'twokeys', 'vkey']
const { at } = scratchFiles('twokeys-lang-errors-')
afterEach(() => setCliLanguage('en'))

/** A copy of the exact scenario whose arrivals are the dates of `csv` (beside it). */
const withArrivals = (csv: string) =>
  at(
    `with-${csv}.yaml`,
    readFileSync('examples/scenarios/exact.yaml', 'utf8').replace(
      /^arrivals: .*$/m,
      `arrivals: { kind: csv, file: ${csv} }`,
    ),
  )

/**
 * The command in both languages: the same exit code; the English as `english` says (unchanged);
 * the Russian with Cyrillic words, no Latin word of its own and not the English lead.
 */
async function saysInRussian(args: string[], english: string | RegExp, allowed: string[] = []) {
  const en = await twokeys('--lang', 'en', ...args)
  const ru = await twokeys('--lang', 'ru', ...args)
  expect(ru.code, ru.stderr).toBe(en.code)
  expect(en.code).not.toBe(0)
  if (typeof english === 'string') expect(en.stderr).toContain(english)
  else expect(en.stderr).toMatch(english)
  expect(ru.stderr).toMatch(/^✖ /)
  expect(ru.stderr).toMatch(CYRILLIC)
  expect(latinWords(ru.stderr, [...ids, ...allowed])).toEqual([])
  // The English lead: its first two words in a row (paths and quotes aside).
  const first = (en.stderr.split('\n')[0] ?? '').replace(/\S*[/\\]\S*|"[^"]*"/g, ' ')
  const lead = first.match(/[A-Za-z]+ [A-Za-z]+/)?.[0]
  expect(lead).toBeDefined()
  expect(ru.stderr.replace(/«[^»]*»/g, ' ')).not.toContain(lead)
  return ru.stderr
}

describe('the tables of phrased errors', () => {
  it('each key is in one table only, and each Russian table has every English key', () => {
    const keys = SAID_TABLES.flatMap((t) => Object.keys(t.en))
    expect(new Set(keys).size).toBe(keys.length)
    for (const { en, ru } of SAID_TABLES) expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort())
  })
})

describe('documents a command loads, under --lang ru', () => {
  it('a script, a scenario or an arrivals file that cannot be read', async () => {
    await saysInRussian(['run', at('none.yaml')], /cannot read script file ".*none\.yaml": check the path/)
    await saysInRussian(
      ['simulate', POLICY, '--scenario', at('none.yaml')],
      /cannot read scenario file ".*none\.yaml": check the path/,
    )
    await saysInRussian(
      ['simulate', POLICY, '--scenario', withArrivals('none.csv')],
      /cannot read arrivals file ".*none\.csv" named by /,
    )
  })

  it('a broken YAML or an invalid script: the lead and every issue in Russian, the parser quoted', async () => {
    const broken = at('broken.yaml', 'name: x\nsteps: [1\n')
    const said = await saysInRussian(['run', broken], `script ${broken} is invalid:\n✖ YAML syntax error:`)
    expect(said).toMatch(/«Flow sequence/)
    await saysInRussian(['simulate', POLICY, '--scenario', broken], `scenario ${broken} is invalid:`)
    // The paths of the fields stay as they are.
    await saysInRussian(['run', at('odd.yaml', 'a: 1\n')], /missing required field "policy"/, [
      'policy',
      'start',
      'steps',
    ])
  })

  it("zod's rare issues: a kind none of a union's variants has", async () => {
    const scenario = at(
      'no-variant.yaml',
      readFileSync('examples/scenarios/exact.yaml', 'utf8').replace(
        /^arrivals: .*$/m,
        'arrivals: { kind: nope }',
      ),
    )
    const said = await saysInRussian(
      ['simulate', POLICY, '--scenario', scenario],
      "✖ arrivals.kind: Invalid discriminator value. Expected 'poisson'",
      ['arrivals', 'kind'],
    )
    expect(said).toMatch(/✖ arrivals\.kind: поле `kind` — не из допустимых: `poisson`/)
  })

  it('a CSV of arrival dates with a bad date or none', async () => {
    at('bad.csv', 'date\n2026-01-01\nsoon\n')
    at('empty.csv', '\n')
    await saysInRussian(
      ['simulate', POLICY, '--scenario', withArrivals('bad.csv')],
      /:3: "soon" is not a date/,
    )
    await saysInRussian(['simulate', POLICY, '--scenario', withArrivals('empty.csv')], /has no dates/)
  })
})

describe('key files and keyrings, under --lang ru', () => {
  it('a key file that is missing, or not a private key (zod quoted)', async () => {
    const sign = (key: string) => ['keys', 'sign-change', at('c.json', '{}'), '--key', key]
    await saysInRussian(sign(at('none.key.json')), /cannot read key file ".*": it is missing or not JSON/)
    await saysInRussian(sign(at('k.json', '{"x":1}')), /is not a twokeys private key \(kty: /)
  })
})

describe('the witness and the transparency log, under --lang ru', () => {
  it("a witness's key, state and log keys", async () => {
    const logKey = at('log.key')
    expect(
      (await twokeys('log', 'key', 'new', '--origin', 'commission.example/twokeys', '--out', logKey)).code,
    ).toBe(0)
    expect(
      (await twokeys('witness', 'key', 'new', '--name', 'pa.example/w', '--out', at('w.key'))).code,
    ).toBe(0)
    const cosign = (key: string, state: string, vkey: string, ...more: string[]) => [
      ...['witness', 'cosign', '--key', key, '--state', state, '--request', at('none.txt')],
      ...['--log-key', vkey, ...more],
    ]
    const vkey = `${logKey}.vkey`
    await saysInRussian(
      cosign(at('none.key'), at('s.json'), vkey),
      /cannot read the witness key ".*none\.key" \(ENOENT\)/,
    )
    await saysInRussian(cosign(logKey, at('s.json'), vkey), /is a log's signing key \(type 1\)/)
    // A key parser's own problem stays inside «…».
    await saysInRussian(
      cosign(at('w.key'), at('s.json'), 'garbage'),
      /--log-key "garbage": "garbage" is not a verifier key/,
    )
    const missing = await saysInRussian(
      cosign(at('w.key'), at('s.json'), vkey),
      /no witness state at ".*s\.json"/,
    )
    expect(missing).toContain('--init')
    at('bad-state.json', '{')
    await saysInRussian(cosign(at('w.key'), at('bad-state.json'), vkey), /is not JSON\. Restore it/)
    await saysInRussian(
      cosign(at('w.key'), at('bad-state.json'), vkey, '--init'),
      /--init creates a new witness state/,
    )
  })

  it('a log with no checkpoint yet, and an event no proof can reach', async () => {
    const db = at('walk.db')
    expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', db)).code).toBe(0)
    await saysInRussian(
      ['log', 'request', '--db', db, '--old', '0', '--out', at('req.txt')],
      'no checkpoint is published yet; publish one first (twokeys log checkpoint)',
    )
    await saysInRussian(
      ['audit', 'prove', '--db', db, 'federal-ai-registry', '99'],
      'initiative "federal-ai-registry" has no event 99 in this store',
    )
  })
})

describe('the simulator, under --lang ru', () => {
  const SCENARIO = 'examples/scenarios/exact.yaml'
  const sweep = (vary: string) => ['sweep', POLICY, '--scenario', SCENARIO, '--vary', vary]
  // The scenario's field names and paths stay as they are.
  const fields = [
    'reviewers',
    'principals',
    'oreshkin',
    'grigorenko',
    'capacity',
    'discipline',
    'reviewDays',
    'decisions',
  ]

  it('a bad --vary: its range, its path, its value', async () => {
    await saysInRussian(sweep('x=1..0'), 'range "1..0" is not a..b:step with a ≤ b and step > 0')
    await saysInRussian(sweep('nothing'), '--vary "nothing" is not path=values')
    await saysInRussian(
      sweep('reviewers.principals.nobody.capacity=1,2'),
      'path "reviewers.principals.nobody.capacity": "reviewers.principals" has no nobody; it is an object with oreshkin, grigorenko',
      fields,
    )
    await saysInRussian(
      sweep('reviewers.principals.oreshkin=1,2'),
      /leads to an object with capacity/,
      fields,
    )
    await saysInRussian(
      sweep('reviewers.principals.oreshkin.capacity=a,b'),
      'holds the number 1000; "a" is a string',
      fields,
    )
    // The value the schema refused: located and worded as a scenario file's issue is.
    const refused = await saysInRussian(
      sweep('reviewers.principals.oreshkin.capacity=-1,2'),
      /scenario "exact" with .* = -1 is invalid:\n {2}✖ reviewers\.principals\.oreshkin\.capacity: -1 /,
      ['reviewers', 'principals', 'capacity'],
    )
    expect(refused).toMatch(/\n {2}✖ reviewers\.principals\.oreshkin\.capacity: -1 /)
  })

  it('a scenario that does not fit its policy', async () => {
    const scenario = at(
      'unknown-reviewer.yaml',
      readFileSync(SCENARIO, 'utf8').replace(/^ {4}grigorenko:$/m, '    nobody:'),
    )
    await saysInRussian(
      ['simulate', POLICY, '--scenario', scenario],
      /reviewers\.principals names "nobody", who is not in policy/,
      ['reviewers', 'principals'],
    )
  })
})

describe('the analyses, under --lang ru', () => {
  it('an unknown kind, a query that does not parse, a scenario the exact analysis cannot model', async () => {
    await saysInRussian(
      ['power', POLICY, '--kind', 'nope'],
      'policy "two-keys" has no kind of initiative named "nope"; its kinds are "federal", "regional", "export"',
    )
    // The grammar's own problem stays inside «…»; the README's section is named as it is titled.
    await saysInRussian(['query', POLICY, 'phase = = x'], 'query does not parse at character 9', [
      'phase',
      'Queries',
      'over',
      'the',
      'state',
      'space',
    ])
    await saysInRussian(
      ['analyze', POLICY, '--scenario', 'examples/scenarios/baseline.yaml'],
      'reviewers.principals.oreshkin.deputy.delegate is 0.15: the exact analysis does not model deputies',
    )
  })
})

describe('a log that cannot be placed against a checkpoint, under --lang ru', () => {
  it('an exported file with an event removed: why it cannot be placed, in Russian', async () => {
    const ok = async (...args: string[]) => {
      const run = await twokeys(...args)
      if (run.code !== 0) throw new Error(`twokeys ${args.join(' ')} → ${run.code}\n${run.stderr}`)
      return run.stdout
    }
    const db = at('placed.db')
    await ok('run', 'examples/seed-walkthrough.yaml', '--db', db)
    const logVkey = (await ok('log', 'key', 'new', '--origin', 'o.example/log', '--out', at('p.key'))).trim()
    const institutions = ['presidential-administration', 'government-apparatus']
    const vkeys: string[] = []
    for (const w of institutions)
      vkeys.push(
        (await ok('witness', 'key', 'new', '--name', `${w}.example`, '--out', at(`${w}.key`))).trim(),
      )
    writeFileSync(
      at('w.txt'),
      `log ${logVkey}\n${institutions.map((w, i) => `${w} ${vkeys[i]}`).join('\n')}\n`,
    )
    await ok('log', 'checkpoint', '--db', db, '--key', at('p.key'))
    await ok('log', 'request', '--db', db, '--old', '0', '--out', at('p-req.txt'))
    for (const w of institutions) {
      await ok(
        ...['witness', 'cosign', '--key', at(`${w}.key`), '--state', at(`${w}.state`), '--init'],
        ...['--log-key', logVkey, '--request', at('p-req.txt'), '--out', at(`${w}.txt`)],
      )
      await ok('log', 'add-cosignatures', at(`${w}.txt`), '--db', db, '--witnesses', at('w.txt'))
    }
    writeFileSync(at('p-cp.txt'), await ok('log', 'show', '--db', db))
    await ok('audit', 'export', '--db', db, '--out', at('p.jsonl'))
    const lines = readFileSync(at('p.jsonl'), 'utf8').trim().split('\n')
    writeFileSync(at('gap.jsonl'), `${[lines[0], ...lines.slice(2)].join('\n')}\n`)
    const args = [
      'audit',
      'verify',
      at('gap.jsonl'),
      '--checkpoint',
      at('p-cp.txt'),
      '--witnesses',
      at('w.txt'),
    ]
    const en = await twokeys('--lang', 'en', ...args)
    const ru = await twokeys('--lang', 'ru', ...args)
    expect(ru.code).toBe(en.code)
    expect(en.stdout).toContain('no event has logIndex 1: an event was removed from the file')
    expect(ru.stdout).toContain('ни у одного события нет `logIndex` 1: событие удалили из файла')
    expect(ru.stdout).not.toContain('an event was removed')
  })
})

describe('what the audit found untranslated, under --lang ru', () => {
  const SCENARIO = 'examples/scenarios/baseline.yaml'
  const baseline = readFileSync(SCENARIO, 'utf8')
  const scenarioFields = ['version', 'name', 'horizonDays', 'arrivals', 'mix']

  it('a bug not in the catalogue', async () => {
    const ru = await saysInRussian(
      ['verify', POLICY, '--bug', 'nope'],
      /^✖ there is no catalogued bug "nope"; choose one of: deputy-ignores-window, .* \(or "list"\)\n/,
    )
    expect(ru).toMatch(/^✖ в каталоге нет ошибки «nope»; выберите одну из: «deputy-ignores-window», /)
  })

  it("a scenario's own checks: a warm-up past the horizon, shares that do not add up to 1", async () => {
    const warm = at('warm.yaml', baseline.replace(/^warmupDays: .*$/m, 'warmupDays: 800'))
    const ru = await saysInRussian(
      ['simulate', POLICY, '--scenario', warm],
      'warmupDays: the warm-up (800 days) must end before the horizon (730 days); shorten warmupDays or lengthen horizonDays',
      ['warmupDays'],
    )
    expect(ru).toContain(
      '✖ warmupDays: прогрев (800 дн.) должен кончаться раньше горизонта (730 дн.); сократите `warmupDays` или увеличьте `horizonDays`',
    )
    const shares = at(
      'shares.yaml',
      baseline.replace('approve: 0.85, refuse: 0.05', 'approve: 0.5, refuse: 0.05'),
    )
    const said = await saysInRussian(
      ['simulate', POLICY, '--scenario', shares],
      'reviewers.default.decisions: approve + refuse + amend must add up to 1 (they add up to 0.65); change the shares',
      ['reviewers', 'default', 'decisions'],
    )
    expect(said).toContain('должны в сумме давать 1 (сейчас 0,65); измените доли')
  })

  it('a --vary value the scenario schema refuses: located, how to fix, in Russian', async () => {
    const sweep = (vary: string) => ['sweep', POLICY, '--scenario', SCENARIO, '--vary', vary]
    const ru = await saysInRussian(
      sweep('arrivals.ratePerDay=-1'),
      'scenario "baseline" with arrivals.ratePerDay = -1 is invalid:\n  ✖ arrivals.ratePerDay: -1 is too small; use a number greater than 0',
      ['arrivals', 'ratePerDay'],
    )
    expect(ru).toContain('  ✖ arrivals.ratePerDay: -1 слишком мало; укажите число больше 0')
    expect(ru).not.toContain('Too small')
    const kind = await saysInRussian(sweep('arrivals.kind=foo'), /with arrivals\.kind = "foo" is invalid:/, [
      'arrivals',
      'kind',
    ])
    expect(kind).toContain('✖ arrivals.kind: поле `kind` — не из допустимых: `poisson`, `schedule`, `csv`')
    expect(kind).not.toContain('Invalid discriminator')
  })

  it('an empty scenario or script, or one that is not a mapping, is named as what it is', async () => {
    const empty = at('empty.yaml', '')
    const list = at('list.yaml', '- a\n- b\n')
    const text = at('text.yaml', 'just some words\n')
    const scenario = await saysInRussian(
      ['simulate', POLICY, '--scenario', empty],
      '✖ the scenario is empty; write a scenario (start from examples/scenarios/baseline.yaml)',
    )
    expect(scenario).toContain(
      '✖ сценарий моделирования пуст; напишите сценарий (начните с examples/scenarios/baseline.yaml)',
    )
    await saysInRussian(
      ['simulate', POLICY, '--scenario', list],
      '✖ a scenario must be a mapping of fields (version, name, horizonDays, arrivals, mix, …), not a list of 2',
      scenarioFields,
    )
    const notMapping = await saysInRussian(
      ['simulate', POLICY, '--scenario', text],
      /✖ a scenario must be a mapping of fields \(version, name, horizonDays, arrivals, mix, …\), not /,
      scenarioFields,
    )
    expect(notMapping).toContain('✖ сценарий моделирования должен быть набором полей')
    const script = await saysInRussian(
      ['run', empty],
      '✖ the script is empty; write a script (start from examples/seed-walkthrough.yaml)',
    )
    expect(script).toContain(
      '✖ сценарий прогона пуст; напишите сценарий прогона (начните с examples/seed-walkthrough.yaml)',
    )
    const scriptList = await saysInRussian(
      ['run', list],
      '✖ a script must be a mapping of fields (policy, start, steps, …), not a list of 2',
      ['policy', 'start', 'steps'],
    )
    expect(scriptList).toContain(
      '✖ сценарий прогона должен быть набором полей (`policy`, `start`, `steps`, …), а не список из 2',
    )
    // A policy's words as they were.
    const policy = await twokeys('--lang', 'en', 'validate', empty)
    expect(policy.stdout + policy.stderr).toContain(
      'the policy is empty; write a policy document (start from machines/policies/two-keys.yaml)',
    )
  })

  it('a package path the package does not ship lists every shipped policy; a missing arrivals file says to check the path', async () => {
    const shipped = readdirSync('machines/policies')
      .filter((f) => f.endsWith('.yaml'))
      .sort()
    const ru = await saysInRussian(
      ['validate', 'twokeys/policies/nope.yaml'],
      `it ships twokeys/policies/<file> (${shipped.join(', ')}), twokeys/schema/policy.schema.json`,
      shipped,
    )
    expect(ru).toContain(`(${shipped.map((f) => `\`${f}\``).join(', ')})`)
    const csv = await saysInRussian(
      ['simulate', POLICY, '--scenario', withArrivals('missing.csv')],
      /cannot read arrivals file ".*missing\.csv" named by .*: check the path \(arrivals\.file is relative to the scenario\)/,
    )
    expect(csv).toMatch(/; проверьте путь \(`arrivals\.file` указывают относительно сценария\)/)
  })
})
