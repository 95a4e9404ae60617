import { describe, expect, it } from 'vitest'
import { ReviewerQueues } from '../../src/simulate/ReviewerQueues.js'
import type { ReviewerModel } from '../../src/simulate/SimulationModel.js'

const reviewer = (lifo: boolean, capacity = 1) => ({ capacity, lifo }) as ReviewerModel

/** Adds slots 0 … n−1 to reviewer 0 and takes them all back, in the order taken. */
function roundTrip(queues: ReviewerQueues, n: number): number[] {
  for (let i = 0; i < n; i++) queues.add(0, i, 100 + i, i % 3)
  const taken: number[] = []
  while (queues.take(0)) {
    expect(queues.generation).toBe(100 + queues.slot)
    expect(queues.seat).toBe(queues.slot % 3)
    taken.push(queues.slot)
  }
  return taken
}

describe('reviewer queues', () => {
  const order = (n: number) => Array.from({ length: n }, (_, i) => i)

  it('give waiting dossiers back first in, first out — across the ring’s growth', () => {
    const queues = new ReviewerQueues([reviewer(false)])
    // Move the head off 0 first, so growth has to unroll a wrapped ring.
    expect(roundTrip(queues, 5)).toEqual(order(5))
    expect(roundTrip(queues, 200)).toEqual(order(200))
    expect(queues.length(0)).toBe(0)
  })

  it('give them back last in, first out for a LIFO reviewer', () => {
    const queues = new ReviewerQueues([reviewer(false), reviewer(true)])
    for (let i = 0; i < 150; i++) queues.add(1, i, 100 + i, i % 3)
    const taken: number[] = []
    while (queues.take(1)) taken.push(queues.slot)
    expect(taken).toEqual(order(150).reverse())
    expect(queues.take(0)).toBe(false)
  })

  it('let a reviewer start only with a free hand and a dossier waiting', () => {
    const queues = new ReviewerQueues([reviewer(false, 2)])
    expect(queues.canStart(0)).toBe(false)
    queues.add(0, 1, 1, 0)
    expect(queues.canStart(0)).toBe(true)
    queues.changeBusy(0, 2)
    expect(queues.canStart(0)).toBe(false)
    queues.changeBusy(0, -1)
    expect(queues.canStart(0)).toBe(true)
    expect(queues.busyCount(0)).toBe(1)
  })
})
