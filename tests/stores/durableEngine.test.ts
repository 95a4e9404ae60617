import { afterEach, describe, expect, it } from 'vitest'
import { createInitiativeMachine } from '../../machines/initiative.js'
import { readAuditLog } from '../../src/audit/readAuditLog.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { canonicalJson } from '../../src/domain/canonicalHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { foldEvents } from '../../src/engine/foldEvents.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import type { Store } from '../../src/stores/Store.js'
import {
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from './support/storeTargets.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const singleKey = loadPolicyFile('machines/policies/single-key.yaml')
const PA = 'presidential-administration'
const GA = 'government-apparatus'
const federal = { objective: 'infrastructure', scope: { kind: 'federal' as const } }
const KEY = 'a snapshot key the database never sees'

/** The persisted form of a machine snapshot, canonical, to compare two states exactly. */
function persisted(policy: typeof twoKeys, snapshot: unknown): string {
  const machine = createInitiativeMachine(policy)
  return canonicalJson(
    machine.getPersistedSnapshot(snapshot as Parameters<typeof machine.getPersistedSnapshot>[0]),
  )
}

/** A store that counts how events are read, to see what a load replays. */
function counting(store: Store) {
  const reads: number[] = []
  const wrapped: Store = {
    ...store,
    kind: store.kind,
    readEvents: (id, afterSeq) => {
      reads.push(afterSeq ?? 0)
      return store.readEvents(id, afterSeq)
    },
  }
  return { store: wrapped, reads }
}

const kinds = [sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('the engine on $name', (kind) => {
  let target: StoreTarget
  afterEach(async () => {
    await target?.dispose()
  })

  it('survives a restart: state, history, refusals and idempotency keys', async () => {
    target = await kind.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const first = createEngine({ policy: twoKeys, store: target.open(), clock })
    const { initiativeId } = await first.propose({ by: 'minzifry', title: 'GPU cluster', ...federal })
    await first.submit(initiativeId, { by: 'minzifry' })
    await first.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve', commandId: 'pa-yes' })
    await expect(
      first.decide(initiativeId, { by: 'pa-aide', key: GA, decision: 'approve', commandId: 'bad' }),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' })
    const before = await first.status(initiativeId)
    await first.close()

    const second = createEngine({ policy: twoKeys, store: target.open(), clock })
    expect(await second.status(initiativeId)).toEqual(before)
    expect(verifyAudit(await second.history(initiativeId)).ok).toBe(true)
    expect(await second.securityLog(initiativeId)).toHaveLength(1)
    const again = await second.decide(initiativeId, {
      by: 'oreshkin',
      key: PA,
      decision: 'approve',
      commandId: 'pa-yes',
    })
    expect(again).toMatchObject({ replayed: true, seq: 3 })
    await expect(
      second.decide(initiativeId, { by: 'pa-aide', key: GA, decision: 'approve', commandId: 'bad' }),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORIZED' })
    const done = await second.decide(initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' })
    expect(done.board.phase).toBe('federalRollout')
    await second.close()
  })

  it('never lets a new policy change a running initiative', async () => {
    target = await kind.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const old = createEngine({ policy: twoKeys, store: target.open(), clock })
    const running = await old.propose({ by: 'minzifry', title: 'Started under two keys', ...federal })
    await old.submit(running.initiativeId, { by: 'minzifry' })
    await old.close()

    const updated = createEngine({ policy: singleKey, store: target.open(), clock })
    const fresh = await updated.propose({ by: 'minzifry', title: 'Started under one key', ...federal })
    await updated.submit(fresh.initiativeId, { by: 'minzifry' })
    const oldOne = await updated.decide(running.initiativeId, {
      by: 'oreshkin',
      key: PA,
      decision: 'approve',
    })
    const newOne = await updated.decide(fresh.initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })

    // The running initiative still needs both keys; the new one is approved by one.
    expect(oldOne.event.policyHash).toBe(hashPolicy(twoKeys))
    expect(oldOne.board.keys.map((k) => [k.key, k.status])).toEqual([
      [PA, 'turned'],
      [GA, 'pending'],
    ])
    expect(newOne.event.policyHash).toBe(hashPolicy(singleKey))
    expect(newOne.board.phase).toBe('federalRollout')
    await expect(
      updated.decide(fresh.initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' }),
    ).rejects.toMatchObject({ code: expect.any(String) })
    const done = await updated.decide(running.initiativeId, {
      by: 'grigorenko',
      key: GA,
      decision: 'approve',
    })
    expect(done.board.phase).toBe('federalRollout')
    expect((await verifyStore(target.open())).ok).toBe(true)
    await updated.close()
  })

  it('loads from a snapshot to the same state as a replay from the start', async () => {
    target = await kind.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const writer = createEngine({
      policy: twoKeys,
      store: target.open(),
      clock,
      snapshotEvery: 5,
      snapshotKey: KEY,
    })
    const { initiativeId } = await writer.propose({ by: 'minzifry', title: 'Amended often', ...federal })
    await writer.submit(initiativeId, { by: 'minzifry' })
    for (let i = 0; i < 10; i++) {
      clock.advance({ hours: 1 })
      await writer.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })
      await writer.amend(initiativeId, { by: 'minzifry', summary: `draft ${i}` })
    }
    await writer.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })
    await writer.close()

    const store = target.open()
    expect((await store.loadSnapshot?.(initiativeId))?.seq).toBe(20)
    const { store: watched, reads } = counting(store)
    const reader = createEngine({ policy: twoKeys, store: watched, clock, snapshotKey: KEY })
    const fromSnapshot = await reader.snapshot(initiativeId)
    // Only the snapshot's own event (to check it still matches the seal) and the one after it were read.
    expect(reads).toEqual([19])

    const history = await store.readEvents(initiativeId)
    expect(history).toHaveLength(23)
    const machine = createInitiativeMachine(twoKeys)
    const replayed = foldEvents(
      machine,
      hashPolicy(twoKeys),
      history.map((r) => r.event),
    )
    expect(persisted(twoKeys, fromSnapshot)).toBe(persisted(twoKeys, replayed))
    expect(fromSnapshot.value).toEqual(replayed.value)

    // And the engine carries on from it exactly as it would have.
    const next = await reader.decide(initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' })
    expect(next.board.phase).toBe('federalRollout')
    expect(verifyAudit(await readAuditLog(store)).ok).toBe(true)
    // Every snapshot kept (at seq 5, 10, 15 and 20) is checked, not only the latest.
    expect((await verifyStore(store)).snapshots).toEqual({ checked: 4, problems: [] })
  })

  it('ignores a snapshot that does not chain on to the log or is not a state of the machine', async () => {
    target = await kind.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const writer = createEngine({
      policy: twoKeys,
      store: target.open(),
      clock,
      snapshotEvery: 0,
      snapshotKey: KEY,
    })
    const { initiativeId } = await writer.propose({ by: 'minzifry', title: 'Stale snapshot', ...federal })
    await writer.submit(initiativeId, { by: 'minzifry' })
    await writer.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })
    const store = target.open()
    const context = (await writer.snapshot(initiativeId)).context
    const forge = (seq: number, hash: string, value: unknown) =>
      store.saveSnapshot?.(initiativeId, {
        seq,
        hash,
        policyHash: hashPolicy(twoKeys),
        state: { value, context, status: 'active' },
        seal: 'f'.repeat(64),
      })
    // Claims the initiative was never submitted, but does not chain on to event 2.
    await forge(1, 'not-the-hash-of-seq-1', { open: 'draft' })
    const reader = createEngine({ policy: twoKeys, store, clock, snapshotKey: KEY })
    expect((await reader.status(initiativeId)).keys[0]?.status).toBe('turned')
    expect((await verifyStore(store)).snapshots.problems).toEqual([
      `snapshot of "${initiativeId}" at seq 1 does not match event seq 1 of the log`,
    ])
    // Chains on, but names no state of the machine.
    const [, second] = await store.readEvents(initiativeId)
    await forge(2, second?.hash as string, 'nowhere')
    const another = createEngine({ policy: twoKeys, store, clock, snapshotKey: KEY })
    expect((await another.status(initiativeId)).keys[0]?.status).toBe('turned')
    // Snapshots are append-only: the forgery at seq 1 is still there and still reported.
    expect((await verifyStore(store)).snapshots.problems).toEqual([
      `snapshot of "${initiativeId}" at seq 1 does not match event seq 1 of the log`,
      `snapshot of "${initiativeId}" at seq 2 differs from a replay of the log up to it; it was edited`,
    ])
    await writer.close()
  })
})
