import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'
import { demoKey, proposeSubmitApprove } from '../support/signedOperatorSteps.js'

// `twokeys explain --key` on --db signs the command as it would be sent, so a bad signature is its
// one reason: an error's own message, which the Explanation carries as a phrase (`said`) and the
// CLI words in Russian. The English is the engine's message as before.
const POLICY = 'machines/policies/two-keys.yaml'
const dir = mkdtempSync(join(tmpdir(), 'twokeys-lang-explain-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const at = (name: string) => join(dir, name)
const signedPolicy = at('signed.yaml')
const db = at('signed.db')
const on = ['--db', db, '--policy', signedPolicy]

beforeAll(async () => {
  writeFileSync(signedPolicy, `${readFileSync(POLICY, 'utf8')}\nidentity: signed\n`)
  expect((await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', db)).code).toBe(0)
  await proposeSubmitApprove(on, 'gpu')
  const made = await twokeys('keys', 'new', 'grigorenko', '--key-id', 'g-stray', '--out', at('g.key.json'))
  expect(made.code, made.stderr).toBe(0)
})

const explainDecide = (lang: string, key: string) =>
  twokeys(
    ...['--lang', lang, 'explain', 'decide', 'gpu', ...on, '--key', key],
    ...['--key-id', 'government-apparatus', '--decision', 'approve'],
  )

describe('twokeys explain --key: a bad signature, under --lang ru', () => {
  it('a key the keyring does not hold: the reason in Russian, the English unchanged', async () => {
    const en = await explainDecide('en', at('g.key.json'))
    const ru = await explainDecide('ru', at('g.key.json'))
    expect([en.code, ru.code]).toEqual([1, 1])
    expect(en.stdout).toBe(
      '✖ would be refused (UNAUTHENTICATED)\n  · key "g-stray" is not in keyring version 1\n',
    )
    expect(ru.stdout).toBe(
      '✖ была бы отклонена (UNAUTHENTICATED)\n  · ключа «g-stray» нет в реестре ключей версии 1\n',
    )
  })

  it('a good key: the rules are explained, as before', async () => {
    const en = await explainDecide('en', demoKey('grigorenko'))
    expect(en.code, en.stdout + en.stderr).toBe(0)
    expect(en.stdout).toBe('✓ would be accepted\n')
  })

  it('--json carries the phrase beside the English reason', async () => {
    const json = await twokeys(
      ...['explain', 'decide', 'gpu', ...on, '--key', at('g.key.json'), '--json'],
      ...['--key-id', 'government-apparatus', '--decision', 'approve'],
    )
    const explanation = JSON.parse(json.stdout)
    expect(explanation).toMatchObject({
      allowed: false,
      code: 'UNAUTHENTICATED',
      said: { key: 'engine.signature' },
    })
    expect(explanation.reasons).toHaveLength(1)
  })
})
