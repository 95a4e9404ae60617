import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importAudit } from '../../src/audit/importAudit.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { safeLoadPolicy } from '../../src/policy/loadPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { twokeys } from '../support/runCli.js'

// Each case below is a failure the fuzzer found (tests/fuzz): it crashed or answered INTERNAL.
const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const dir = mkdtempSync(join(tmpdir(), 'twokeys-hostile-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('hostile arguments get a clear error, never a crash', () => {
  it('reads and tick() check their arguments as commands do', async () => {
    const engine = createEngine({ policy, clock: manualClock('2026-03-01T09:00:00Z') })
    for (const read of [
      () => engine.status(Object.create(null)),
      () => engine.history({} as never),
      () => engine.snapshot(42 as never),
      () => engine.securityLog(new Int16Array(3) as never),
      () => engine.status('kazan datacentre'),
      () => engine.tick(Object.create(null)),
      () => engine.tick(Number.NaN),
      () => engine.tick(1.5),
    ]) {
      await expect(read()).rejects.toMatchObject({ code: 'COMMAND_INVALID' })
    }
  })

  it('an imported log with a malformed event, every hash recomputed, is refused as tampered', async () => {
    const source = createEngine({ policy, clock: manualClock('2026-03-01T09:00:00Z') })
    const { initiativeId } = await source.propose({
      by: 'minzifry',
      title: 't',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    await source.submit(initiativeId, { by: 'minzifry' })
    const log = await source.history(initiativeId)
    for (const broken of [
      { ...log[1], event: undefined },
      { ...log[1], event: { ...log[1]?.event, type: ['SUBMIT'] } },
    ]) {
      const { hash: _h, ...unsigned } = broken as unknown as RecordedEvent
      const second = { ...unsigned, hash: eventHash(unsigned) }
      await expect(
        importAudit(memoryStore(), [log[0], second], { policies: [policy] }),
      ).rejects.toMatchObject({
        code: 'AUDIT_TAMPERED',
      })
    }
  })

  it('a document nested too deeply to parse is a located syntax issue', () => {
    const deep = `${'\t- tab\n  "version": 1,\n  "id": "two-keys",\n  "title": "'.repeat(1000)}x"\n}`
    const result = safeLoadPolicy(deep, 'deep.yaml')
    expect(result.success).toBe(false)
    expect(!result.success && result.issues[0]?.message).toMatch(/nests too deeply/)
  })

  it('the CLI names a malformed postgres URL and an export path it cannot write', async () => {
    const bad = await twokeys('audit', 'verify', '--db', 'postgres://%zz@/')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('is not a valid postgres:// URL')
    expect(bad.stderr).not.toContain('internal error')
    await twokeys('run', 'examples/seed-walkthrough.yaml', '--db', join(dir, 'w.db'))
    const report = await twokeys(
      'simulate',
      'machines/policies/two-keys.yaml',
      '--scenario',
      'examples/scenarios/baseline.yaml',
      '--replications',
      '2',
      '--report',
      join(dir, 'missing', 'report.html'),
    )
    expect(report.code).toBe(2)
    expect(report.stderr).toContain('cannot write the report')
    for (const out of [join(dir, 'missing', 'x.jsonl'), dir]) {
      const run = await twokeys('audit', 'export', '--db', join(dir, 'w.db'), '--out', out)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('cannot write the export')
    }
  })
})
