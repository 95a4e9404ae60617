import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AppendNotice, RecordedEvent } from '../../src/stores/Store.js'
import { sampleLog } from '../audit/support/sampleLog.js'
import {
  memoryTarget,
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from './support/storeTargets.js'

let events: RecordedEvent[] = []
beforeAll(async () => {
  const log = await sampleLog()
  events = log.filter((e) => e.initiativeId === log[0]?.initiativeId)
})

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25))
}

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('watching appends to the $name store', (kind) => {
  let target: StoreTarget | undefined
  afterEach(async () => {
    await target?.dispose()
  })

  it('tells each watcher of every append, with the new last seq, until it stops watching', async () => {
    target = await kind.create()
    const writer = target.open()
    // On PostgreSQL another instance watches; elsewhere, the same process.
    const watcher = kind.name === 'postgres' ? target.open() : writer
    const heard: AppendNotice[] = []
    const stop = watcher.watch?.((n) => heard.push(n))
    if (stop === undefined) throw new Error(`${kind.name} cannot be watched`)
    await new Promise((r) => setTimeout(r, 200)) // the LISTEN is in place
    const id = events[0]?.initiativeId as string
    await writer.append(id, 0, events.slice(0, 2))
    await writer.append(id, 2, events.slice(2, 3))
    await expect(writer.append(id, 0, events.slice(0, 1))).rejects.toMatchObject({ code: 'CONFLICT' })
    await until(() => heard.length >= 2)
    await new Promise((r) => setTimeout(r, 100))
    expect(heard).toEqual([
      { initiativeId: id, seq: 2 },
      { initiativeId: id, seq: 3 },
    ])
    stop()
    await writer.append(id, 3, events.slice(3, 4))
    await new Promise((r) => setTimeout(r, 200))
    expect(heard).toHaveLength(2)
  })
})
