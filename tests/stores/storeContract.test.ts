import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import type { RecordedEvent, RefusalRecord, Store } from '../../src/stores/Store.js'
import { policy, sampleLog } from '../audit/support/sampleLog.js'
import {
  memoryTarget,
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from './support/storeTargets.js'

let byInitiative = new Map<string, RecordedEvent[]>()
beforeAll(async () => {
  byInitiative = new Map()
  for (const e of await sampleLog())
    byInitiative.set(e.initiativeId, [...(byInitiative.get(e.initiativeId) ?? []), e])
})
const eventsOf = (n: number) => [...byInitiative.values()][n] as RecordedEvent[]

const refusal = (over: Partial<RefusalRecord> = {}): RefusalRecord => ({
  initiativeId: 'sample-1',
  commandId: 'refused-1',
  commandHash: 'c0ffee',
  command: { type: 'decide', by: 'minzifry', key: 'presidential-administration', decision: 'approve' },
  at: 1_772_355_600_000,
  code: 'NOT_AUTHORIZED',
  reasons: ['"minzifry" does not hold key "presidential-administration"'],
  ...over,
})

const conflict = expect.objectContaining({ code: 'CONFLICT' })

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('the $name store', (kind) => {
  let target: StoreTarget
  let store: Store
  const open = async () => {
    target = await kind.create()
    store = target.open()
  }
  afterEach(async () => {
    await target?.dispose()
  })

  it('appends and reads back events exactly, from any seq', async () => {
    await open()
    const events = eventsOf(0)
    const id = events[0]?.initiativeId as string
    await store.append(id, 0, events.slice(0, 2))
    await store.append(id, 2, events.slice(2))
    expect(await store.readEvents(id)).toEqual(events)
    expect(await store.readEvents(id, 2)).toEqual(events.slice(2))
    expect(await store.readEvents('nobody')).toEqual([])
    expect(verifyAudit(await store.readEvents(id)).ok).toBe(true)
  })

  it('refuses a stale or skipping append with CONFLICT and stores nothing', async () => {
    await open()
    const events = eventsOf(0)
    const id = events[0]?.initiativeId as string
    await store.append(id, 0, events.slice(0, 2))
    await expect(store.append(id, 1, events.slice(1, 2))).rejects.toEqual(conflict)
    await expect(store.append(id, 3, events.slice(3, 4))).rejects.toEqual(conflict)
    await expect(store.append(id, 0, events.slice(0, 1))).rejects.toEqual(conflict)
    expect(await store.readEvents(id)).toEqual(events.slice(0, 2))
  })

  it('lets exactly one of many concurrent appends at the same seq win', async () => {
    await open()
    const [first] = eventsOf(1)
    const id = first?.initiativeId as string
    const rivals = Array.from({ length: 8 }, (_, i) => {
      const unsigned = { ...(first as RecordedEvent), commandId: `rival-${i}` }
      return { ...unsigned, hash: eventHash(unsigned) }
    })
    const results = await Promise.allSettled(rivals.map((r) => store.append(id, 0, [r])))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toEqual(conflict)
    expect(await store.readEvents(id)).toHaveLength(1)
  })

  it('keeps command ids unique across initiatives (idempotency keys)', async () => {
    await open()
    const a = eventsOf(0)
    const b = eventsOf(1)
    await store.append(a[0]?.initiativeId as string, 0, a.slice(0, 1))
    const reused = { ...(b[0] as RecordedEvent), commandId: a[0]?.commandId as string }
    await expect(store.append(reused.initiativeId, 0, [reused])).rejects.toEqual(conflict)
    expect(await store.readEvents(reused.initiativeId)).toEqual([])
    expect(await store.findCommand(a[0]?.commandId as string)).toEqual({ kind: 'accepted', event: a[0] })
    expect(await store.findCommand('never')).toBeUndefined()
  })

  it('lists initiatives in the order they were started', async () => {
    await open()
    const [a, b, c] = [eventsOf(0), eventsOf(1), eventsOf(2)]
    await store.append(c[0]?.initiativeId as string, 0, c.slice(0, 1))
    await store.append(a[0]?.initiativeId as string, 0, a.slice(0, 1))
    await store.append(c[0]?.initiativeId as string, 1, c.slice(1, 2))
    await store.append(b[0]?.initiativeId as string, 0, b.slice(0, 1))
    expect(await store.listInitiatives()).toEqual([c, a, b].map((e) => e[0]?.initiativeId))
  })

  it('keeps refusals as a security log, and a refused command id stays refused', async () => {
    await open()
    await store.recordRefusal(refusal())
    await store.recordRefusal(refusal({ commandId: 'refused-2', initiativeId: null, at: 5 }))
    await store.recordRefusal(refusal({ at: 9, reasons: ['again'] }))
    expect((await store.refusals()).map((r) => [r.commandId, r.at])).toEqual([
      ['refused-1', 1_772_355_600_000],
      ['refused-2', 5],
      ['refused-1', 9],
    ])
    expect(await store.refusals('sample-1')).toHaveLength(2)
    expect(await store.findCommand('refused-1')).toEqual({ kind: 'refused', refusal: refusal() })
    const event = { ...(eventsOf(0)[0] as RecordedEvent), commandId: 'refused-1' }
    await expect(store.append(event.initiativeId, 0, [event])).rejects.toEqual(conflict)
  })

  it('pins policies by hash; the first stored version wins', async () => {
    await open()
    const hash = hashPolicy(policy)
    expect(await store.getPolicy(hash)).toBeUndefined()
    await store.putPolicy(hash, policy)
    await store.putPolicy(hash, { ...policy, title: 'changed' })
    expect(await store.getPolicy(hash)).toEqual(policy)
  })

  it('stores awkward text and numbers so that hashes still verify', async () => {
    await open()
    const [first] = eventsOf(2)
    const awkward = JSON.parse(JSON.stringify(first)) as RecordedEvent
    Object.assign((awkward.event as { content: Record<string, unknown> }).content, {
      title: 'Экспорт 🚀 "quoted" \\ back\u0000slash \u2028 line',
      budget: 0.1 + 0.2,
    })
    const { hash: _old, ...unsigned } = awkward
    const record = { ...unsigned, hash: eventHash(unsigned) }
    await store.append(record.initiativeId, 0, [record])
    const [back] = await store.readEvents(record.initiativeId)
    expect(back).toEqual(record)
    expect(verifyAudit([back]).ok).toBe(true)
  })

  it('keeps the latest snapshot, if it keeps snapshots at all', async () => {
    await open()
    if (store.saveSnapshot === undefined || store.loadSnapshot === undefined) {
      expect(kind.name).toBe('memory')
      return
    }
    const state = { value: { open: 'review' }, context: { n: 1 }, status: 'active' }
    expect(await store.loadSnapshot('x')).toBeUndefined()
    await store.saveSnapshot('x', { seq: 50, hash: 'h50', policyHash: 'p', state })
    await store.saveSnapshot('x', { seq: 10, hash: 'h10', policyHash: 'p', state: {} })
    expect(await store.loadSnapshot('x')).toEqual({ seq: 50, hash: 'h50', policyHash: 'p', state })
    await store.saveSnapshot('x', { seq: 100, hash: 'h100', policyHash: 'p', state: {} })
    expect((await store.loadSnapshot('x'))?.seq).toBe(100)
  })

  it('keeps everything across a close and reopen', async () => {
    await open()
    if (kind.name === 'memory') return
    const events = eventsOf(2)
    const id = events[0]?.initiativeId as string
    await store.append(id, 0, events)
    await store.recordRefusal(refusal())
    await store.putPolicy(hashPolicy(policy), policy)
    await store.close()
    const reopened = target.open()
    expect(await reopened.readEvents(id)).toEqual(events)
    expect(await reopened.refusals()).toEqual([refusal()])
    expect(await reopened.getPolicy(hashPolicy(policy))).toEqual(policy)
  })
})
