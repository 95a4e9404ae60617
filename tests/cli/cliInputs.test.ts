import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-cli-inputs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('CLI inputs are checked before anything is opened', () => {
  it.each([
    ['a space', 'kazan datacentre', 'a space'],
    ['a control character', 'bad\u0007bell', '\\u0007'],
    ['200 characters', 'x'.repeat(200), '200 characters'],
  ])('history refuses an initiative id with %s: exit 2, a safe message', async (_what, id, named) => {
    const db = join(dir, 'never.db')
    const run = await twokeys('history', id, '--db', db)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(named)
    expect(run.stderr).toContain('A–Z a–z 0–9 . _ : ~ -')
    expect(run.stderr).not.toContain('\u0007')
    expect(run.stderr.length).toBeLessThan(400)
    expect(existsSync(db)).toBe(false)
  })
})
