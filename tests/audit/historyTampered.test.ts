import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { asInsider, rewriteInitiative } from './support/insider.js'
import { sampleLog } from './support/sampleLog.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-history-'))
const original = join(dir, 'original.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

beforeAll(async () => {
  const store = sqliteStore(original)
  await sampleLog(store)
  await store.close()
})

function copy(name: string): string {
  const path = join(dir, name)
  copyFileSync(original, path)
  return path
}

describe('twokeys history on a tampered database', () => {
  it('shows an untouched history with its chain and rules checked (exit 0)', async () => {
    const { code, stdout, stderr } = await twokeys('history', 'sample-1', '--db', original)
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout.split('\n')[0]).toBe('initiative "sample-1" · 4 events · hash chain ✓ · rules ✓')
  })

  it("exits 1 with the engine's message when an event no longer matches its hash", async () => {
    const path = copy('edited.db')
    asInsider(path, (db) =>
      db.exec(
        `UPDATE events SET event = replace(event, '"oreshkin"', '"pa-aide"') WHERE initiative_id = 'sample-1' AND seq = 3`,
      ),
    )
    const { code, stdout, stderr } = await twokeys('history', 'sample-1', '--db', path)
    expect(code).toBe(1)
    expect(stdout).toContain('hash chain ✖ at seq 3 (edited)')
    expect(stdout).toContain('   3  2026-03-01 18:00Z  DECIDE      pa-aide ')
    expect(stderr).toBe(
      '✖ initiative "sample-1", event 3: its content does not match its hash: it was edited; the stored log was altered — run `twokeys audit verify` and restore it from a backup\n',
    )
  })

  it('exits 1 when a rewrite with every hash recomputed breaks the rules', async () => {
    const path = copy('rewritten.db')
    rewriteInitiative(path, 'sample-1', (records) =>
      records.map((r) =>
        r.seq === 3 ? ({ ...r, event: { ...r.event, by: 'minzifry' } } as RecordedEvent) : r,
      ),
    )
    const { code, stdout, stderr } = await twokeys('history', 'sample-1', '--db', path)
    expect(code).toBe(1)
    expect(stdout.split('\n')[0]).toBe('initiative "sample-1" · 4 events · hash chain ✓ · rules ✖')
    expect(stderr).toMatch(
      /^✖ initiative "sample-1", event 3: the pinned policy's machine does not take DECIDE by "minzifry"/,
    )
  })

  it('says the rules could not be checked when the pinned policy is not in the database', async () => {
    const path = copy('no-policy.db')
    asInsider(path, (db) => db.exec('DELETE FROM policies'))
    const { code, stdout } = await twokeys('history', 'sample-1', '--db', path)
    expect(code).toBe(1)
    expect(stdout.split('\n')[0]).toMatch(
      /^initiative "sample-1" · 4 events · hash chain ✓ · rules not checked \(policy [0-9a-f]{12} is not in the database\)$/,
    )
  })
})
