import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { nanoid } from 'nanoid'
import { afterAll, describe, expect, it } from 'vitest'
import { CommandSchema } from '../../src/domain/Command.js'
import { isTwoKeysError, type TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { loadScriptFile } from '../../src/script/loadScriptFile.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const START = Date.parse('2026-03-01T09:00:00Z')
const dir = mkdtempSync(join(tmpdir(), 'twokeys-ids-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const propose = {
  type: 'propose',
  by: 'minzifry',
  title: 'GPU cluster',
  objective: 'infrastructure',
  scope: { kind: 'federal' },
} as const
/** No lone surrogate: with the u flag a paired surrogate is one code point, never \p{Cs}. */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text)
const submit = (initiativeId: unknown) => ({ type: 'submit', by: 'minzifry', initiativeId })

/** Ids the code, the examples and the tests already use: all stay valid. */
const GOOD = [
  'kazan-datacentre',
  'federal-ai-registry',
  'sample-1',
  'cmd-12',
  'a-propose',
  'Run-Ab3_x:cmd-7',
  'v1.2~rc',
  'x',
  'x'.repeat(128),
  ...Array.from({ length: 20 }, () => nanoid()),
]

/** What is refused, and the character the message should name. */
const BAD: [string, string][] = [
  ['', 'empty'],
  ['x'.repeat(129), '129 characters'],
  ['kazan datacentre', 'a space'],
  ['lone\ud800', '\\ud800'],
  ['\udc00', '\\udc00'],
  ['tab\there', '\\t'],
  ['nul\u0000', '\\u0000'],
  ['line\nbreak', '\\n'],
  ['del\u007f', '\\u007f'],
  ['nbsp\u00a0', '\\u00a0'],
  ['slash/x', '"/"'],
  ['кириллица', '"к"'],
  ['emoji😀', '"😀"'],
]

describe('initiative and command ids', () => {
  it('admits every id the code, examples and tests use', () => {
    for (const id of GOOD) {
      expect(CommandSchema.safeParse(submit(id)).success, id).toBe(true)
      expect(CommandSchema.safeParse({ ...submit('x'), commandId: id }).success, id).toBe(true)
    }
  })

  it('makes ids of letters and digits only, so none reads as an option on a command line', async () => {
    const engine = createEngine({ policy, clock: manualClock(START) })
    const made: string[] = []
    for (let i = 0; i < 300; i++) {
      const receipt = await engine.propose(propose)
      made.push(receipt.initiativeId, receipt.commandId)
    }
    // a default nanoid id begins with "-" once in 64: 600 ids would show it almost surely
    for (const id of made) expect(id).toMatch(/^[A-Za-z0-9]{21}$/)
    expect(new Set(made).size).toBe(made.length)
  })

  it('refuses a malformed id with a located issue that quotes it safely and names the allowed characters', () => {
    for (const field of ['initiativeId', 'commandId'] as const) {
      for (const [id, named] of BAD) {
        const result = CommandSchema.safeParse({ ...submit('x'), [field]: id })
        expect(result.success, JSON.stringify(id)).toBe(false)
        const issues = result.error?.issues ?? []
        expect(issues.map((i) => i.path)).toEqual([[field]])
        const message = issues[0]?.message ?? ''
        expect(wellFormed(message), message).toBe(true)
        expect(message).not.toMatch(/\p{Cc}/u)
        expect(message.length).toBeLessThan(300)
        expect(message).toContain(named)
        expect(message).toContain('A–Z a–z 0–9 . _ : ~ -')
      }
    }
  })

  it('refuses a malformed id in propose too, and in the revision field', () => {
    const bad = CommandSchema.safeParse({ ...propose, initiativeId: 'a b' })
    expect(bad.error?.issues.map((i) => i.path)).toEqual([['initiativeId']])
    const revision = CommandSchema.safeParse({
      type: 'decide',
      initiativeId: 'x',
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
      revision: 'abc\ud800',
    })
    expect(revision.error?.issues.map((i) => i.path)).toEqual([['revision']])
  })

  it('quotes a malformed principal or key id in a command and says what an id is', () => {
    const result = CommandSchema.safeParse({ ...submit('x'), by: 'Oreshkin\ud800' })
    const message = result.error?.issues[0]?.message ?? ''
    expect(result.error?.issues.map((i) => i.path)).toEqual([['by']])
    expect(wellFormed(message)).toBe(true)
    expect(message).toContain('"Oreshkin\\ud800"')
    expect(message).toMatch(/lowercase letters, digits and dashes/)
  })

  it('refuses a lone surrogate before the SQLite store sees it, so list() and tick() still work', async () => {
    const store = sqliteStore(join(dir, 'surrogate.db'))
    const clock = manualClock(START)
    const engine = createEngine({ policy, store, clock })
    await engine.propose({ ...propose, initiativeId: 'good-one' })
    for (const id of ['bad\ud800', '\udfff']) {
      const error = await engine.dispatch({ ...propose, initiativeId: id }).catch((e: unknown) => e)
      expect(isTwoKeysError(error) && error.code, String(error)).toBe('COMMAND_INVALID')
      expect((error as TwoKeysError).issues[0]?.path).toEqual(['initiativeId'])
      expect(wellFormed((error as TwoKeysError).message)).toBe(true)
      const refused = await engine.dispatch({ ...propose, commandId: id }).catch((e: unknown) => e)
      expect(isTwoKeysError(refused) && refused.code).toBe('COMMAND_INVALID')
    }
    const fresh = createEngine({ policy, store, clock })
    expect((await fresh.list()).map((b) => b.initiativeId)).toEqual(['good-one'])
    expect(await fresh.tick(START + 1)).toEqual([])
    await store.close()
  })

  it('refuses a script whose initiative name is not an id, at its line', () => {
    const path = join(dir, 'bad-name.yaml')
    writeFileSync(
      path,
      [
        `policy: ${resolve('machines/policies/two-keys.yaml')}`,
        'start: 2026-03-01',
        'steps:',
        '  - propose: { as: kazan datacentre, by: minzifry, title: T, objective: infrastructure, scope: { kind: federal } }',
        '',
      ].join('\n'),
    )
    try {
      loadScriptFile(path)
      expect.unreachable()
    } catch (error) {
      expect(isTwoKeysError(error) && error.code).toBe('COMMAND_INVALID')
      const issue = (error as TwoKeysError).issues[0]
      expect(issue?.path).toEqual(['steps', 0, 'propose', 'as'])
      expect(issue?.line).toBe(4)
      expect(issue?.message).toContain('"kazan datacentre"')
      expect(issue?.message).toContain('a space')
    }
  })
})
