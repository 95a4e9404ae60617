import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { InitiativeReplayResult, ReplayResult } from '../../../src/analyze/replay/ReplayResult.js'
import { replayStore } from '../../../src/analyze/replay/replayStore.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import { sqliteStore } from '../../../src/stores/sqliteStore.js'
import {
  DAY,
  day,
  recordSingleKey,
  recordTwoKeys,
  shortWindow,
  singleKey,
  sqliteHistory,
  tempDb,
  twoKeys,
} from './recordedStore.js'

const db = tempDb()
const single = tempDb()

beforeAll(async () => {
  await sqliteHistory(db.file, (store) => recordTwoKeys(store))
  await sqliteHistory(single.file, (store) => recordSingleKey(store))
})
afterAll(() => {
  db.remove()
  single.remove()
})

async function replayed(file: string, policy: Policy, options: { at?: number; migrate?: boolean } = {}) {
  const store = sqliteStore(file, { mustExist: true })
  try {
    return await replayStore(store, policy, options)
  } finally {
    await store.close()
  }
}

/** The recorded time of an initiative's first event of `type`, read from the store: the oracle's input. */
async function recordedAt(file: string, id: string, type: string): Promise<number> {
  const store = sqliteStore(file, { mustExist: true })
  try {
    const found = (await store.readEvents(id)).find((r) => r.event.type === type)
    if (found === undefined) throw new Error(`no ${type} in ${id}`)
    return found.event.at
  } finally {
    await store.close()
  }
}

const of = (result: ReplayResult, id: string) =>
  result.initiatives.find((r) => r.initiativeId === id) as InitiativeReplayResult

describe('replayStore', () => {
  it('under the policy the history was recorded under, nothing changes and nothing diverges', async () => {
    const result = await replayed(db.file, twoKeys, { migrate: true })
    expect(result.at).toBe(day(44)) // the plenary of "lapsed" closed: the store's last event
    expect(result.initiatives.map((r) => [r.initiativeId, r.recorded, r.candidate])).toEqual([
      ['approved', 'completed', 'completed'],
      ['lapsed', 'lapsed', 'lapsed'],
      ['one-key', 'review', 'review'],
    ])
    for (const r of result.initiatives) {
      expect(r.divergence).toBeUndefined()
      expect(r.refused).toEqual([])
    }
    expect(result.summary).toMatchObject({
      changed: 0,
      byRule: [],
      migrate: { running: 1, can: 1, cannot: 0 },
    })
  })

  it('under single-key: the one-key initiative is approved by its one decision; the second key is refused as unknown', async () => {
    const result = await replayed(db.file, singleKey, { migrate: true })
    const oneKey = of(result, 'one-key')
    expect([oneKey.recorded, oneKey.candidate, oneKey.changed]).toEqual(['review', 'federalRollout', true])
    expect(oneKey.divergence).toMatchObject({ kind: 'phase', rule: 'keys', seq: 3, recorded: 'review' })
    expect(oneKey.migration).toEqual({ ok: true, phase: 'federalRollout', moves: true })

    const approved = of(result, 'approved')
    expect(approved.changed).toBe(false)
    // oreshkin's approval (seq 3) already approves it; grigorenko's (seq 4) comes in rollout.
    expect(approved.refused.map((r) => [r.seq, r.event.type, r.code])).toEqual([[4, 'DECIDE', 'REFUSED']])
    expect(approved.refused[0]?.reasons.join(' ')).toMatch(/accepted only in review/)
    expect(of(result, 'lapsed')).toMatchObject({ changed: false, refused: [] })
    expect(result.summary).toMatchObject({ changed: 1, byRule: [{ rule: 'keys', count: 1 }] })
  })

  it('under a ten-day window that lapses: each initiative lapses ten days after its recorded submission', async () => {
    const result = await replayed(db.file, shortWindow, { migrate: true })
    const oneKey = of(result, 'one-key')
    // By hand: submitted at its recorded SUBMIT time; the window closes ten days later.
    const oneKeyLapse = (await recordedAt(db.file, 'one-key', 'SUBMIT')) + 10 * DAY
    expect(oneKeyLapse).toBe(day(32))
    expect([oneKey.recorded, oneKey.candidate]).toEqual(['review', 'lapsed'])
    expect(oneKey.divergence).toEqual({
      kind: 'deadline',
      rule: 'review.windowDays',
      at: oneKeyLapse,
      recorded: 'review',
      candidate: 'lapsed',
    })
    // oreshkin decided on day 33, a day after the candidate's window closed.
    expect(oneKey.refused.map((r) => [r.seq, r.rules])).toEqual([[3, ['state.closed']]])
    expect(oneKey.migration).toMatchObject({ ok: false, block: { kind: 'ended', phase: 'lapsed' } })

    const lapsed = of(result, 'lapsed')
    const lapsedAt = (await recordedAt(db.file, 'lapsed', 'SUBMIT')) + 10 * DAY
    expect(lapsed.changed).toBe(false)
    expect(lapsed.deadlines).toEqual([{ at: lapsedAt, field: 'review.windowDays', phase: 'lapsed' }])
    // Recorded: the window closed on day 30 into the plenary, which lapsed on day 44 — later.
    expect(lapsedAt).toBeLessThan(await recordedAt(db.file, 'lapsed', 'TICK'))
    expect(result.summary).toMatchObject({
      changed: 1,
      byRule: [{ rule: 'review.windowDays', count: 1 }],
      migrate: { running: 1, can: 0, cannot: 1 },
    })
  })

  it('under two keys, an initiative approved by one key would wait for the second: it cannot migrate (TK1)', async () => {
    const result = await replayed(single.file, twoKeys, { migrate: true })
    const running = of(result, 'running')
    expect([running.recorded, running.candidate, running.changed]).toEqual(['federalRollout', 'review', true])
    expect(running.refused).toEqual([])
    expect(running.waitingFor.map((k) => [k.key, k.waitingFor])).toEqual([
      ['government-apparatus', ['grigorenko']],
    ])
    expect(running.migration).toMatchObject({ ok: false, block: { kind: 'invariant', id: 'TK1', seq: 3 } })
  })

  it('--at moves the instant: later deadlines fall due under both policies; before the last event is refused', async () => {
    const later = await replayed(db.file, twoKeys, { at: day(60) })
    // one-key's window (submitted day 22, 30 days) closed on day 52 into the plenary, under both.
    expect(of(later, 'one-key')).toMatchObject({ recorded: 'plenary', candidate: 'plenary', changed: false })
    await expect(replayed(db.file, twoKeys, { at: day(40) })).rejects.toMatchObject({
      code: 'COMMAND_INVALID',
    })
  })
})
