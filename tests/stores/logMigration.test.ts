import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { postgresMigrations } from '../../src/stores/migrations/postgresMigrations.js'
import { sqliteMigrations } from '../../src/stores/migrations/sqliteMigrations.js'
import { postgresStore } from '../../src/stores/postgresStore.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { sampleLog } from '../audit/support/sampleLog.js'
import { freshSchema, pgSkipReason, pgUrl } from './support/postgres.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-log-migration-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const leafOf = (e: RecordedEvent) => ({ initiativeId: e.initiativeId, seq: e.seq, hash: e.hash })

describe('a database written before the Merkle log', () => {
  it('SQLite: gets every stored event into the log, in the order stored, on open', async () => {
    const path = join(dir, 'v3.db')
    const events = await sampleLog()
    // Version 3 as an older twokeys left it, written by the store of that version's schema.
    const db = new Database(path)
    db.exec(
      'CREATE TABLE twokeys_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    )
    for (const m of sqliteMigrations.filter((m) => m.version <= 3)) {
      db.exec(m.sql)
      db.prepare("INSERT INTO twokeys_migrations VALUES (?, ?, 'then')").run(m.version, m.name)
    }
    const insert = db.prepare(
      `INSERT INTO events (initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const e of events)
      insert.run(
        e.initiativeId,
        e.seq,
        e.commandId,
        e.commandHash,
        JSON.stringify(e.event),
        e.policyHash,
        e.revision,
        e.prevHash,
        e.hash,
      )
    db.close()
    const store = sqliteStore(path)
    expect(await store.log?.size()).toBe(events.length)
    expect(await store.log?.leaves(0, events.length)).toEqual(events.map(leafOf))
    await store.close()
  })

  it.skipIf(pgUrl === undefined)(
    `PostgreSQL: the same${pgUrl === undefined ? ` (skipped: ${pgSkipReason})` : ''}`,
    async () => {
      const url = pgUrl as string
      const { schema, drop } = await freshSchema(url)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        const events = await sampleLog()
        await client.query(`SET search_path = ${schema}`)
        await client.query(
          'CREATE TABLE twokeys_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        )
        for (const m of postgresMigrations.filter((m) => m.version <= 3)) {
          await client.query(m.sql)
          await client.query('INSERT INTO twokeys_migrations (version, name) VALUES ($1, $2)', [
            m.version,
            m.name,
          ])
        }
        for (const e of events)
          await client.query(
            `INSERT INTO events (initiative_id, seq, command_id, command_hash, event, policy_hash, revision, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
            [
              e.initiativeId,
              e.seq,
              e.commandId,
              e.commandHash,
              JSON.stringify(e.event),
              e.policyHash,
              e.revision,
              e.prevHash,
              e.hash,
            ],
          )
        const store = postgresStore(url, { schema })
        expect(await store.log?.size()).toBe(events.length)
        expect(await store.log?.leaves(0, events.length)).toEqual(events.map(leafOf))
        await store.close()
      } finally {
        await client.end()
        await drop()
      }
    },
  )
})
