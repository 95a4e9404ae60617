import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { revisionHash } from '../../machines/updates.js'
import { exportAudit } from '../../src/audit/exportAudit.js'
import { importAudit } from '../../src/audit/importAudit.js'
import { readAuditLog } from '../../src/audit/readAuditLog.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { verifyStore } from '../../src/audit/verifyStore.js'
import type { InitiativeContent } from '../../src/domain/InitiativeContent.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { RecordedEvent } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { twokeys } from '../support/runCli.js'
import { rewriteInitiative } from './support/insider.js'
import { policy, sampleLog } from './support/sampleLog.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-rules-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Content = InitiativeContent & { budget?: number }
const contentOf = (r: RecordedEvent) => (r.event as { content?: Content }).content

/** The budget of every content-bearing event times ten; with `revisions`, the recorded revisions recomputed to match. */
function tenfoldBudget(revisions: boolean) {
  return (records: RecordedEvent[]) => {
    const renamed = new Map<string, string>()
    return records.map((r) => {
      const content = contentOf(r)
      const event =
        content?.budget === undefined
          ? r.event
          : { ...r.event, content: { ...content, budget: content.budget * 10 } }
      const forged = { ...r, event } as RecordedEvent
      if (!revisions) return forged
      const newContent = contentOf(forged)
      if (!renamed.has(r.revision) && newContent !== undefined) {
        renamed.set(r.revision, revisionHash(policy, r.initiativeId, renamed.size + 1, newContent))
      }
      return { ...forged, revision: renamed.get(r.revision) ?? r.revision }
    })
  }
}

/** A sample database with one initiative rewritten by `edit`, every hash recomputed. */
async function forgedDb(name: string, initiativeId: string, edit: (r: RecordedEvent[]) => RecordedEvent[]) {
  const path = join(dir, `${name}.db`)
  const store = sqliteStore(path)
  await sampleLog(store)
  await store.close()
  rewriteInitiative(path, initiativeId, edit)
  return path
}

const forgeries = [
  {
    name: "the sponsor's name put on an approval",
    initiativeId: 'sample-1',
    seq: 3,
    position: 2,
    why: 'does not take DECIDE by "minzifry"',
    edit: (records: RecordedEvent[]) =>
      records.map((r) =>
        r.seq === 3 ? ({ ...r, event: { ...r.event, by: 'minzifry' } } as RecordedEvent) : r,
      ),
  },
  {
    name: 'the budget times ten, its recorded revision left as it was',
    initiativeId: 'sample-6',
    seq: 1,
    position: 7,
    why: 'but the rules give',
    edit: tenfoldBudget(false),
  },
  {
    name: 'the budget times ten, every revision hash recomputed',
    initiativeId: 'sample-6',
    seq: 4,
    position: 10,
    why: 'does not take DECIDE by "grigorenko"',
    edit: tenfoldBudget(true),
  },
]

describe.each(forgeries)('a rewrite with every hash recomputed: $name', (forgery) => {
  const where = `position ${forgery.position} (initiative "${forgery.initiativeId}", seq ${forgery.seq})`
  let path: string
  it('keeps a sound hash chain, so only the rules can tell', async () => {
    path = await forgedDb(forgery.name.replace(/\W+/g, '-'), forgery.initiativeId, forgery.edit)
    const store = sqliteStore(path)
    expect(verifyAudit(await readAuditLog(store)).ok).toBe(true)
    await store.close()
  })

  it('is reported by verifyStore at its position', async () => {
    const store = sqliteStore(path)
    const report = await verifyStore(store)
    await store.close()
    expect(report.ok).toBe(false)
    expect(report.rules.problems).toHaveLength(1)
    expect(report.rules.problems[0]).toMatch(
      new RegExp(`^${escapeRegExp(where)}: .*${escapeRegExp(forgery.why)}`),
    )
  })

  it('is reported by `twokeys audit verify` (exit 1, the position named)', async () => {
    const { code, stdout } = await twokeys('audit', 'verify', '--db', path)
    expect(code).toBe(1)
    expect(stdout).toContain(`✖ rules: ${where}: `)
  })

  it('is refused by the engine on load', async () => {
    const store = sqliteStore(path)
    const engine = createEngine({ policy, store })
    await expect(engine.status(forgery.initiativeId)).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining(`initiative "${forgery.initiativeId}", event ${forgery.seq}:`),
    })
    await store.close()
  })

  it('is refused whole by importAudit and `twokeys audit import`', async () => {
    const source = sqliteStore(path)
    let text = ''
    for await (const line of exportAudit(source)) text += line
    await source.close()
    const copy = memoryStore()
    await expect(importAudit(copy, text, { policies: [policy] })).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining(where),
    })
    expect(await copy.listInitiatives()).toEqual([])

    const file = join(dir, `${forgery.initiativeId}-${forgery.seq}.jsonl`)
    writeFileSync(file, text)
    const target = join(dir, `import-${forgery.initiativeId}-${forgery.seq}.db`)
    const { code, stderr } = await twokeys(
      'audit',
      'import',
      file,
      '--db',
      target,
      '--policy',
      'machines/policies/two-keys.yaml',
    )
    expect(code).toBe(1)
    expect(stderr).toContain(where)
    const imported = sqliteStore(target)
    expect(await imported.listInitiatives()).toEqual([])
    await imported.close()
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
