import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'
import { SAID_TABLES } from '../../src/cli/saidMessages.js'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'

// Errors made below the CLI (TwoKeysError.said) under --lang ru: worded from their phrase, no
// English lead; a text from outside twokeys (a parser's, zod's) may stay inside «…».
const POLICY = 'machines/policies/two-keys.yaml'
const CYRILLIC = /[А-Яа-яЁё]/
const ids = [...policyIds(POLICY), 'twokeys']
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-errors-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(() => setCliLanguage('en'))
const at = (name: string, text?: string) => {
  const path = join(dir, name)
  if (text !== undefined) writeFileSync(path, text)
  return path
}

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
  expect(ru.stderr).not.toContain(lead)
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
