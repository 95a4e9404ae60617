import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { RecordedEvent, Store, StoreLog } from '../../src/stores/Store.js'
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
const leafOf = (e: RecordedEvent) => ({ initiativeId: e.initiativeId, seq: e.seq, hash: e.hash })
void policy

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('the Merkle log of the $name store', (kind) => {
  let target: StoreTarget
  let store: Store
  let log: StoreLog
  const open = async () => {
    target = await kind.create()
    store = target.open()
    if (store.log === undefined) throw new Error(`${kind.name} has no log`)
    log = store.log
  }
  afterEach(async () => {
    await target?.dispose()
  })

  it('gives every appended event the next index, across initiatives, in append order', async () => {
    await open()
    const a = eventsOf(0)
    const b = eventsOf(1)
    // Interleave: a1..2, b1, a3.., b2..
    await store.append(a[0]?.initiativeId as string, 0, a.slice(0, 2))
    await store.append(b[0]?.initiativeId as string, 0, b.slice(0, 1))
    await store.append(a[0]?.initiativeId as string, 2, a.slice(2))
    await store.append(b[0]?.initiativeId as string, 1, b.slice(1))
    const expected = [...a.slice(0, 2), ...b.slice(0, 1), ...a.slice(2), ...b.slice(1)].map(leafOf)
    expect(await log.size()).toBe(expected.length)
    expect(await log.leaves(0, expected.length)).toEqual(expected)
    expect(await log.leaves(2, 4)).toEqual(expected.slice(2, 4))
    const indexesOf = async (id: string) => (await log.placesOf(id)).map((p) => p.index)
    expect(await indexesOf(a[0]?.initiativeId as string)).toEqual([0, 1, ...a.slice(2).map((_, i) => 3 + i)])
    expect(await indexesOf(b[0]?.initiativeId as string)).toEqual([
      2,
      ...b.slice(1).map((_, i) => 3 + a.length - 2 + i),
    ])
  })

  it('a refused append (stale head) takes no index', async () => {
    await open()
    const a = eventsOf(0)
    const id = a[0]?.initiativeId as string
    await store.append(id, 0, a.slice(0, 1))
    await expect(store.append(id, 0, a.slice(0, 1))).rejects.toMatchObject({ code: 'CONFLICT' })
    await store.append(id, 1, a.slice(1, 2))
    expect(await log.size()).toBe(2)
    expect(await log.leaves(0, 2)).toEqual(a.slice(0, 2).map(leafOf))
  })

  it("records a state digest on the leaf of an append's last event, and refuses a malformed one", async () => {
    await open()
    const a = eventsOf(0)
    const id = a[0]?.initiativeId as string
    const digest = 'ab'.repeat(32)
    await store.append(id, 0, a.slice(0, 3), { state: digest })
    await store.append(id, 3, a.slice(3, 4))
    expect(await log.placesOf(id)).toEqual([
      { index: 0 },
      { index: 1 },
      { index: 2, state: digest },
      { index: 3 },
    ])
    expect((await log.leaves(0, 4)).map((l) => l.state)).toEqual([undefined, undefined, digest, undefined])
    for (const bad of ['AB'.repeat(32), 'ab', `${digest}\n`]) {
      await expect(store.append(id, 4, a.slice(4, 5), { state: bad })).rejects.toMatchObject({
        code: 'INTERNAL',
        message: expect.stringContaining('64 lower-case hex digits'),
      })
    }
    // Nothing of a refused append was stored.
    expect(await log.size()).toBe(4)
    expect((await store.readEvents(id)).length).toBe(4)
  })

  it('keeps one checkpoint per size, adds cosignatures once each, and returns the latest', async () => {
    await open()
    expect(await log.latestCheckpoint()).toBeUndefined()
    const note1 = 'o\n1\nAAAA\n\n— o QUJDRA==\n'
    const note2 = 'o\n2\nBBBB\n\n— o QUJDRA==\n'
    await log.saveCheckpoint({ size: 1, note: note1 })
    await log.saveCheckpoint({ size: 1, note: note1 })
    await expect(log.saveCheckpoint({ size: 1, note: note2 })).rejects.toMatchObject({ code: 'CONFLICT' })
    await log.saveCheckpoint({ size: 2, note: note2 })
    await log.addCosignatures(2, ['— w1 AAAA', '— w2 BBBB\n', '— w1 AAAA'])
    await expect(log.addCosignatures(3, ['— w1 AAAA'])).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(log.addCosignatures(2, ['not a line'])).rejects.toMatchObject({ code: 'COMMAND_INVALID' })
    expect(await log.latestCheckpoint()).toEqual({ size: 2, note: `${note2}— w1 AAAA\n— w2 BBBB\n` })
    expect((await log.checkpoints()).map((c) => c.size)).toEqual([1, 2])
    expect((await log.checkpoints())[0]).toEqual({ size: 1, note: note1 })
  })

  it('runs exclusive work once at a time under one name', async () => {
    await open()
    let inside = 0
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    const first = log.exclusive('checkpoint', async () => {
      inside++
      await gate
      return 'first'
    })
    // Give the first its lock before the second asks.
    await new Promise((r) => setTimeout(r, 50))
    const second = await log.exclusive('checkpoint', async () => 'second')
    release()
    expect(await first).toEqual({ ran: true, value: 'first' })
    expect(second).toEqual({ ran: false })
    expect(inside).toBe(1)
    expect(await log.exclusive('checkpoint', async () => 'again')).toEqual({ ran: true, value: 'again' })
  })
})

describe.each(targets([sqliteTarget, postgresTarget]))('two instances on one $name database', (kind) => {
  it('append concurrently into one gapless log, and one of them publishes at a time', async () => {
    const target = await kind.create()
    try {
      const one = target.open()
      const two = target.open()
      const all = [...byInitiative.values()]
      // Every initiative appended event by event, the two instances taking turns, all at once.
      await Promise.all(
        all.map(async (events, i) => {
          const store = i % 2 === 0 ? one : two
          for (const [k, e] of events.entries()) await store.append(e.initiativeId, k, [e])
        }),
      )
      const total = all.reduce((n, events) => n + events.length, 0)
      expect(await one.log?.size()).toBe(total)
      const leaves = (await two.log?.leaves(0, total)) ?? []
      expect(leaves).toHaveLength(total)
      // Each initiative's events appear in seq order, and every event exactly once.
      const seen = new Map<string, number>()
      for (const leaf of leaves) {
        expect(leaf.seq).toBe((seen.get(leaf.initiativeId) ?? 0) + 1)
        seen.set(leaf.initiativeId, leaf.seq)
      }
      for (const events of all) {
        const id = events[0]?.initiativeId as string
        const indexes = ((await one.log?.placesOf(id)) ?? []).map((p) => p.index)
        expect(indexes).toHaveLength(events.length)
        for (const [k, idx] of indexes.entries())
          expect(leaves[idx]).toEqual(leafOf(events[k] as RecordedEvent))
      }
      // The exclusive section is shared by the instances (an advisory lock on PostgreSQL).
      if (kind.name === 'postgres') {
        let release: () => void = () => {}
        const gate = new Promise<void>((r) => {
          release = r
        })
        const first = one.log?.exclusive('checkpoint', () => gate)
        await new Promise((r) => setTimeout(r, 100))
        expect(await two.log?.exclusive('checkpoint', async () => 'two')).toEqual({ ran: false })
        release()
        expect(await first).toEqual({ ran: true, value: undefined })
        expect(await two.log?.exclusive('checkpoint', async () => 'two')).toEqual({ ran: true, value: 'two' })
      }
    } finally {
      await target.dispose()
    }
  })
})
