import { describe, expect, it } from 'vitest'
import { POOL_THRESHOLD } from '../../src/audit/signaturePool.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { canonicalJson, canonicalJsonWith } from '../../src/domain/canonicalHash.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { commandTexts } from '../../src/identity/commandTexts.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { newKeyPair, type PrivateKeyFile } from '../../src/identity/PrivateKeyFile.js'
import { commandSigningBytes, signCommand } from '../../src/identity/signCommand.js'
import { signingBytesOfCanonical } from '../../src/identity/signingBytes.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { RecordedEvent, Store } from '../../src/stores/Store.js'
import { policy } from './support/sampleLog.js'

const signedPolicy = PolicySchema.parse({ ...policy, identity: 'signed' })
const FROM = '2026-01-01T00:00:00Z'
const keys: Record<string, PrivateKeyFile> = Object.fromEntries(
  ['minzifry', 'oreshkin', 'grigorenko'].map((p, i) => [
    p,
    newKeyPair(p, `${p}-1`, FROM, new Uint8Array(32).fill(i + 1)).privateKey,
  ]),
)

/** A store of `initiatives` × 2 signed events (propose, submit), written by the engine. */
async function signedStore(initiatives: number): Promise<Store> {
  const store = memoryStore()
  const engine = createEngine({ policy: signedPolicy, store, clock: manualClock('2026-03-01T09:00:00Z') })
  await engine.changeKeyring(firstKeyringChange(signedPolicy, Object.values(keys), FROM))
  const sign = (c: CommandInput) => engine.dispatch(signCommand(c, keys[c.by] as PrivateKeyFile))
  for (let i = 0; i < initiatives; i++) {
    const initiativeId = `i-${i}`
    await sign({
      type: 'propose',
      initiativeId,
      commandId: `c-${i}-1`,
      by: 'minzifry',
      title: `I ${i}`,
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    await sign({ type: 'submit', initiativeId, commandId: `c-${i}-2`, by: 'minzifry' })
  }
  return store
}

/** The store as an insider who swapped one stored signature (and re-hashed the event) shows it. */
function withForgedSignature(store: Store, initiativeId: string): Store {
  return new Proxy(store, {
    get(target, name, receiver) {
      if (name !== 'readEvents') return Reflect.get(target, name, receiver)
      return async (id: string, after?: number) => {
        const events = await target.readEvents(id, after)
        if (id !== initiativeId) return events
        const last = events.at(-1) as RecordedEvent
        const command = last.command as NonNullable<RecordedEvent['command']>
        const other = (await target.readEvents('i-0'))[1]?.command?.signature?.value as string
        const forged = { ...last, command: { ...command, signature: { keyId: 'minzifry-1', value: other } } }
        const { hash: _old, ...rest } = forged
        return [...events.slice(0, -1), { ...rest, hash: eventHash(rest) }]
      }
    },
  })
}

describe('signatures verified on worker threads', () => {
  it('renders a signed command once, to the same texts and bytes as rendering it three times', () => {
    const command = signCommand(
      { type: 'submit', initiativeId: 'kazan', commandId: 'c-1', by: 'minzifry' },
      keys.minzifry as PrivateKeyFile,
    )
    const texts = commandTexts(command)
    const { commandId: _id, ...hashed } = command
    const { signature, ...unsigned } = command
    expect(texts.whole).toBe(canonicalJson(command))
    expect(texts.hashed).toBe(canonicalJson(hashed))
    expect(texts.unsigned).toBe(canonicalJson(unsigned))
    expect(
      signingBytesOfCanonical('twokeys/command/v1', `{"command":${texts.unsigned},"keyId":"minzifry-1"}`),
    ).toEqual(commandSigningBytes(command, 'minzifry-1'))
    const record = { seq: 1, command, keyring: 1, gone: undefined, prevHash: '' }
    expect(canonicalJsonWith(record, 'command', texts.whole)).toBe(canonicalJson(record))
    expect(signature.keyId).toBe('minzifry-1')
  })

  it('gives the same report as one thread, on an honest log and on a forged signature', async () => {
    const store = await signedStore(Math.ceil(POOL_THRESHOLD / 2) + 10)
    const single = await verifyStore(store, { signatureThreads: false })
    const threads = await verifyStore(store)
    expect(single.ok).toBe(true)
    expect(threads).toEqual(single)

    const forged = withForgedSignature(store, 'i-700')
    const forgedSingle = await verifyStore(forged, { signatureThreads: false })
    const forgedThreads = await verifyStore(forged)
    expect(forgedSingle.ok).toBe(false)
    expect(forgedSingle.rules.problems.join('\n')).toMatch(/i-700.*does not verify/)
    expect(forgedThreads).toEqual(forgedSingle)
  }, 120_000)
})
