import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { policy, sampleLog } from '../audit/support/sampleLog.js'
import { inSchema } from './support/postgres.js'
import {
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from './support/storeTargets.js'

/** Runs SQL on the database behind a target, bypassing the store. */
async function raw(target: StoreTarget, sql: string): Promise<void> {
  const where = target.location
  if ('sqlite' in where) {
    const db = new Database(where.sqlite)
    try {
      db.exec(sql)
    } finally {
      db.close()
    }
  } else if ('postgres' in where) {
    await inSchema(where.postgres, where.schema, sql)
  }
}

const kinds = [sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('the $name event log', (kind) => {
  let target: StoreTarget
  afterEach(async () => {
    await target?.dispose()
  })
  const unprotect = (name: string) =>
    name === 'sqlite'
      ? 'DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete;'
      : 'ALTER TABLE events DISABLE TRIGGER USER;'

  it('refuses UPDATE and DELETE of events in the database itself', async () => {
    target = await kind.create()
    await sampleLog(target.open())
    await expect(raw(target, `UPDATE events SET event = '{}' WHERE seq = 1`)).rejects.toThrow(/append-only/)
    await expect(raw(target, 'DELETE FROM events WHERE seq = 2')).rejects.toThrow(/append-only/)
    if (kind.name === 'postgres') await expect(raw(target, 'TRUNCATE events')).rejects.toThrow(/append-only/)
    expect((await verifyStore(target.open())).ok).toBe(true)
  })

  it('has every edit, deletion and reordering behind its back found at the first touched event', async () => {
    target = await kind.create()
    const log = await sampleLog(target.open())
    await raw(target, unprotect(kind.name))
    const at = (initiative: string, seq: number) =>
      log.findIndex((e) => e.initiativeId === initiative && e.seq === seq)

    await raw(target, `UPDATE events SET revision = 'forged' WHERE initiative_id = 'sample-6' AND seq = 4`)
    expect((await verifyStore(target.open())).audit).toMatchObject({
      ok: false,
      position: at('sample-6', 4),
      problem: 'edited',
    })
    await raw(target, `DELETE FROM events WHERE initiative_id = 'sample-3' AND seq = 2`)
    expect((await verifyStore(target.open())).audit).toMatchObject({
      ok: false,
      position: at('sample-3', 2),
      problem: 'deleted',
    })
    // Swap seq 2 and 3 of the first initiative: the rows come back in the other order.
    await raw(
      target,
      `UPDATE events SET seq = 100 WHERE initiative_id = 'sample-1' AND seq = 2;
       UPDATE events SET seq = 2 WHERE initiative_id = 'sample-1' AND seq = 3;
       UPDATE events SET seq = 3 WHERE initiative_id = 'sample-1' AND seq = 100;`,
    )
    expect((await verifyStore(target.open())).audit).toMatchObject({
      ok: false,
      position: at('sample-1', 2),
    })
  })

  it('has an edited pinned policy found', async () => {
    target = await kind.create()
    await sampleLog(target.open())
    await raw(target, `UPDATE policies SET policy = replace(policy, '"quorum":1', '"quorum":0')`)
    const report = await verifyStore(target.open())
    expect(report.audit.ok).toBe(true)
    expect(report.ok).toBe(false)
    expect(report.policies.problems[0]).toMatch(/^policy [0-9a-f]{12}… was edited/)
    expect(policy.keys[0]?.quorum).toBe(1)
  })
})
