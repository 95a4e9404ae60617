import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { policy } from './support/sampleLog.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-export-long-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('twokeys audit export of a long log', () => {
  it('waits for the file to drain without piling up listeners on it', async () => {
    const db = join(dir, 'long.db')
    const store = sqliteStore(db)
    const clock = manualClock('2026-03-02T09:00:00Z')
    const engine = createEngine({ policy, store, clock })
    const { initiativeId } = await engine.propose({
      by: 'minzifry',
      title: 'Amended often, with a long summary to fill the write buffer',
      summary: 'x'.repeat(1000),
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    await engine.submit(initiativeId, { by: 'minzifry' })
    for (let i = 0; i < 150; i++) {
      clock.advance({ hours: 1 })
      await engine.amend(initiativeId, { by: 'minzifry', summary: `${i} ${'x'.repeat(1000)}` })
    }
    await store.close()

    const warnings: string[] = []
    const listen = (w: Error) => warnings.push(w.name)
    process.on('warning', listen)
    const out = join(dir, 'long.jsonl')
    const run = await twokeys('audit', 'export', '--db', db, '--out', out)
    await new Promise((resolve) => setImmediate(resolve))
    process.off('warning', listen)
    expect(run.code).toBe(0)
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(152)
    expect(warnings).not.toContain('MaxListenersExceededWarning')
  })
})
