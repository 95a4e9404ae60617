import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { canonicalJson } from '../../src/domain/canonicalHash.js'
import { stateDigest } from '../../src/domain/stateDigest.js'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { publishCheckpoint } from '../../src/log/publishCheckpoint.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { Store } from '../../src/stores/Store.js'
import { cosign, parseCheckpointText } from '../../src/tlog/checkpoint.js'
import { signerFromSeed, verifierKeyOf } from '../../src/tlog/noteKey.js'
import { COSIGNATURE_ED25519, NOTE_ED25519 } from '../../src/tlog/signedNote.js'
import { type StoreTarget, sqliteTarget } from '../stores/support/storeTargets.js'

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const PA = 'presidential-administration'
const GA = 'government-apparatus'
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

const seed = (n: number) => new Uint8Array(32).fill(n)
const logKey = signerFromSeed('commission.example/twokeys', NOTE_ED25519, seed(1))
const paWitness = signerFromSeed('witness.pa.example', COSIGNATURE_ED25519, seed(2))
const gaWitness = signerFromSeed('witness.ga.example', COSIGNATURE_ED25519, seed(3))
const WITNESSES = [
  `log ${verifierKeyOf(logKey)}`,
  `${PA} ${verifierKeyOf(paWitness)}`,
  `${GA} ${verifierKeyOf(gaWitness)}`,
].join('\n')

let target: StoreTarget
afterEach(async () => {
  await target?.dispose()
})

/** A store that tells from which seq each initiative's events were read (0: from the first). */
function watched(store: Store) {
  const reads: number[] = []
  const spy: Store = Object.create(store)
  spy.readEvents = (initiativeId, afterSeq = 0) => {
    reads.push(afterSeq)
    return store.readEvents(initiativeId, afterSeq)
  }
  return { store: spy, reads }
}

/** The log's checkpoint as it stands, signed, with the witnesses of `institutions` cosigning it. */
async function publish(store: Store, witnesses = [paWitness, gaWitness]) {
  const { size, note } = await publishCheckpoint(store, logKey)
  const text = note.slice(0, note.indexOf('\n\n') + 1)
  if (typeof parseCheckpointText(text) === 'string') throw new Error('not a checkpoint')
  const lines = witnesses.map((w) => cosign(text, w.name, w.seed, w.publicKey, 1_790_000_000))
  await store.log?.addCosignatures(size, lines)
  return size
}

/**
 * Proposed, submitted and approved by Oreshkin (3 events), on a SQLite file, by an engine that
 * trusts checkpoints, with a snapshot every 2 events: one at seq 2.
 */
async function oneKeyTurned() {
  target = await sqliteTarget.create()
  const clock = manualClock('2026-03-01T09:00:00Z')
  const open = (store = target.open()) =>
    createEngine({ policy: twoKeys, store, clock, witnesses: WITNESSES, snapshotEvery: 2 })
  const engine = open()
  const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
  await engine.submit(initiativeId, { by: 'minzifry' })
  await engine.decide(initiativeId, { by: 'oreshkin', key: PA, decision: 'approve' })
  const path = (target.location as { sqlite: string }).sqlite
  return { engine, initiativeId, open, path }
}

const FORGED_TITLE = 'GPU cluster, approved by both keys (forged)'
const titleOf = async (engine: Engine, id: string) =>
  ((await engine.snapshot(id)).context as { content: { title: string } }).content.title
const keysOf = async (engine: Engine, id: string) => (await engine.status(id)).keys.map((k) => k.status)

describe('an engine that trusts cosigned checkpoints', () => {
  it("records each snapshot's state digest on its event's log leaf", async () => {
    const { engine, initiativeId } = await oneKeyTurned()
    const store = target.open()
    const places = (await store.log?.placesOf(initiativeId)) ?? []
    expect(places.map((p) => p.state !== undefined)).toEqual([false, true, false])
    const saved = await store.loadSnapshot?.(initiativeId)
    expect(saved?.seq).toBe(2)
    expect(saved?.seal).toBe('') // no snapshot key: trusted by checkpoint only
    expect(places[1]?.state).toBe(stateDigest(initiativeId, saved as never))
    await engine.close()
    await store.close()
  })

  it('loads from a snapshot a cosigned checkpoint covers, replaying only the events after it', async () => {
    const { engine, initiativeId, open } = await oneKeyTurned()
    await publish(target.open())
    await engine.close()
    const { store, reads } = watched(target.open())
    const fresh = open(store)
    expect(await keysOf(fresh, initiativeId)).toEqual(['turned', 'pending'])
    expect(reads).toEqual([1]) // from event 2 (the snapshot's own, checked) on: events 1 was not replayed
    await fresh.decide(initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' })
    expect((await fresh.status(initiativeId)).phase).toBe('federalRollout')
    await fresh.close()
  })

  it('replays from the first event when not every institution cosigned, or no checkpoint covers a snapshot', async () => {
    const { engine, initiativeId, open } = await oneKeyTurned()
    await engine.close()
    const none = watched(target.open())
    expect(await keysOf(open(none.store), initiativeId)).toEqual(['turned', 'pending'])
    expect(none.reads).toEqual([0])

    await publish(target.open(), [paWitness]) // the Government Apparatus's witness has not cosigned
    const half = watched(target.open())
    expect(await keysOf(open(half.store), initiativeId)).toEqual(['turned', 'pending'])
    expect(half.reads).toEqual([0])
  })

  it('uses the latest covered snapshot when a newer one is not covered yet', async () => {
    const { engine, initiativeId, open } = await oneKeyTurned()
    await publish(target.open()) // covers events 1–3: the snapshot at seq 2
    await engine.decide(initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' })
    await engine.close()
    const store = target.open()
    expect((await store.loadSnapshot?.(initiativeId))?.seq).toBe(4)
    const { store: spy, reads } = watched(store)
    expect(await keysOf(open(spy), initiativeId)).toEqual(['turned', 'turned'])
    expect(reads).toEqual([1])
  })

  it('looks past a covered leaf whose snapshot row is gone, to the latest snapshot there is', async () => {
    const { engine, initiativeId, open, path } = await oneKeyTurned()
    await engine.decide(initiativeId, { by: 'grigorenko', key: GA, decision: 'approve' }) // event 4: a snapshot
    await engine.close()
    await publish(target.open()) // covers events 1–4, the snapshots at 2 and 4 on their leaves
    const db = new Database(path) // the row lost by hand: snapshots are append-only
    dropTriggers(db)
    db.prepare('DELETE FROM snapshots WHERE initiative_id = ? AND seq = 4').run(initiativeId)
    db.close()
    const { store, reads } = watched(target.open())
    expect(await keysOf(open(store), initiativeId)).toEqual(['turned', 'turned'])
    expect(reads).toEqual([1]) // from the snapshot at 2, not from the first event
  })

  it('refuses a snapshot whose own event was edited in place, its hash kept (AUDIT_TAMPERED)', async () => {
    const { engine, initiativeId, open, path } = await oneKeyTurned()
    await publish(target.open())
    await engine.close()
    const db = new Database(path)
    dropTriggers(db)
    const row = db
      .prepare<[string], { event: string }>('SELECT event FROM events WHERE initiative_id = ? AND seq = 2')
      .get(initiativeId)
    const edited = { ...JSON.parse(row?.event ?? '{}'), at: 1 }
    db.prepare('UPDATE events SET event = ? WHERE initiative_id = ? AND seq = 2').run(
      JSON.stringify(edited),
      initiativeId,
    )
    db.close()
    await expect(open(target.open()).status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining("event 2: it no longer matches the engine's trusted snapshot"),
    })
  })

  it('ignores a snapshot row edited after the fact (its digest is not the logged one) and replays', async () => {
    const { engine, initiativeId, open, path } = await oneKeyTurned()
    await publish(target.open())
    await engine.close()
    forgeSnapshot(path, initiativeId, 2, { alsoInLog: false })
    const { store, reads } = watched(target.open())
    const fresh = open(store)
    expect(await titleOf(fresh, initiativeId)).toBe('GPU cluster')
    expect(reads).toEqual([0])
  })

  it('refuses a log rewritten under a cosigned checkpoint (AUDIT_TAMPERED)', async () => {
    const { engine, initiativeId, open, path } = await oneKeyTurned()
    await publish(target.open())
    await engine.close()
    // The insider records a false state on the leaf after the witnesses cosigned the log.
    forgeSnapshot(path, initiativeId, 2, { alsoInLog: true })
    await expect(open().status(initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining('does not hash to the root of a checkpoint both institutions'),
    })
  })

  it('ignores a leaf rewritten after it read the checkpoint: it keeps the leaf hashes it checked', async () => {
    const { engine, initiativeId, open, path } = await oneKeyTurned()
    const other = await engine.propose({ by: 'minzifry', ...federal, title: 'Another' })
    await engine.submit(other.initiativeId, { by: 'minzifry' })
    await publish(target.open())
    await engine.close()
    const { store, reads } = watched(target.open())
    const fresh = open(store)
    await fresh.status(other.initiativeId) // reads and checks the cosigned checkpoint
    forgeSnapshot(path, initiativeId, 2, { alsoInLog: true })
    expect(await titleOf(fresh, initiativeId)).toBe('GPU cluster')
    expect(reads).toEqual([1, 0])
  })

  it('believes a false state an insider logged before the checkpoint — and the audit names it', async () => {
    const { engine, initiativeId, open, path } = await oneKeyTurned()
    await engine.close()
    forgeSnapshot(path, initiativeId, 2, { alsoInLog: true })
    await publish(target.open()) // the witnesses cosign what they are shown: they do not replay
    const fresh = open()
    // Trusted without replay, as documented: the forged state is believed …
    expect(await titleOf(fresh, initiativeId)).toBe(FORGED_TITLE)
    await fresh.close()
    // … and the audit, which replays, reports the false state the log now holds for good.
    const store = target.open()
    const report = await verifyStore(store, { signatureThreads: false })
    expect(report.ok).toBe(false)
    expect(report.snapshots.problems).toEqual([
      `the state the Merkle log records after event 2 of "${initiativeId}" differs from a replay of the log up to it: a false state was written into the log, and an engine trusting checkpoints would believe a snapshot of it`,
      `snapshot of "${initiativeId}" at seq 2 differs from a replay of the log up to it; it was edited`,
    ])
    await store.close()
  })

  it('refuses a witness list it cannot use, and a store that keeps no snapshots', () => {
    expect(() => createEngine({ policy: twoKeys, witnesses: 'log not-a-key' })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('the witnesses option, line 1'),
      }),
    )
    expect(() => createEngine({ policy: twoKeys, store: memoryStore(), witnesses: WITNESSES })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('keeps no snapshots'),
      }),
    )
  })
})

/**
 * As an insider with write access to the database: the snapshot at `seq` rewritten with another
 * title, and — `alsoInLog` — the state digest on its event's log leaf rewritten to match.
 */
/** Lets a test edit rows the store's triggers keep append-only (as an insider with the file could). */
function dropTriggers(db: Database.Database) {
  for (const { name } of db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .all())
    db.exec(`DROP TRIGGER "${name}"`)
}

function forgeSnapshot(
  path: string,
  initiativeId: string,
  seq: number,
  { alsoInLog }: { alsoInLog: boolean },
) {
  const db = new Database(path)
  try {
    dropTriggers(db)
    const row = db
      .prepare<[string, number], { hash: string; state: string }>(
        'SELECT hash, state FROM snapshots WHERE initiative_id = ? AND seq = ?',
      )
      .get(initiativeId, seq)
    if (row === undefined) throw new Error(`no snapshot at ${seq}`)
    const forged = JSON.parse(row.state)
    forged.context.content.title = FORGED_TITLE
    const state = canonicalJson(forged)
    db.prepare('UPDATE snapshots SET state = ? WHERE initiative_id = ? AND seq = ?').run(
      state,
      initiativeId,
      seq,
    )
    if (alsoInLog) {
      const digest = stateDigest(initiativeId, {
        seq,
        hash: row.hash,
        policyHash: hashPolicy(twoKeys),
        state: forged,
      })
      db.prepare(
        'UPDATE log SET state = ? WHERE position = (SELECT position FROM events WHERE initiative_id = ? AND seq = ?)',
      ).run(digest, initiativeId, seq)
    }
  } finally {
    db.close()
  }
}
