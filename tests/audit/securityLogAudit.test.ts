import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventHash } from '../../src/domain/eventHash.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { fromRefusalRow, type RefusalRow, toRefusalRow } from '../../src/stores/storedRows.js'
import { twokeys } from '../support/runCli.js'
import { auditDb, copyDb } from './support/auditDb.js'
import { asInsider } from './support/insider.js'
import { refusedAttempts, sampleLog } from './support/sampleLog.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-security-log-'))
const original = join(dir, 'original.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  const store = sqliteStore(original)
  await sampleLog(store)
  await refusedAttempts(store) // refused-1 … refused-4, at security log positions 0 … 3
  await store.close()
})

function tampered(work: (db: Database.Database) => void): string {
  const path = copyDb(original)
  asInsider(path, work)
  return path
}

const report = (path: string) => auditDb(path)

/** Rewrites the security log from `from` (a 0-based position) on with every link and hash recomputed. */
function rechainRefusals(db: Database.Database, from: number): void {
  const rows = db
    .prepare<[], RefusalRow & { position: number }>('SELECT * FROM refusals ORDER BY position')
    .all()
  let prevHash = rows[from - 1]?.hash ?? ''
  for (const row of rows.slice(from)) {
    const { hash: _old, ...unsigned } = { ...fromRefusalRow(row), prevHash }
    const record = { ...unsigned, hash: eventHash(unsigned) }
    db.prepare('UPDATE refusals SET prev_hash = ?, hash = ? WHERE position = ?').run(
      record.prevHash,
      record.hash,
      row.position,
    )
    prevHash = record.hash
  }
}

describe('the audit of the security log', () => {
  it('accepts the untouched log', async () => {
    const found = await report(original)
    expect(found.ok).toBe(true)
    expect(found.securityLog).toEqual({ checked: 4, problems: [] })
    const { stdout } = await twokeys('audit', 'verify', '--db', original)
    expect(stdout).toContain('security log: 4 ✓ · command index: 16 ✓')
  })

  it('reports an edited refusal at its position', async () => {
    const path = tampered((db) =>
      db.exec(`UPDATE refusals SET reasons = '["nothing to see"]' WHERE command_id = 'refused-2'`),
    )
    const found = await report(path)
    expect(found.ok).toBe(false)
    expect(found.securityLog.problems).toEqual([
      'security log position 1 (command "refused-2"): its content no longer matches its hash; it was edited',
    ])
    const cli = await twokeys('audit', 'verify', '--db', path)
    expect(cli.code).toBe(1)
    expect(cli.stdout).toContain('security log: 4 ✖')
    expect(cli.stdout).toContain('✖ security log: security log position 1 (command "refused-2"): its content')
  })

  it('reports a deleted refusal: by the link after it, or, for the last one, by the command index', async () => {
    const middle = await report(
      tampered((db) => db.exec(`DELETE FROM refusals WHERE command_id = 'refused-2'`)),
    )
    expect(middle.securityLog.problems).toEqual([
      'security log position 1 (command "refused-3"): it does not link to the entry before it; an entry was deleted or inserted before it',
    ])
    const last = await report(
      tampered((db) => db.exec(`DELETE FROM refusals WHERE command_id = 'refused-4'`)),
    )
    expect(last.ok).toBe(false)
    expect(last.securityLog.problems).toEqual([])
    expect(last.commandIndex.problems).toEqual([
      'the command index has "refused-4" as refused (initiative "sample-3"), but the security log has no such refusal: it was deleted, or the index row inserted',
    ])
  })

  it('reports an inserted refusal: in the middle by the link after it, at the end by the command index', async () => {
    const forge = (db: Database.Database, position: number, prevHash: string) => {
      const unsigned = {
        initiativeId: 'sample-1',
        commandId: 'forged',
        commandHash: 'c'.repeat(64),
        command: { type: 'decide', by: 'grigorenko' },
        at: Date.parse('2026-03-02T09:00:00Z'),
        code: 'NOT_AUTHORIZED',
        reasons: ['a refusal that never happened'],
        prevHash,
      }
      db.prepare(
        `INSERT INTO refusals (position, initiative_id, command_id, command_hash, command, at, code, reasons, prev_hash, hash)
         VALUES (@position, @initiative_id, @command_id, @command_hash, @command, @at, @code, @reasons, @prev_hash, @hash)`,
      ).run({ position, ...toRefusalRow({ ...unsigned, hash: eventHash(unsigned) }) })
    }
    const hashAt = (db: Database.Database, n: number) =>
      db
        .prepare<[number], { hash: string }>('SELECT hash FROM refusals ORDER BY position LIMIT 1 OFFSET ?')
        .get(n)?.hash ?? ''
    const middle = await report(
      tampered((db) => {
        db.exec('UPDATE refusals SET position = position * 10')
        forge(db, 15, hashAt(db, 0))
        db.exec(
          `INSERT INTO commands (command_id, initiative_id, outcome) VALUES ('forged', 'sample-1', 'refused')`,
        )
      }),
    )
    expect(middle.securityLog.problems).toEqual([
      'security log position 2 (command "refused-2"): it does not link to the entry before it; an entry was deleted or inserted before it',
    ])
    expect(middle.commandIndex.problems).toEqual([])
    const end = await report(tampered((db) => forge(db, 99, hashAt(db, 3))))
    expect(end.securityLog.problems).toEqual([])
    expect(end.commandIndex.problems).toEqual([
      'security log position 4 (command "forged"): its command id is not in the command index: the refusal was inserted, or the index row deleted',
    ])
  })

  it('allows refusals kept before the chain existed only before the chained ones', async () => {
    const legacy = await report(
      tampered((db) => {
        db.exec(
          `UPDATE refusals SET prev_hash = '', hash = '' WHERE command_id IN ('refused-1', 'refused-2')`,
        )
        rechainRefusals(db, 2)
      }),
    )
    expect(legacy.securityLog).toEqual({ checked: 4, problems: [] })
    const blanked = await report(
      tampered((db) => {
        db.exec(`UPDATE refusals SET prev_hash = '', hash = '' WHERE command_id = 'refused-3'`)
        rechainRefusals(db, 3)
      }),
    )
    expect(blanked.securityLog.problems).toEqual([
      'security log position 2 (command "refused-3"): it has no hash but follows chained entries; it was inserted, or its hash blanked',
    ])
  })
})
