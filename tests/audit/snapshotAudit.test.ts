import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { auditDb, copyDb } from './support/auditDb.js'
import { asInsider, rewriteInitiative } from './support/insider.js'
import { policy, SNAPSHOT_KEY, sampleLog } from './support/sampleLog.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-snapshots-'))
const sealed = join(dir, 'sealed.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  // A snapshot every 2 events: sample-1 at 2 and 4, sample-3 at 2, sample-6 at 2 and 4.
  const store = sqliteStore(sealed)
  await sampleLog(store, { snapshotKey: SNAPSHOT_KEY, snapshotEvery: 2 })
  await store.close()
})

/** A copy of the sealed sample database, to tamper with. */
const copy = () => copyDb(sealed)

const report = (path: string, snapshotKey?: string) =>
  auditDb(path, snapshotKey === undefined ? {} : { snapshotKey })

/** The stored state of a snapshot, as JSON text. */
function stateAt(path: string, initiativeId: string, seq: number): string {
  return asInsider(path, (db) => {
    const row = db
      .prepare<[string, number], { state: string }>(
        'SELECT state FROM snapshots WHERE initiative_id = ? AND seq = ?',
      )
      .get(initiativeId, seq)
    if (row === undefined) throw new Error(`no snapshot of ${initiativeId} at ${seq}`)
    return row.state
  })
}

describe('the audit of snapshots', () => {
  it('replays every snapshot the store keeps, not only the latest', async () => {
    const store = sqliteStore(sealed)
    expect((await store.snapshots?.())?.map((s) => `${s.initiativeId}@${s.seq}`)).toEqual([
      'sample-1@2',
      'sample-1@4',
      'sample-3@2',
      'sample-6@2',
      'sample-6@4',
    ])
    await store.close()
    expect((await report(sealed)).snapshots).toEqual({ checked: 5, problems: [] })
    expect((await report(sealed, SNAPSHOT_KEY)).ok).toBe(true)
  })

  it('reports a forged snapshot row claiming an approved state, at an earlier seq and at a seq of its own', async () => {
    const path = copy()
    const approved = stateAt(path, 'sample-1', 4)
    asInsider(path, (db) => {
      db.prepare("UPDATE snapshots SET state = ? WHERE initiative_id = 'sample-1' AND seq = 2").run(approved)
      const third = db
        .prepare<[], { hash: string }>("SELECT hash FROM events WHERE initiative_id = 'sample-3' AND seq = 3")
        .get()
      db.prepare(
        'INSERT INTO snapshots (initiative_id, seq, hash, policy_hash, state, seal) VALUES (?, ?, ?, ?, ?, ?)',
      ).run('sample-3', 3, third?.hash, hashPolicy(policy), approved, 'f'.repeat(64))
    })
    const found = await report(path)
    expect(found.ok).toBe(false)
    expect(found.snapshots).toEqual({
      checked: 6,
      problems: [
        'snapshot of "sample-1" at seq 2 differs from a replay of the log up to it; it was edited',
        'snapshot of "sample-3" at seq 3 differs from a replay of the log up to it; it was edited',
      ],
    })
    // The engine never trusted them: their seals are not its own.
    const store = sqliteStore(path)
    const engine = createEngine({ policy, store, snapshotKey: SNAPSHOT_KEY })
    expect((await engine.status('sample-3')).phase).toBe('returned')
    await store.close()
    const cli = await twokeys('audit', 'verify', '--db', path)
    expect(cli.code).toBe(1)
    expect(cli.stdout).toContain(
      '✖ snapshots: snapshot of "sample-1" at seq 2 differs from a replay of the log up to it; it was edited',
    )
  })

  it('reports a snapshot of an initiative the log does not have, or past its end', async () => {
    const path = copy()
    const state = stateAt(path, 'sample-1', 4)
    asInsider(path, (db) => {
      const insert = db.prepare(
        'INSERT INTO snapshots (initiative_id, seq, hash, policy_hash, state, seal) VALUES (?, ?, ?, ?, ?, ?)',
      )
      insert.run('ghost', 1, 'h', hashPolicy(policy), state, '')
      insert.run('sample-1', 9, 'h', hashPolicy(policy), state, '')
    })
    expect((await report(path)).snapshots.problems).toEqual([
      'snapshot of "sample-1" at seq 9 does not match event seq 9 of the log',
      'snapshot of "ghost" at seq 1 belongs to no initiative in the log: its events were deleted, or it was inserted',
    ])
  })

  it('hides nothing when snapshot rows are deleted: the log is replayed from its first event', async () => {
    const path = copy()
    rewriteInitiative(path, 'sample-1', (records) =>
      records.map((r) =>
        r.seq === 3 ? ({ ...r, event: { ...r.event, by: 'minzifry' } } as RecordedEvent) : r,
      ),
    )
    asInsider(path, (db) => db.exec("DELETE FROM snapshots WHERE initiative_id = 'sample-1'"))
    const found = await report(path)
    expect(found.ok).toBe(false)
    // No snapshot row is left to compare; the state the log recorded at the snapshot point stays.
    expect(found.snapshots).toEqual({
      checked: 3,
      problems: [
        'the state the Merkle log records after event 4 of "sample-1" could not be checked: the log breaks the rules before it (position 2)',
      ],
    })
    expect(found.rules.problems).toEqual([
      expect.stringMatching(
        /^position 2 \(initiative "sample-1", seq 3\): .*does not take DECIDE by "minzifry"/,
      ),
    ])
  })

  it('checks seals only when given the snapshot key, and reports a bad one then', async () => {
    const path = copy()
    asInsider(path, (db) =>
      db.exec(`UPDATE snapshots SET seal = '${'f'.repeat(64)}' WHERE initiative_id = 'sample-6' AND seq = 4`),
    )
    expect((await report(path)).ok).toBe(true)
    const keyed = await report(path, SNAPSHOT_KEY)
    expect(keyed.ok).toBe(false)
    expect(keyed.snapshots.problems).toEqual([
      'snapshot of "sample-6" at seq 4 has a seal that does not verify under the snapshot key: no engine holding the key wrote it',
    ])

    const keyFile = join(dir, 'snapshot.key')
    writeFileSync(keyFile, `${SNAPSHOT_KEY}\n`)
    const plain = await twokeys('audit', 'verify', '--db', path)
    const withFile = await twokeys('audit', 'verify', '--db', path, '--snapshot-key-file', keyFile)
    process.env.TWOKEYS_SNAPSHOT_KEY = SNAPSHOT_KEY
    const withEnv = await twokeys('audit', 'verify', '--db', path).finally(() => {
      delete process.env.TWOKEYS_SNAPSHOT_KEY
    })
    expect([plain.code, withFile.code, withEnv.code]).toEqual([0, 1, 1])
    expect(plain.stdout).toContain('snapshots: 5 ✓ (seals not checked: no snapshot key)')
    expect(withFile.stdout).toContain(
      '✖ snapshots: snapshot of "sample-6" at seq 4 has a seal that does not verify',
    )
    expect(withEnv.stdout).toBe(withFile.stdout)
    expect((await twokeys('audit', 'verify', '--db', sealed, '--snapshot-key-file', keyFile)).code).toBe(0)
  })
})
