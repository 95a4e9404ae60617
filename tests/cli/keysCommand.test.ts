import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'

const POLICY = 'machines/policies/two-keys.yaml'
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twokeys-keys-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('twokeys keys', () => {
  it('makes keys, drafts a keyring, refuses it with one institution and applies it with both', async () => {
    const at = (name: string) => join(dir, name)
    const db = at('k.db')
    const made = await twokeys('keys', 'new', 'oreshkin', '--key-id', 'o-1', '--out', at('o.key.json'))
    expect(made.code).toBe(0)
    expect(made.stdout).toContain('"principal": "oreshkin"')
    // The private key is readable by its owner only, and never overwritten.
    expect(statSync(at('o.key.json')).mode & 0o777).toBe(0o600)
    expect((await twokeys('keys', 'new', 'oreshkin', '--out', at('o.key.json'))).code).toBe(2)
    await twokeys('keys', 'new', 'grigorenko', '--key-id', 'g-1', '--out', at('g.key.json'))

    const draft = await twokeys(
      'keys',
      'draft',
      '--db',
      db,
      '--policy',
      POLICY,
      '--add',
      at('o.key.json'),
      at('g.key.json'),
      '--out',
      at('c.json'),
    )
    expect(draft.code).toBe(0)
    const change = JSON.parse(readFileSync(at('c.json'), 'utf8'))
    expect(change).toMatchObject({ base: '', version: 1, signatures: [] })
    expect(JSON.stringify(change)).not.toContain('"d"') // only public halves go into a keyring

    expect((await twokeys('keys', 'sign-change', at('c.json'), '--key', at('o.key.json'))).code).toBe(0)
    const one = await twokeys('keys', 'apply', at('c.json'), '--db', db, '--policy', POLICY)
    expect(one.code).toBe(2)
    expect(one.stderr).toContain('no valid signature from institution "government-apparatus"')

    await twokeys('keys', 'sign-change', at('c.json'), '--key', at('g.key.json'))
    const applied = await twokeys('keys', 'apply', at('c.json'), '--db', db, '--policy', POLICY)
    expect(applied.code).toBe(0)
    expect(applied.stdout).toContain('keyring version 1')
    const shown = await twokeys('keys', 'show', '--db', db, '--policy', POLICY, '--json')
    expect(JSON.parse(shown.stdout).entries.map((e: { keyId: string }) => e.keyId)).toEqual(['o-1', 'g-1'])
  })
})
