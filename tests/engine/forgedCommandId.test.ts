import { afterEach, describe, expect, it } from 'vitest'
import { renderPhrase } from '../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../machines/refusalMessages.ru.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { newKeyPair } from '../../src/identity/PrivateKeyFile.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'
import {
  memoryTarget,
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from '../stores/support/storeTargets.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const signedPolicy = PolicySchema.parse({ ...twoKeys, id: 'two-keys-signed', identity: 'signed' })
const FROM = '2026-01-01T00:00:00Z'
const seed = (n: number) => new Uint8Array(32).fill(n)
const keys = {
  oreshkin: newKeyPair('oreshkin', 'oreshkin-1', FROM, seed(1)),
  grigorenko: newKeyPair('grigorenko', 'grigorenko-1', FROM, seed(2)),
  minzifry: newKeyPair('minzifry', 'minzifry-1', FROM, seed(3)),
}
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

let target: StoreTarget
afterEach(async () => {
  await target?.dispose()
})

describe.each(targets(kinds))('a command id under identity: signed ($name)', (kind) => {
  async function setup() {
    target = await kind.create()
    const engine = createEngine({
      policy: signedPolicy,
      store: target.open(),
      clock: manualClock('2026-03-01T09:00:00Z'),
    })
    await engine.changeKeyring(
      firstKeyringChange(
        signedPolicy,
        [keys.oreshkin.privateKey, keys.grigorenko.privateKey, keys.minzifry.privateKey],
        FROM,
      ),
    )
    await engine.dispatch(
      signCommand(
        { type: 'propose', initiativeId: 'gpu', commandId: 'p1', by: 'minzifry', ...federal },
        keys.minzifry.privateKey,
      ),
    )
    const submit = signCommand(
      { type: 'submit', initiativeId: 'gpu', commandId: 'c4', by: 'minzifry' },
      keys.minzifry.privateKey,
    ) as CommandInput & { signature: { keyId: string; value: string } }
    return { engine, submit }
  }

  it('is not used up by a forged or unsigned copy: the genuine command is taken after them, once', async () => {
    const { engine, submit } = await setup()
    const value = submit.signature.value
    const forged = {
      ...submit,
      signature: { ...submit.signature, value: `${value.slice(0, -2)}${value.endsWith('AA') ? 'BA' : 'AA'}` },
    }
    const { signature: _dropped, ...unsigned } = submit
    const byAnother = signCommand(
      { type: 'submit', initiativeId: 'gpu', commandId: 'c4', by: 'minzifry' },
      keys.oreshkin.privateKey,
    )
    for (const attempt of [forged, unsigned, byAnother, forged]) {
      await expect(engine.dispatch(attempt as CommandInput)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      })
    }
    // Each attempt is kept in the security log, with the command as sent; the id "c4" stays free.
    const log = await engine.securityLog('gpu')
    expect(log.map((r) => r.code)).toEqual(Array(4).fill('UNAUTHENTICATED'))
    expect(log.map((r) => (r.command as { commandId: string }).commandId)).toEqual(Array(4).fill('c4'))
    expect(log.map((r) => r.commandId)).not.toContain('c4')
    expect(new Set(log.map((r) => r.commandId)).size).toBe(4)
    expect(await engine.store.findCommand('c4')).toBeUndefined()

    const genuine = await engine.dispatch(submit)
    expect(genuine).toMatchObject({ commandId: 'c4', seq: 2, replayed: false })
    expect(genuine.board.phase).toBe('review')
    const again = await engine.dispatch(submit)
    expect(again).toMatchObject({ commandId: 'c4', seq: 2, replayed: true })
    // Once taken, a forgery under the id is a different command.
    await expect(engine.dispatch(forged as CommandInput)).rejects.toMatchObject({ code: 'COMMAND_INVALID' })
    // The store still audits clean: every refusal stands behind its own index row.
    expect(await verifyStore(engine.store)).toMatchObject({
      ok: true,
      commandIndex: { checked: 6, problems: [] },
    })
  })
})

describe.each(targets(kinds))('a repeated refusal ($name)', (kind) => {
  it('gets the same refusal: code, reasons and the phrases that word them', async () => {
    target = await kind.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const engine = createEngine({ policy: twoKeys, store: target.open(), clock })
    await engine.propose({ by: 'minzifry', ...federal, initiativeId: 'i' })
    await engine.submit('i', { by: 'minzifry' })
    const selfApproval = () =>
      engine.decide('i', {
        by: 'minzifry',
        key: 'presidential-administration',
        decision: 'approve',
        commandId: 'r',
      })
    const first = await selfApproval().catch((e: unknown) => e)
    const second = await selfApproval().catch((e: unknown) => e)
    expect(first).toMatchObject({ code: 'NOT_AUTHORIZED' })
    const { code, message, reasons, phrases } = first as {
      code: string
      message: string
      reasons: string[]
      phrases: never[]
    }
    expect(phrases.length).toBe(reasons.length)
    expect(phrases.map((p) => renderPhrase(p))).toEqual(reasons)
    expect(second).toMatchObject({ code, message, reasons, phrases })
    // Still the same after the initiative moved on (judged on its log as it stood then).
    clock.advance({ days: 1 })
    await engine.decide('i', { by: 'oreshkin', key: 'presidential-administration', decision: 'approve' })
    await engine.withdraw('i', { by: 'minzifry' })
    const later = await selfApproval().catch((e: unknown) => e)
    expect(later).toMatchObject({ code, message, reasons, phrases })
    const ru = (later as { phrases: never[] }).phrases.map((p) => renderPhrase(p, REFUSAL_MESSAGES_RU))
    expect(ru.join(' ')).toMatch(/[а-яё]/i)
  })
})
