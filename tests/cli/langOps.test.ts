import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'
import { latinWords, policyIds } from './latinWords.js'

// `keys`, `log`, `witness`, `serve` and the CLI's own errors under --lang ru: no English words of
// their own (ids, paths, codes, quoted reasons from below the CLI and data such as notes allowed).
const POLICY = 'machines/policies/two-keys.yaml'
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-ops-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)
/** The program's name and the verifier-key format's, which stay as they are in every language. */
const ids = [...policyIds(POLICY), 'twokeys', 'vkey']
const ru = (...args: string[]) => twokeys('--lang', 'ru', ...args)
const cyrillic = /[а-яё]/i

async function ok(...args: string[]) {
  const run = await ru(...args)
  if (run.code !== 0) throw new Error(`twokeys ${args.join(' ')} → ${run.code}\n${run.stdout}\n${run.stderr}`)
  return run
}

describe('twokeys keys under --lang ru', () => {
  it('says what it made, drafted, signed and applied in Russian; the JSON stays as it is', async () => {
    const made = await ok('keys', 'new', 'oreshkin', '--key-id', 'o-1', '--out', at('o.key.json'))
    const [wrote = '', entryLine = '', ...json] = made.stdout.split('\n')
    // The entry is data: the private key file's public half, as written.
    const key = JSON.parse(readFileSync(at('o.key.json'), 'utf8'))
    expect(JSON.parse(json.join('\n'))).toMatchObject({
      keyId: 'o-1',
      principal: 'oreshkin',
      publicKey: key.x,
    })
    expect(latinWords(`${wrote}\n${entryLine}`, [...ids, 'o-1'])).toEqual([])
    expect(wrote).toMatch(cyrillic)

    await ok('keys', 'new', 'grigorenko', '--key-id', 'g-1', '--out', at('g.key.json'))
    const db = at('k.db')
    const empty = await ok('keys', 'show', '--db', db, '--policy', POLICY)
    expect(latinWords(empty.stdout, ids)).toEqual([])
    const drafted = await ok(
      'keys',
      'draft',
      ...['--db', db, '--policy', POLICY, '--add', at('o.key.json'), at('g.key.json')],
      ...['--out', at('c.json')],
    )
    const signed = await ok('keys', 'sign-change', at('c.json'), '--key', at('o.key.json'))
    await ok('keys', 'sign-change', at('c.json'), '--key', at('g.key.json'))
    const applied = await ok('keys', 'apply', at('c.json'), '--db', db, '--policy', POLICY)
    const shown = await ok('keys', 'show', '--db', db, '--policy', POLICY)
    const own = [drafted.stdout, signed.stdout, applied.stdout, shown.stdout].join('\n')
    expect(latinWords(own, [...ids, 'o-1', 'g-1'])).toEqual([])
    // Both keys are listed, each under its own id and principal.
    expect(shown.stdout).toMatch(/o-1\s+oreshkin/)
    expect(shown.stdout).toMatch(/g-1\s+grigorenko/)
  })
})

describe('twokeys log and witness under --lang ru', () => {
  it('prints the checkpoints as data and its own lines in Russian', async () => {
    const db = at('walk.db')
    await ok('run', 'examples/seed-walkthrough.yaml', '--db', db)
    const noneYet = await ru('log', 'show', '--db', db)
    expect(noneYet.code).toBe(2)
    expect(latinWords(noneYet.stderr, ids)).toEqual([])

    const vkey = await ok(
      'log',
      'key',
      'new',
      '--origin',
      'commission.example/twokeys',
      '--out',
      at('log.key'),
    )
    expect(vkey.stdout).toBe(readFileSync(at('log.key.vkey'), 'utf8'))
    const again = await ru(
      'log',
      'key',
      'new',
      '--origin',
      'commission.example/twokeys',
      '--out',
      at('log.key'),
    )
    expect(again.code).toBe(2)
    expect(latinWords(again.stderr, ids)).toEqual([])

    const checkpoint = await ok('log', 'checkpoint', '--db', db, '--key', at('log.key'))
    expect(checkpoint.stderr).toBe('')
    expect(checkpoint.stdout).toMatch(/^commission\.example\/twokeys\n\d+\n/)
    expect((await ok('log', 'show', '--db', db)).stdout).toBe(checkpoint.stdout)

    const made = await ok('witness', 'key', 'new', '--name', 'pa.example/witness', '--out', at('w.key'))
    expect(made.stdout).toBe(readFileSync(at('w.key.vkey'), 'utf8'))
    expect(latinWords(made.stderr, ids)).toEqual([])
    expect(made.stderr).toMatch(cyrillic)

    const request = await ok('log', 'request', '--db', db, '--old', '0', '--out', at('req.txt'))
    expect(request.stdout).toBe('')
    const cosigned = await ok(
      'witness',
      'cosign',
      ...['--key', at('w.key'), '--state', at('w.state'), '--init'],
      ...['--log-key', at('log.key.vkey'), '--request', at('req.txt'), '--out', at('cosig.txt')],
    )
    // The reason is the witness's own (below the CLI), quoted.
    expect(latinWords(cosigned.stdout.replace(/«[^»]*»/g, ''), ids)).toEqual([])

    const state = JSON.parse((await ok('witness', 'show', '--state', at('w.state'), '--json')).stdout)
    const log = state.logs['commission.example/twokeys']
    const shown = await ok('witness', 'show', '--state', at('w.state'))
    // The root is data (base64): allowed as it was recorded.
    expect(latinWords(shown.stdout, [...ids, log.root])).toEqual([])
    expect(shown.stdout).toContain(`${log.size}`)
    expect(shown.stdout).toContain(new Date(log.cosignedAt * 1000).toISOString())
  })
})

describe("the CLI's own errors under --lang ru", () => {
  const cases: [string, string[]][] = [
    ['neither --db nor --server', ['status', 'gpu']],
    ['--db without --policy', ['status', 'gpu', '--db', 'x.db']],
    ['no log to verify', ['audit', 'verify']],
    ['a missing audit file', ['audit', 'verify', 'no-such.jsonl']],
    ['a malformed initiative id', ['history', 'no such id!', '--db', 'x.db']],
    ['a bad --at', ['analyze', POLICY, '--scenario', 'examples/scenarios/exact.yaml', '--at', 'soon']],
    ['no policy to verify', ['verify']],
    ['a missing package file', ['validate', 'twokeys/policies/nope.yaml']],
    ['--checkpoint without --witnesses', ['audit', 'verify', 'a.jsonl', '--checkpoint', 'cp.txt']],
    ['serve without a policy', ['serve', '--db', ':memory:']],
    ['serve on an unsigned policy', ['serve', '--policy', POLICY, '--db', ':memory:']],
    [
      'a witness without a log key',
      ['witness', 'cosign', '--key', at('e.key'), '--state', 's', '--request', 'r'],
    ],
  ]
  beforeAll(() => ok('witness', 'key', 'new', '--name', 'ga.example/witness', '--out', at('e.key')))
  it.each(cases)('%s: exit 2, in Russian; in English as before', async (_, args) => {
    const run = await ru(...args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^✖ /)
    expect(run.stderr).toMatch(cyrillic)
    expect(latinWords(run.stderr, ids)).toEqual([])
    const english = await twokeys('--lang', 'en', ...args)
    expect(english.code).toBe(2)
    expect(english.stderr).not.toMatch(cyrillic)
  })

  it('refuses --lang fr in the locale’s language', async () => {
    const before = process.env.LC_ALL
    process.env.LC_ALL = 'ru_RU.UTF-8'
    try {
      const run = await twokeys('--lang', 'fr', 'verify', POLICY)
      expect(run.code).toBe(2)
      expect(latinWords(run.stderr, ['fr', 'en', 'ru', 'twokeys'])).toEqual([])
      expect(run.stderr).toContain('«fr»')
    } finally {
      if (before === undefined) delete process.env.LC_ALL
      else process.env.LC_ALL = before
    }
    const english = await twokeys('--lang', 'fr', 'verify', POLICY)
    expect(english.stderr).toContain('--lang "fr" is not a language twokeys speaks; use en or ru')
  })
})
