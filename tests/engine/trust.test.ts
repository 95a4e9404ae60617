import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { canonicalJson } from '../../src/domain/canonicalHash.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { type EventRow, fromEventRow } from '../../src/stores/storedRows.js'
import { type StoreTarget, sqliteTarget } from '../stores/support/storeTargets.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const PA = 'presidential-administration'
const GA = 'government-apparatus'
const KEY = 'the engine secret, kept in a file'
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

let target: StoreTarget
afterEach(async () => {
  await target?.dispose()
})

/** An initiative with Oreshkin's approval only, on a fresh SQLite file; and raw write access to it. */
async function oneKeyTurned(snapshotEvery = 0) {
  target = await sqliteTarget.create()
  const clock = manualClock('2026-03-01T09:00:00Z')
  const engine = createEngine({
    policy: twoKeys,
    store: target.open(),
    clock,
    snapshotKey: KEY,
    snapshotEvery,
  })
  const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
  await engine.submit(initiativeId, { by: 'minzifry' })
  await engine.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })
  await engine.close()
  const path = (target.location as { sqlite: string }).sqlite
  const db = new Database(path)
  const insider = {
    db,
    dropTriggers() {
      for (const t of ['events_no_update', 'events_no_delete', 'snapshots_no_update', 'snapshots_no_delete'])
        db.exec(`DROP TRIGGER IF EXISTS ${t}`)
    },
    events: (): RecordedEvent[] =>
      (
        db
          .prepare('SELECT * FROM events WHERE initiative_id = ? ORDER BY seq')
          .all(initiativeId) as EventRow[]
      ).map(fromEventRow),
    /** Rewrites the whole log from `records`, recomputing every hash and link, as an insider would. */
    rewrite(records: RecordedEvent[]) {
      let prev = ''
      db.exec(`DELETE FROM events WHERE initiative_id = '${initiativeId}'`)
      const insert = db.prepare(
        'INSERT INTO events (initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      for (const r of records) {
        const { hash: _h, ...unsigned } = { ...r, prevHash: prev }
        const hash = eventHash(unsigned)
        insert.run(
          r.initiativeId,
          r.seq,
          r.commandId,
          r.commandHash,
          JSON.stringify(r.event),
          r.policyHash,
          r.revision,
          prev,
          hash,
        )
        prev = hash
      }
    },
  }
  const reopen = () => createEngine({ policy: twoKeys, store: target.open(), clock, snapshotKey: KEY })
  return { initiativeId, insider, reopen, clock }
}

describe('the engine trusts only what it checked', () => {
  it('refuses a log whose chain was broken, naming the event', async () => {
    const { initiativeId, insider, reopen } = await oneKeyTurned()
    insider.dropTriggers()
    insider.db
      .prepare('UPDATE events SET event = ? WHERE seq = 3')
      .run(JSON.stringify({ ...insider.events()[2]?.event, by: 'grigorenko' }))
    await expect(reopen().status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining('event 3: its content does not match its hash'),
    })
  })

  it('refuses a rewrite that recomputes every hash but breaks a rule (the sponsor approving)', async () => {
    const { initiativeId, insider, reopen } = await oneKeyTurned()
    insider.dropTriggers()
    const events = insider.events()
    const approval = events[2] as RecordedEvent
    insider.rewrite([
      ...events.slice(0, 2),
      { ...approval, event: { ...approval.event, by: 'minzifry' } as never },
    ])
    await expect(reopen().status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringMatching(
        /event 3: the pinned policy's machine does not take DECIDE by "minzifry"/,
      ),
    })
  })

  it('ignores a forged snapshot (no valid seal) and replays the log instead', async () => {
    const { initiativeId, insider, reopen } = await oneKeyTurned()
    // The forger plants a state in which both keys are turned, chained onto the real event 3.
    const machine = createInitiativeMachine(twoKeys)
    const real = await (async () => {
      const engine = reopen()
      const snapshot = await engine.snapshot(initiativeId)
      await engine.close()
      return machine.getPersistedSnapshot(snapshot as never) as unknown as { value: Record<string, unknown> }
    })()
    const forged = JSON.parse(JSON.stringify(real))
    forged.value.open.review[GA] = 'turned'
    insider.db
      .prepare(
        'INSERT INTO snapshots (initiative_id, seq, hash, policy_hash, state, seal) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(
        initiativeId,
        3,
        insider.events()[2]?.hash,
        hashPolicy(twoKeys),
        canonicalJson(forged),
        'ab'.repeat(32),
      )
    const engine = reopen()
    expect((await engine.status(initiativeId)).keys.map((k) => k.status)).toEqual(['turned', 'pending'])
    // Had the forged state been believed, Grigorenko's key would already count and COMPLETE would follow.
    await expect(engine.complete(initiativeId, { by: 'minzifry' })).rejects.toMatchObject({ code: 'REFUSED' })
  })

  it('uses a sealed snapshot, and refuses a log rewritten under it', async () => {
    const { initiativeId, insider, reopen } = await oneKeyTurned(3)
    const sealed = insider.db.prepare('SELECT seq, seal FROM snapshots').all() as {
      seq: number
      seal: string
    }[]
    expect(sealed).toEqual([{ seq: 3, seal: expect.stringMatching(/^[0-9a-f]{64}$/) }])
    expect((await reopen().status(initiativeId)).keys[0]?.status).toBe('turned')
    // The insider makes Oreshkin's approval a refusal and recomputes every hash: the seal still names the old event 3.
    insider.dropTriggers()
    const events = insider.events()
    const approval = events[2] as RecordedEvent
    insider.rewrite([
      ...events.slice(0, 2),
      { ...approval, event: { ...approval.event, decision: 'refuse' } as never },
    ])
    await expect(reopen().status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining("event 3: it no longer matches the engine's trusted snapshot"),
    })
  })

  it('refuses a snapshot key shorter than 16 bytes', () => {
    expect(() => createEngine({ policy: twoKeys, snapshotKey: 'short' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    )
  })
})
