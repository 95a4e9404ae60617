import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import type { RecordedEvent, RefusalInput, Store } from '../../src/stores/Store.js'
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

const refusal = (over: Partial<RefusalInput> = {}): RefusalInput => ({
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

  it('keeps refusals as a chained security log, and a refused command id stays refused', async () => {
    await open()
    expect(await store.recordRefusal(refusal())).toBeUndefined()
    expect(
      await store.recordRefusal(refusal({ commandId: 'refused-2', initiativeId: null, at: 5 })),
    ).toBeUndefined()
    // One id, one outcome: a second refusal under a taken id is not recorded; the first outcome comes back.
    const again = await store.recordRefusal(refusal({ at: 9, reasons: ['again'] }))
    expect(again).toEqual({ kind: 'refused', refusal: expect.objectContaining(refusal()) })
    const log = await store.refusals()
    expect(log.map((r) => [r.commandId, r.at])).toEqual([
      ['refused-1', 1_772_355_600_000],
      ['refused-2', 5],
    ])
    // Chained like events: each links to the one before and hashes its own fields.
    expect(log[0]?.prevHash).toBe('')
    expect(log[1]?.prevHash).toBe(log[0]?.hash)
    for (const r of log) expect(eventHash(r)).toBe(r.hash)
    expect(await store.refusals('sample-1')).toHaveLength(1)
    expect(await store.findCommand('refused-1')).toEqual({ kind: 'refused', refusal: log[0] })
    const event = { ...(eventsOf(0)[0] as RecordedEvent), commandId: 'refused-1' }
    await expect(store.append(event.initiativeId, 0, [event])).rejects.toEqual(conflict)
    // An accepted id cannot be refused later either.
    const accepted = eventsOf(1)[0] as RecordedEvent
    await store.append(accepted.initiativeId, 0, [accepted])
    expect(await store.recordRefusal(refusal({ commandId: accepted.commandId }))).toEqual({
      kind: 'accepted',
      event: accepted,
    })
    expect(await store.commandIndex()).toEqual(
      expect.arrayContaining([
        { commandId: 'refused-1', initiativeId: 'sample-1', outcome: 'refused' },
        { commandId: 'refused-2', initiativeId: null, outcome: 'refused' },
        { commandId: accepted.commandId, initiativeId: accepted.initiativeId, outcome: 'accepted' },
      ]),
    )
    expect(await store.commandIndex()).toHaveLength(3)
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

  it('keeps every snapshot (append-only) and loads the latest, if it keeps snapshots at all', async () => {
    await open()
    if (
      store.saveSnapshot === undefined ||
      store.loadSnapshot === undefined ||
      store.snapshots === undefined
    ) {
      expect(kind.name).toBe('memory')
      return
    }
    const state = { value: { open: 'review' }, context: { n: 1 }, status: 'active' }
    expect(await store.loadSnapshot('x')).toBeUndefined()
    await store.saveSnapshot('x', { seq: 50, hash: 'h50', policyHash: 'p', state, seal: 's50' })
    await store.saveSnapshot('x', { seq: 10, hash: 'h10', policyHash: 'p', state: {}, seal: 's10' })
    expect(await store.loadSnapshot('x')).toEqual({
      initiativeId: 'x',
      seq: 50,
      hash: 'h50',
      policyHash: 'p',
      state,
      seal: 's50',
    })
    // A second snapshot at a seq already kept is ignored, never overwrites.
    await store.saveSnapshot('x', { seq: 50, hash: 'forged', policyHash: 'p', state: {}, seal: 'x' })
    await store.saveSnapshot('x', { seq: 100, hash: 'h100', policyHash: 'p', state: {}, seal: 's100' })
    expect((await store.loadSnapshot('x'))?.seq).toBe(100)
    expect((await store.snapshots()).map((s) => [s.initiativeId, s.seq, s.hash])).toEqual([
      ['x', 10, 'h10'],
      ['x', 50, 'h50'],
      ['x', 100, 'h100'],
    ])
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
    expect(await reopened.refusals()).toEqual([{ ...refusal(), prevHash: '', hash: expect.any(String) }])
    expect(await reopened.getPolicy(hashPolicy(policy))).toEqual(policy)
  })
})
