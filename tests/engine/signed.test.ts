import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { revisionHash } from '../../machines/updates.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { type KeyringChange, keyringHash } from '../../src/identity/KeyringChange.js'
import { newKeyPair, type PrivateKeyFile } from '../../src/identity/PrivateKeyFile.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { signKeyringChange } from '../../src/identity/signKeyringChange.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { PolicySchema } from '../../src/policy/PolicySchema.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { type EventRow, fromEventRow } from '../../src/stores/storedRows.js'
import { memoryTarget, type StoreTarget, sqliteTarget, targets } from '../stores/support/storeTargets.js'

const PA = 'presidential-administration'
const signedPolicy = PolicySchema.parse({
  ...loadPolicyFile('machines/policies/two-keys.yaml'),
  id: 'two-keys-signed',
  identity: 'signed',
})
const FROM = '2026-01-01T00:00:00Z'
const seed = (n: number) => new Uint8Array(32).fill(n)
const keys = {
  oreshkin: newKeyPair('oreshkin', 'oreshkin-1', FROM, seed(1)),
  grigorenko: newKeyPair('grigorenko', 'grigorenko-1', FROM, seed(2)),
  minzifry: newKeyPair('minzifry', 'minzifry-1', FROM, seed(3)),
  oreshkin2: newKeyPair('oreshkin', 'oreshkin-2', FROM, seed(4)),
}
const genesis = (): KeyringChange =>
  firstKeyringChange(
    signedPolicy,
    [keys.oreshkin.privateKey, keys.grigorenko.privateKey, keys.minzifry.privateKey],
    FROM,
  )

let n = 0
const id = (prefix: string) => `${prefix}-${++n}`

/** Signs as `key` a command with fresh command id, on `initiativeId`. */
/** A command before its actor and id are filled in (distributed over the union of commands). */
type Unsent = CommandInput extends infer C ? (C extends unknown ? Omit<C, 'commandId' | 'by'> : never) : never

function signed(key: PrivateKeyFile, command: Unsent): CommandInput {
  return signCommand({ ...command, by: key.principal, commandId: id('c') } as CommandInput, key)
}

let target: StoreTarget
afterEach(async () => {
  await target?.dispose()
})

describe.each(targets([memoryTarget, sqliteTarget]))('identity: signed ($name)', (kind) => {
  async function setup(withKeyring = true) {
    target = await kind.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const engine = createEngine({ policy: signedPolicy, store: target.open(), clock })
    if (withKeyring) await engine.changeKeyring(genesis())
    return { engine, clock }
  }

  async function underReview(engine: Engine) {
    const initiativeId = id('kazan')
    await engine.dispatch(
      signed(keys.minzifry.privateKey, {
        type: 'propose',
        initiativeId,
        title: 'GPU cluster',
        objective: 'infrastructure',
        scope: { kind: 'federal' },
        budget: 100,
      }),
    )
    await engine.dispatch(signed(keys.minzifry.privateKey, { type: 'submit', initiativeId }))
    const revision = (await engine.status(initiativeId)).revision.hash
    return { initiativeId, revision }
  }

  it('takes signed commands and keeps each signed command with its event', async () => {
    const { engine } = await setup()
    const { initiativeId, revision } = await underReview(engine)
    const receipt = await engine.dispatch(
      signed(keys.oreshkin.privateKey, {
        type: 'decide',
        initiativeId,
        key: PA,
        decision: 'approve',
        revision,
      }),
    )
    expect(receipt.event.keyring).toBe(1)
    expect(receipt.event.command?.signature?.keyId).toBe('oreshkin-1')
    expect(receipt.board.keys[0]?.status).toBe('turned')
  })

  it("refuses before any keyring, unsigned commands, forged signatures and another principal's key", async () => {
    const bare = await setup(false)
    await expect(
      bare.engine.dispatch(
        signed(keys.minzifry.privateKey, {
          type: 'propose',
          initiativeId: 'x',
          title: 't',
          objective: 'infrastructure',
          scope: { kind: 'federal' },
        }),
      ),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('no keyring yet') })
    await target.dispose()

    const { engine } = await setup()
    const { initiativeId, revision } = await underReview(engine)
    const decide = { type: 'decide' as const, initiativeId, key: PA, decision: 'approve' as const, revision }
    await expect(
      engine.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reasons: ['decide by "oreshkin" is not signed'],
    })
    const good = signed(keys.oreshkin.privateKey, decide) as CommandInput & { signature: { value: string } }
    const forged = {
      ...good,
      signature: { ...good.signature, value: `${good.signature.value.slice(0, -2)}AA` },
    }
    await expect(engine.dispatch(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    // Grigorenko's key, speaking as Oreshkin.
    const byAnother = signCommand(
      { ...decide, by: 'oreshkin', commandId: id('c') },
      {
        ...keys.grigorenko.privateKey,
      },
    )
    await expect(engine.dispatch(byAnother)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reasons: ['key "grigorenko-1" belongs to "grigorenko", but the command acts as "oreshkin"'],
    })
    expect((await engine.securityLog(initiativeId)).map((r) => r.code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ])
    expect((await engine.status(initiativeId)).keys[0]?.status).toBe('pending')
  })

  it('a signed command cannot be replayed onto another initiative, revision or command id', async () => {
    const { engine } = await setup()
    const first = await underReview(engine)
    const second = await underReview(engine)
    const approval = signed(keys.oreshkin.privateKey, {
      type: 'decide',
      initiativeId: first.initiativeId,
      key: PA,
      decision: 'approve',
      revision: first.revision,
    })
    await engine.dispatch(approval)
    // Under its own command id the store refuses the reuse; under a new one, the signature does.
    await expect(
      engine.dispatch({ ...approval, initiativeId: second.initiativeId } as CommandInput),
    ).rejects.toMatchObject({ code: 'COMMAND_INVALID' })
    for (const moved of [
      { initiativeId: second.initiativeId, commandId: id('c') },
      { initiativeId: second.initiativeId, revision: second.revision, commandId: id('c') },
      { commandId: id('c') },
    ]) {
      await expect(engine.dispatch({ ...approval, ...moved } as CommandInput)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
        reasons: ['the signature of "oreshkin" (key "oreshkin-1") does not verify'],
      })
    }
    expect((await engine.status(second.initiativeId)).keys[0]?.status).toBe('pending')
  })

  it('rotation: a revoked key stops signing, the new one signs, and earlier events still verify', async () => {
    const { engine, clock } = await setup()
    const { initiativeId, revision } = await underReview(engine)
    const rotate: KeyringChange = {
      base: keyringHash(await engine.keyring()),
      version: 2,
      add: [keys.oreshkin2.entry],
      revoke: [{ keyId: 'oreshkin-1', at: '2026-03-02T00:00:00Z' }],
      signatures: [],
    }
    // One institution alone cannot change the keyring.
    await expect(
      engine.changeKeyring(signKeyringChange(rotate, keys.oreshkin.privateKey)),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      reasons: ['no valid signature from institution "government-apparatus"'],
    })
    await engine.changeKeyring(
      signKeyringChange(signKeyringChange(rotate, keys.oreshkin.privateKey), keys.grigorenko.privateKey),
    )
    clock.set('2026-03-03T09:00:00Z')
    const decide = { type: 'decide' as const, initiativeId, key: PA, decision: 'approve' as const, revision }
    await expect(engine.dispatch(signed(keys.oreshkin.privateKey, decide))).rejects.toMatchObject({
      reasons: ['key "oreshkin-1" was revoked at 2026-03-02T00:00:00Z'],
    })
    const taken = await engine.dispatch(signed({ ...keys.oreshkin2.privateKey }, decide))
    expect(taken.event.keyring).toBe(2)
    // A fresh engine re-checks every event, under the keyring version each names.
    const reader = createEngine({ policy: signedPolicy, store: target.open(), clock })
    expect((await reader.status(initiativeId)).keys[0]?.status).toBe('turned')
  })
})

describe('an insider who rewrites a signed log and recomputes every hash is caught on load', () => {
  async function written() {
    target = await sqliteTarget.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const engine = createEngine({ policy: signedPolicy, store: target.open(), clock })
    await engine.changeKeyring(genesis())
    const initiativeId = id('kazan')
    await engine.dispatch(
      signed(keys.minzifry.privateKey, {
        type: 'propose',
        initiativeId,
        title: 'GPU cluster',
        objective: 'infrastructure',
        scope: { kind: 'federal' },
        budget: 100,
      }),
    )
    await engine.dispatch(signed(keys.minzifry.privateKey, { type: 'submit', initiativeId }))
    const revision = (await engine.status(initiativeId)).revision.hash
    await engine.dispatch(
      signed(keys.oreshkin.privateKey, {
        type: 'decide',
        initiativeId,
        key: PA,
        decision: 'approve',
        revision,
      }),
    )
    await engine.close()
    const db = new Database((target.location as { sqlite: string }).sqlite)
    db.exec('DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete')
    const events = (db.prepare('SELECT * FROM events ORDER BY seq').all() as EventRow[]).map(fromEventRow)
    const rewrite = (records: RecordedEvent[]) => {
      db.exec('DELETE FROM events')
      let prevHash = ''
      const insert = db.prepare(
        'INSERT INTO events (initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash, command, keyring) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      for (const r of records) {
        const { hash: _old, ...unsigned } = { ...r, prevHash }
        const hash = eventHash(unsigned)
        insert.run(
          r.initiativeId,
          r.seq,
          r.commandId,
          r.commandHash,
          JSON.stringify(r.event),
          r.policyHash,
          r.revision,
          prevHash,
          hash,
          r.command === undefined ? null : JSON.stringify(r.command),
          r.keyring ?? null,
        )
        prevHash = hash
      }
    }
    const reopen = () => createEngine({ policy: signedPolicy, store: target.open(), clock })
    return { initiativeId, events, rewrite, reopen }
  }

  it('a rule-keeping rewrite: the budget × 10, with every revision hash recomputed', async () => {
    const { initiativeId, events, rewrite, reopen } = await written()
    const inflate = (r: RecordedEvent): RecordedEvent => {
      if (r.event.type !== 'PROPOSE') return r
      const content = { ...r.event.content, budget: 1000 }
      return { ...r, event: { ...r.event, content } }
    }
    const inflated = events.map(inflate)
    const propose = inflated[0] as RecordedEvent & { event: { type: 'PROPOSE' } }
    const revision = revisionHash(signedPolicy, initiativeId, 1, propose.event.content)
    rewrite(inflated.map((r) => ({ ...r, revision })))
    await expect(reopen().status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining(
        'event 1: the event is not what the signed propose command by "minzifry" asked for',
      ),
    })
  })

  it('a rule-keeping rewrite that edits the signed command too: the signature no longer verifies', async () => {
    const { initiativeId, events, rewrite, reopen } = await written()
    const [propose, ...rest] = events as [RecordedEvent, ...RecordedEvent[]]
    const content = { ...(propose.event as { content: object }).content, budget: 1000 }
    const command = { ...(propose.command as object), budget: 1000 } as RecordedEvent['command']
    rewrite([
      {
        ...propose,
        event: { ...propose.event, content } as RecordedEvent['event'],
        ...(command ? { command } : {}),
      },
      ...rest,
    ])
    await expect(reopen().status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining(
        'event 1: the signature of "minzifry" (key "minzifry-1") does not verify',
      ),
    })
  })

  it('a rule-breaking rewrite: the sponsor named on the approval', async () => {
    const { initiativeId, events, rewrite, reopen } = await written()
    rewrite(
      events.map((r) => (r.event.type === 'DECIDE' ? { ...r, event: { ...r.event, by: 'minzifry' } } : r)),
    )
    await expect(reopen().status(initiativeId)).rejects.toMatchObject({ code: 'AUDIT_TAMPERED' })
  })

  it('an unsigned event slipped into a signed log', async () => {
    const { initiativeId, events, rewrite, reopen } = await written()
    rewrite(
      events.map((r) =>
        r.event.type === 'DECIDE' ? (({ command: _c, keyring: _k, ...bare }) => bare)(r) : r,
      ),
    )
    await expect(reopen().status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining('event 3: DECIDE by "oreshkin" carries no signed command'),
    })
  })
})
