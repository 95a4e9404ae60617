import { describe, expect, it } from 'vitest'
import { exportAudit } from '../../src/audit/exportAudit.js'
import { importAudit } from '../../src/audit/importAudit.js'
import { readAuditLog } from '../../src/audit/readAuditLog.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { policy, sampleLog } from './support/sampleLog.js'

async function exported() {
  const source = memoryStore()
  await sampleLog(source)
  let text = ''
  for await (const line of exportAudit(source)) text += line
  return { source, text }
}

describe('exportAudit and importAudit', () => {
  it('round-trip a log exactly, and an engine carries on from the copy', async () => {
    const { source, text } = await exported()
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
    // Each line is the stored event plus its place in the store's Merkle log.
    expect(lines.map(({ logIndex: _i, ...event }) => event)).toEqual(await readAuditLog(source))
    expect(lines.map((l) => l.logIndex).sort((a, b) => a - b)).toEqual(lines.map((_, i) => i))
    const copy = memoryStore()
    expect(await importAudit(copy, text, { policies: [policy] })).toEqual({
      events: 12,
      initiatives: 3,
      added: 12,
      missingPolicies: [],
    })
    expect(await readAuditLog(copy)).toEqual(await readAuditLog(source))
    expect(await copy.findCommand('a-propose')).toMatchObject({ kind: 'accepted' })
    const engine = createEngine({ policy, store: copy, clock: manualClock('2026-03-05T09:00:00Z') })
    // The vetoed initiative, returned to its sponsor, is amended on the copy.
    const receipt = await engine.amend('sample-3', { by: 'gov-tatarstan', summary: 'Smaller, second try' })
    expect(receipt.seq).toBe(4)
    expect(receipt.replayed).toBe(false)
  })

  it('is repeatable, and adds only what an earlier copy lacks', async () => {
    const { text } = await exported()
    const lines = text.trimEnd().split('\n')
    const copy = memoryStore()
    await importAudit(copy, `${lines.slice(0, 2).join('\n')}\n`)
    expect(await importAudit(copy, text)).toMatchObject({ added: 10, missingPolicies: [hashPolicy(policy)] })
    expect(await importAudit(copy, text)).toMatchObject({ added: 0 })
  })

  it('refuses a tampered log whole, and a log that differs from the store whole', async () => {
    const { text } = await exported()
    const copy = memoryStore()
    await expect(importAudit(copy, text.replace('"Not now"', '"Why not"'))).rejects.toMatchObject({
      code: 'AUDIT_TAMPERED',
      message: expect.stringContaining('position 6'),
    })
    expect(await copy.listInitiatives()).toEqual([])

    // A store whose own history of one initiative differs: nothing at all is imported.
    const other = memoryStore()
    const engine = createEngine({ policy, store: other, ids: () => 'sample-6' })
    await engine.propose({
      by: 'minzifry',
      title: 'Another story',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    await expect(importAudit(other, text)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await other.listInitiatives()).toEqual(['sample-6'])
  })
})
