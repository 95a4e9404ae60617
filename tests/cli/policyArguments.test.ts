import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'

// README "Installing from npm": a policy argument is a file here, a twokeys/… package path, or the
// bare name of a shipped policy when no file of that name is here — for every command.
describe('a policy argument', () => {
  it('names a shipped policy by its bare name when no such file is here', async () => {
    expect(existsSync('council.yaml')).toBe(false)
    const validated = await twokeys('validate', 'council.yaml')
    expect(validated.code).toBe(0)
    expect(validated.stdout).toContain('policy "council"')
    const verified = await twokeys('verify', 'single-key.yaml', '--json')
    expect(JSON.parse(verified.stdout)).toMatchObject({ policy: 'single-key', ok: true })
  })

  it('is refused clearly when it is neither a file nor a shipped name', async () => {
    const missing = await twokeys('validate', 'no-such-policy.yaml')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no-such-policy.yaml')
  })
})
