import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sampleLog } from './support/sampleLog.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-recipe-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let log: RecordedEvent[] = []
beforeAll(async () => {
  log = await sampleLog()
})

/** Runs the README's standalone script, with plain node and nothing from twokeys. */
function standalone(entries: unknown[], name: string) {
  const file = join(dir, `${name}.jsonl`)
  writeFileSync(file, `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`)
  const run = spawnSync(process.execPath, ['examples/verify-audit-standalone.mjs', file], {
    encoding: 'utf8',
  })
  return { code: run.status, out: run.stdout.trim() }
}

describe('examples/verify-audit-standalone.mjs', () => {
  it('accepts the untouched log, as verifyAudit does', () => {
    expect(verifyAudit(log).ok).toBe(true)
    expect(standalone(log, 'good')).toEqual({ code: 0, out: 'OK 12 events' })
  })

  const tampers: [string, (log: RecordedEvent[]) => unknown[]][] = [
    [
      'an edited decision',
      (l) => l.map((r, i) => (i === 6 ? { ...r, event: { ...r.event, by: 'pa-aide' } } : r)),
    ],
    [
      'an edited budget',
      (l) => l.map((r, i) => (i === 7 ? JSON.parse(JSON.stringify(r).replace('1250000.5', '1250001')) : r)),
    ],
    ['a deleted event', (l) => l.filter((_, i) => i !== 1)],
    ['two swapped events', (l) => [l[0], l[2], l[1], ...l.slice(3)]],
    ['a duplicated event', (l) => [...l.slice(0, 9), l[8], ...l.slice(9)]],
  ]
  for (const [name, tamper] of tampers) {
    it(`rejects ${name} at the same position as verifyAudit`, () => {
      const tampered = tamper(log)
      const result = verifyAudit(tampered)
      if (result.ok) throw new Error(`verifyAudit missed ${name}`)
      const { code, out } = standalone(tampered, name.replaceAll(' ', '-'))
      expect(code).toBe(1)
      expect(out).toMatch(new RegExp(`^TAMPERED at position ${result.position}: `))
    })
  }
})
