import { describe, expect, it } from 'vitest'
import { createSerializer } from '../../src/witness/serialize.js'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('createSerializer: one task per key at a time', () => {
  it('runs tasks of one key in arrival order without interleaving; other keys run alongside', async () => {
    const serialize = createSerializer()
    const events: string[] = []
    const task = (name: string) => async () => {
      events.push(`${name} start`)
      await tick()
      await tick()
      events.push(`${name} end`)
      return name
    }
    const results = await Promise.all([
      serialize('a', task('a1')),
      serialize('a', task('a2')),
      serialize('b', task('b1')),
    ])
    expect(results).toEqual(['a1', 'a2', 'b1'])
    const a = events.filter((e) => e.startsWith('a'))
    expect(a).toEqual(['a1 start', 'a1 end', 'a2 start', 'a2 end'])
    // b did not wait for a.
    expect(events.indexOf('b1 start')).toBeLessThan(events.indexOf('a1 end'))
  })

  it('a failing task rejects its own caller only; the next one still runs', async () => {
    const serialize = createSerializer()
    const first = serialize('a', async () => {
      await tick()
      throw new Error('boom')
    })
    const second = serialize('a', () => 'ok')
    await expect(first).rejects.toThrow('boom')
    await expect(second).resolves.toBe('ok')
  })
})
