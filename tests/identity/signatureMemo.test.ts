import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { commandTexts } from '../../src/identity/commandTexts.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { createSignatureMemo } from '../../src/identity/signatureMemo.js'
import { createServer } from '../../src/serve/createServer.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { demoKeys, proposal, signedPolicy } from '../serve/serveFixture.js'

const AT = Date.parse('2026-03-01T09:00:00Z')

describe('the signature memo: a signature verified once in a process is not verified again', () => {
  it('answers a second check of the same command from memory, and nothing else', async () => {
    const keyring = (await keyringOf()).keyring
    const memo = createSignatureMemo()
    const command = proposal('kazan')
    const text = commandTexts(command).unsigned
    expect(memo.verify(keyring, command, AT, text).ok).toBe(true)
    expect(memo.hits).toBe(0)
    expect(memo.verify(keyring, command, AT, text).ok).toBe(true)
    expect(memo.hits).toBe(1)
    // The same signature copied onto another command: checked afresh, and it fails.
    const forged = { ...command, budget: 1 }
    const verdict = memo.verify(keyring, forged, AT, commandTexts(forged).unsigned)
    expect(verdict).toEqual({
      ok: false,
      reason: 'the signature of "gov-tatarstan" (key "gov-tatarstan-demo") does not verify',
    })
    expect(memo.hits).toBe(1)
    // The other checks still run: with the key gone from the keyring the memo does not vouch for it.
    const without = { ...keyring, entries: keyring.entries.filter((e) => e.principal !== 'gov-tatarstan') }
    expect(memo.verify(without, command, AT, text)).toEqual({
      ok: false,
      reason: `key "gov-tatarstan-demo" is not in keyring version ${keyring.version}`,
    })
    expect(memo.hits).toBe(1)
  })

  it('keeps at most its capacity, dropping the oldest first', async () => {
    const keyring = (await keyringOf()).keyring
    const memo = createSignatureMemo(2)
    const [a, b, c] = ['a', 'b', 'c'].map((id) => proposal(id))
    for (const cmd of [a, b, c]) memo.verify(keyring, cmd as never, AT, commandTexts(cmd as never).unsigned)
    memo.verify(keyring, a as never, AT, commandTexts(a as never).unsigned)
    expect(memo.hits).toBe(0)
    memo.verify(keyring, c as never, AT, commandTexts(c as never).unsigned)
    expect(memo.hits).toBe(1)
  })

  it('lets twokeys serve verify a command once: the rate limiter names the actor, the engine trusts that check', async () => {
    const memo = createSignatureMemo()
    const engine = createEngine({
      policy: signedPolicy,
      store: memoryStore(),
      clock: () => AT,
      signatureMemo: memo,
    })
    await engine.changeKeyring(firstKeyringChange(signedPolicy, demoKeys, '2020-01-01T00:00:00Z'))
    const app = await createServer({
      engine,
      signatureMemo: memo,
      rateLimit: { max: 100, timeWindow: 60_000 },
    })
    try {
      const response = await app.inject({ method: 'POST', url: '/commands', payload: proposal('kazan') })
      expect(response.statusCode).toBe(201)
      expect(memo.hits).toBe(1)
    } finally {
      await app.close()
    }
  })
})

async function keyringOf() {
  const engine = createEngine({ policy: signedPolicy, store: memoryStore(), clock: () => AT })
  await engine.changeKeyring(firstKeyringChange(signedPolicy, demoKeys, '2020-01-01T00:00:00Z'))
  const keyring = await engine.keyring()
  if (keyring === null) throw new Error('no keyring')
  return { keyring }
}
