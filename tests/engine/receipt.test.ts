import { describe, expect, it, vi } from 'vitest'
import type { RecordedEvent } from '../../src/domain/RecordedEvent.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { LazyReceipt } from '../../src/engine/LazyReceipt.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'

// README "Commands": every accepted command returns a receipt { initiativeId, commandId, seq, event, board, replayed }.
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }
const SIX = ['initiativeId', 'commandId', 'seq', 'event', 'board', 'replayed']

async function accepted() {
  const engine = createEngine({ policy: twoKeys, clock: manualClock('2026-03-01T09:00:00Z') })
  const proposed = await engine.propose({ by: 'minzifry', ...federal, initiativeId: 'gpu', commandId: 'p1' })
  return { engine, proposed, submitted: await engine.submit('gpu', { by: 'minzifry', commandId: 's1' }) }
}

describe('a receipt', () => {
  it('has exactly the six keys of the README as its own enumerable keys, board among them', async () => {
    const { proposed, submitted } = await accepted()
    for (const receipt of [proposed, submitted]) {
      expect(Object.keys(receipt)).toEqual(SIX)
      expect(Object.keys({ ...receipt })).toEqual(SIX)
    }
    expect({ ...submitted }.board).toMatchObject({ phase: 'review' })
    expect(JSON.parse(JSON.stringify(submitted))).toEqual(JSON.parse(JSON.stringify({ ...submitted })))
  })

  it('is equal to the plain object of its six fields, and survives structuredClone', async () => {
    const { engine, submitted } = await accepted()
    const plain = {
      initiativeId: 'gpu',
      commandId: 's1',
      seq: 2,
      event: (await engine.history('gpu'))[1],
      board: await engine.status('gpu'),
      replayed: false,
    }
    expect(submitted).toEqual(plain)
    const cloned = structuredClone(submitted)
    expect(Object.keys(cloned)).toEqual(SIX)
    expect(cloned).toEqual(plain)
    const again = await engine.submit('gpu', { by: 'minzifry', commandId: 's1' })
    expect(structuredClone(again)).toEqual({ ...plain, replayed: true })
  })

  it('builds its board only when it is read, once', async () => {
    const { engine } = await accepted()
    const [, recorded] = await engine.history('gpu')
    const loaded = await engine.status('gpu')
    const make = vi.fn(() => loaded)
    const receipt = new LazyReceipt(recorded as RecordedEvent, false, make)
    expect(Object.keys(receipt)).toEqual(SIX)
    expect(receipt.seq).toBe(2)
    expect(make).not.toHaveBeenCalled()
    expect(receipt.board).toBe(loaded)
    expect(receipt.board).toBe(loaded)
    expect(make).toHaveBeenCalledTimes(1)
  })
})
