import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ENGINE_MESSAGES, STORE_MESSAGES } from '../../src/index.js'
import { STORE_DOINGS } from '../../src/stores/storeMessages.js'
import { STORE_DOINGS_RU } from '../../src/stores/storeMessages.ru.js'
import { twokeys } from '../support/runCli.js'
import { demoKey, proposeSubmitApprove } from '../support/signedOperatorSteps.js'
import { latinWords, policyIds } from './latinWords.js'

// The engine's and the stores' errors (ENGINE_MESSAGES, STORE_MESSAGES) under --lang ru, as the
// operator commands on --db print them: worded from their phrase, no English lead; a driver's own
// text stays inside «…»; an id check's is worded from its phrase. The English output is pinned as it was.
const POLICY = 'machines/policies/two-keys.yaml'
const CYRILLIC = /[А-Яа-яЁё]/
// The program's name, the database engines' and the commands' (`✖ decide: отказано …`) stay as they are.
const ids = [...policyIds(POLICY), 'twokeys', 'SQLite', 'PostgreSQL', 'propose', 'decide']
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-engine-errors-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)

/** Each English line's lead: its first two words in a row, paths and quotes aside. */
const leads = (english: string) =>
  english
    .split('\n')
    .map((line) => line.replace(/\S*[/\\]\S*|"[^"]*"/g, ' ').match(/[A-Za-z]+ [A-Za-z]+/)?.[0])
    .filter((lead) => lead !== undefined)

type Stream = 'stdout' | 'stderr'

/**
 * The command in both languages, on `stream`: the same failing exit code; the English exactly
 * `english` (unchanged); the Russian on as many lines, each with Cyrillic words, no Latin word of
 * its own and no English line's lead. Returns the Russian.
 */
async function saysInRussian(args: string[], english: string | RegExp, stream: Stream = 'stderr') {
  const en = await twokeys('--lang', 'en', ...args)
  const ru = await twokeys('--lang', 'ru', ...args)
  expect(ru.code, ru.stderr).toBe(en.code)
  expect(en.code).not.toBe(0)
  if (typeof english === 'string') expect(en[stream]).toBe(english)
  else expect(en[stream]).toMatch(english)
  const said = ru[stream]
  expect(said.split('\n').length).toBe(en[stream].split('\n').length)
  expect(said).toMatch(/^✖ /)
  for (const line of said.trim().split('\n')) expect(line).toMatch(CYRILLIC)
  expect(latinWords(said, ids)).toEqual([])
  const outside = said.replace(/«[^»]*»/g, ' ')
  for (const lead of leads(en[stream])) expect(outside).not.toContain(lead)
  return said
}

describe('the engine and store tables', () => {
  it('every store doing has its Russian words, and each table renders an English message as it was', () => {
    expect(Object.keys(STORE_DOINGS_RU).sort()).toEqual([...STORE_DOINGS].sort())
    expect(ENGINE_MESSAGES['engine.tickNotATime']({ shown: null, type: 'string' })).toBe(
      "tick(now): a string is not a time; give whole epoch milliseconds (Date.parse(…)) or nothing for the engine's clock",
    )
    expect(STORE_MESSAGES['store.postgresConflict']({ doing: { lock: 'webhook:1' } })).toBe(
      'another process stored the same event position or command id first (take the "webhook:1" lock); re-read and retry',
    )
  })
})

describe('the engine’s errors on --db, under --lang ru', () => {
  const on = ['--db', at('asserted.db'), '--policy', POLICY]

  it('an initiative the store does not have (NOT_FOUND)', async () => {
    const said = await saysInRussian(
      ['status', 'nope', ...on],
      '✖ no initiative "nope" in the sqlite store; check the id (engine.list() shows them)\n',
    )
    expect(said).toContain('«nope»')
  })

  it('a malformed initiative id: the id check worded from its phrase', async () => {
    const said = await saysInRussian(
      ['status', 'bad id!', ...on],
      '✖ status(): "bad id!" has a space (character 4); use 1–128 characters of A–Z a–z 0–9 . _ : ~ -\n',
    )
    expect(said).toBe(
      '✖ `status()`: не идентификатор инициативы: в «bad id!» есть пробел (символ 4); используйте от 1 до 128 символов из A–Z a–z 0–9 . _ : ~ -\n',
    )
  })

  it('a stale revision and a command id used for another command', async () => {
    const proposed = await twokeys(
      ...['propose', ...on, '--by', 'minzifry', '--id', 'gpu', '--title', 'GPU'],
      ...['--objective', 'infrastructure', '--scope', 'federal'],
    )
    expect(proposed.code, proposed.stderr).toBe(0)
    expect((await twokeys('submit', 'gpu', ...on, '--by', 'minzifry')).code).toBe(0)
    const decide = ['decide', 'gpu', ...on, '--by', 'oreshkin', '--key-id', 'presidential-administration']
    await saysInRussian(
      [...decide, '--decision', 'approve', '--revision', '0'.repeat(64)],
      /^✖ decide refused \(STALE_REVISION\): decide by "oreshkin" refused: the decision was taken on revision 000000000000, but the current revision is 1 \([0-9a-f]{12}\); .*\n {2}· the decision was taken on revision /,
      'stdout',
    )
    expect((await twokeys(...decide, '--decision', 'approve', '--command-id', 'c-1')).code).toBe(0)
    const said = await saysInRussian(
      [...decide, '--decision', 'refuse', '--command-id', 'c-1'],
      '✖ command id "c-1" was already used for a different command on initiative "gpu"; use a new id for a new command\n',
    )
    expect(said).toContain('«c-1»')
  })

  describe('under identity: signed', () => {
    const signedPolicy = at('signed.yaml')
    writeFileSync(signedPolicy, `${readFileSync(POLICY, 'utf8')}\nidentity: signed\n`)

    it('a store with no keyring yet', async () => {
      const said = await saysInRussian(
        [
          ...['propose', '--db', at('no-keyring.db'), '--policy', signedPolicy],
          ...['--key', demoKey('minzifry'), '--id', 'k1', '--title', 'K'],
          ...['--objective', 'infrastructure', '--scope', 'federal'],
        ],
        [
          '✖ propose refused (UNAUTHENTICATED): propose by "minzifry" cannot be authenticated: the store has no keyring yet; apply one signed by every key-holding institution (`twokeys keys apply`)',
          '  · propose by "minzifry" cannot be authenticated: the store has no keyring yet; apply one signed by every key-holding institution (`twokeys keys apply`)',
          '',
        ].join('\n'),
        'stdout',
      )
      expect(said).toContain('`twokeys keys apply`')
    })

    it('an unsigned command', async () => {
      const db = at('signed.db')
      expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', db)).code).toBe(0)
      const signedOn = ['--db', db, '--policy', signedPolicy]
      await proposeSubmitApprove(signedOn, 'signed-gpu')
      const said = await saysInRussian(
        [
          ...['decide', 'signed-gpu', ...signedOn, '--by', 'grigorenko'],
          ...['--key-id', 'government-apparatus', '--decision', 'approve'],
        ],
        '✖ decide refused (UNAUTHENTICATED): decide by "grigorenko" is not signed\n  · decide by "grigorenko" is not signed\n',
        'stdout',
      )
      expect(said).toBe(
        '✖ decide: отказано (UNAUTHENTICATED)\n  · команда `decide` от «grigorenko» не подписана\n',
      )
    })
  })
})

describe('the stores’ errors, under --lang ru', () => {
  it('a store file that is not SQLite: the driver quoted', async () => {
    const notSqlite = at('not-sqlite.db')
    writeFileSync(notSqlite, 'this is not a database, only text that is long enough to be read\n'.repeat(20))
    const said = await saysInRussian(
      ['status', 'gpu', '--db', notSqlite, '--policy', POLICY],
      `✖ SQLite store "${notSqlite}" failed to open: file is not a database; nothing was half-written (each call is one transaction), check the file and retry\n`,
    )
    expect(said).toContain(`«${notSqlite}» не удалось открыть базу: «file is not a database»`)
  })

  it('a PostgreSQL server that cannot be reached: the driver quoted', async () => {
    const said = await saysInRussian(
      ['status', 'gpu', '--db', 'postgres://twokeys@127.0.0.1:1/none', '--policy', POLICY],
      /^✖ PostgreSQL store at 127\.0\.0\.1:1\/none failed to [a-z ]+: connect ECONNREFUSED 127\.0\.0\.1:1; check that the server is reachable and retry \(repeat commands with the same commandId: they are applied once\)\n$/,
    )
    expect(said).toMatch(/на 127\.0\.0\.1:1\/none не удалось [а-я ]+: «connect ECONNREFUSED 127\.0\.0\.1:1»/)
  })
})
