import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyStore } from '../../src/audit/verifyStore.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { auditDb, copyDb } from './support/auditDb.js'
import { asInsider } from './support/insider.js'
import { refusedAttempts, sampleLog } from './support/sampleLog.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-command-index-'))
const original = join(dir, 'original.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  const store = sqliteStore(original)
  await sampleLog(store)
  await refusedAttempts(store)
  await store.close()
})

async function tamperedReport(sql: string) {
  const path = copyDb(original)
  asInsider(path, (db) => db.exec(sql))
  return { path, report: await auditDb(path) }
}

describe('the audit of the command index', () => {
  it('accepts an untouched index: every event and refusal under its id, nothing else', async () => {
    const store = sqliteStore(original)
    expect((await verifyStore(store)).commandIndex).toEqual({ checked: 16, problems: [] })
    await store.close()
    const memory = memoryStore()
    await sampleLog(memory)
    await refusedAttempts(memory)
    expect(await verifyStore(memory)).toMatchObject({ ok: true, commandIndex: { checked: 16, problems: [] } })
  })

  it("reports an edited row: an accepted command's outcome or initiative changed", async () => {
    const outcome = await tamperedReport(
      `UPDATE commands SET outcome = 'refused' WHERE command_id = 'a-propose'`,
    )
    expect(outcome.report.ok).toBe(false)
    expect(outcome.report.commandIndex.problems).toEqual([
      'position 0 (initiative "sample-1", seq 1): the command index has its command id "a-propose" as refused (initiative "sample-1"); the index was edited',
    ])
    const moved = await tamperedReport(
      `UPDATE commands SET initiative_id = 'sample-3' WHERE command_id = 'refused-1'`,
    )
    expect(moved.report.commandIndex.problems).toEqual([
      'security log position 0 (command "refused-1"): the command index has its command id as refused (initiative "sample-3"); the index was edited',
    ])
    const cli = await twokeys('audit', 'verify', '--db', outcome.path)
    expect(cli.code).toBe(1)
    expect(cli.stdout).toContain('command index: 16 ✖')
    expect(cli.stdout).toContain('✖ command index: position 0 (initiative "sample-1", seq 1)')
  })

  it('reports a deleted row, by the event or refusal it belonged to', async () => {
    const { report } = await tamperedReport(
      `DELETE FROM commands WHERE command_id IN ('sample-4', 'refused-3')`,
    )
    expect(report.commandIndex).toEqual({
      checked: 14,
      problems: [
        'position 1 (initiative "sample-1", seq 2): its command id "sample-4" is not in the command index: the index row was deleted, so the id could be used again',
        'security log position 2 (command "refused-3"): its command id is not in the command index: the refusal was inserted, or the index row deleted',
      ],
    })
  })

  it('reports an inserted row that no event or refusal stands behind', async () => {
    const { report } = await tamperedReport(
      `INSERT INTO commands (command_id, initiative_id, outcome) VALUES ('ghost', 'sample-1', 'accepted')`,
    )
    expect(report.commandIndex.problems).toEqual([
      'the command index has "ghost" as accepted (initiative "sample-1"), but the log has no such event: it was deleted, or the index row inserted',
    ])
  })
})
