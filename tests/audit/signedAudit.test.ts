import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_MESSAGES_RU } from '../../src/audit/auditMessages.ru.js'
import { problemsIn } from '../../src/audit/phrasedProblems.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import type { KeyringChange } from '../../src/identity/KeyringChange.js'
import { newKeyPair, type PrivateKeyFile } from '../../src/identity/PrivateKeyFile.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { signKeyringChange } from '../../src/identity/signKeyringChange.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { auditDb, copyDb } from './support/auditDb.js'
import { asInsider, rewriteInitiative } from './support/insider.js'
import { policy } from './support/sampleLog.js'

const signedPolicy = PolicySchema.parse({ ...policy, id: 'two-keys-signed', identity: 'signed' })
const FROM = '2026-01-01T00:00:00Z'
const seed = (n: number) => new Uint8Array(32).fill(n)
const keys = {
  oreshkin: newKeyPair('oreshkin', 'oreshkin-1', FROM, seed(1)),
  grigorenko: newKeyPair('grigorenko', 'grigorenko-1', FROM, seed(2)),
  minzifry: newKeyPair('minzifry', 'minzifry-1', FROM, seed(3)),
}
const genesis = [keys.oreshkin.privateKey, keys.grigorenko.privateKey].reduce(
  (change, key) => signKeyringChange(change, key),
  {
    base: '',
    version: 1,
    add: [keys.oreshkin.entry, keys.grigorenko.entry, keys.minzifry.entry],
    revoke: [],
    signatures: [],
  } as KeyringChange,
)
let n = 0
const signed = (key: PrivateKeyFile, command: Record<string, unknown>) =>
  signCommand({ ...command, by: key.principal, commandId: `c-${++n}` } as CommandInput, key)

const dir = mkdtempSync(join(tmpdir(), 'twokeys-signed-audit-'))
const original = join(dir, 'signed.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  const store = sqliteStore(original)
  const engine = createEngine({ policy: signedPolicy, store, clock: manualClock('2026-03-01T09:00:00Z') })
  await engine.changeKeyring(genesis)
  const initiativeId = 'kazan'
  const propose = { type: 'propose', initiativeId, title: 'GPU cluster', objective: 'infrastructure' }
  await engine.dispatch(signed(keys.minzifry.privateKey, { ...propose, scope: { kind: 'federal' } }))
  await engine.dispatch(signed(keys.minzifry.privateKey, { type: 'submit', initiativeId }))
  const revision = (await engine.status(initiativeId)).revision.hash
  const decide = { type: 'decide', initiativeId, key: 'presidential-administration', revision }
  await engine.dispatch(signed(keys.oreshkin.privateKey, { ...decide, decision: 'approve' }))
  await store.close()
})

const report = (path: string) => auditDb(path)

/** The sample's approval (seq 3) turned into a refusal, in the event and in its signed command alike. */
function refusalInstead(path: string): void {
  rewriteInitiative(path, 'kazan', (records) =>
    records.map((r) =>
      r.seq === 3
        ? ({
            ...r,
            event: { ...r.event, decision: 'refuse' },
            command: { ...r.command, decision: 'refuse' },
          } as RecordedEvent)
        : r,
    ),
  )
}

describe('the audit of a signed log', () => {
  it('checks every signature against the keyring the store keeps, replayed and checked too', async () => {
    const found = await report(original)
    expect(found.ok).toBe(true)
    expect(found.rules).toEqual({ checked: 3, problems: [] })
    expect(found.keyring).toEqual({ checked: 1, problems: [] })
  })

  it('reports an approval turned into a refusal, command and event alike, every hash recomputed', async () => {
    const path = copyDb(original)
    refusalInstead(path)
    const found = await report(path)
    expect(found.ok).toBe(false)
    expect(found.rules.problems).toEqual([
      expect.stringMatching(/^position 2 \(initiative "kazan", seq 3\): /),
    ])
  })

  it('reports a keyring change written straight into the database', async () => {
    const path = copyDb(original)
    asInsider(path, (db) =>
      db.exec(`UPDATE keyring_changes SET change = replace(change, '"minzifry-1"', '"minzifry-9"')`),
    )
    const found = await report(path)
    expect(found.ok).toBe(false)
    expect(found.keyring.problems).toEqual([expect.stringMatching(/^keyring change 1: /)])
    // Its phrase words it in another language: here each signature's problem, in Russian.
    const [ru = ''] = problemsIn(found.keyring.problems, AUDIT_MESSAGES_RU)
    expect(ru).toMatch(
      /^изменение реестра ключей 1: отклонено: подпись ключом «oreshkin-1» не проходит проверку/,
    )
  })
})

describe('importing a signed log', () => {
  async function exported(path: string): Promise<string> {
    const { exportAudit } = await import('../../src/audit/exportAudit.js')
    const store = sqliteStore(path)
    let text = ''
    for await (const line of exportAudit(store)) text += line
    await store.close()
    return text
  }

  it('checks its signatures against the keyring of a store that holds one', async () => {
    const { importAudit } = await import('../../src/audit/importAudit.js')
    const { memoryStore } = await import('../../src/stores/memoryStore.js')
    const forgedPath = copyDb(original)
    refusalInstead(forgedPath)
    const keyed = async () => {
      const store = memoryStore()
      await createEngine({
        policy: signedPolicy,
        store,
        clock: manualClock('2026-03-01T09:00:00Z'),
      }).changeKeyring(genesis)
      return store
    }
    await expect(
      importAudit(await keyed(), await exported(forgedPath), { policies: [signedPolicy] }),
    ).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining('position 2 (initiative "kazan", seq 3)'),
    })
    expect(
      await importAudit(await keyed(), await exported(original), { policies: [signedPolicy] }),
    ).toMatchObject({
      added: 3,
    })
  })
})
