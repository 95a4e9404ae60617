import { afterEach, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
import { type DeadlineTicker, startDeadlineTicker } from '../../src/engine/deadlineTicker.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import {
  memoryTarget,
  postgresTarget,
  reportSkipped,
  type StoreTarget,
  sqliteTarget,
  targets,
} from '../stores/support/storeTargets.js'

const DAY = 86_400_000
const START = Date.parse('2026-03-01T09:00:00Z')
const policy = loadPolicyFile('machines/policies/two-keys.yaml')
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

describe.each(targets(kinds))('deadlines fire without anyone calling tick ($name)', (kind) => {
  let target: StoreTarget | undefined
  const tickers: DeadlineTicker[] = []
  afterEach(async () => {
    for (const t of tickers.splice(0)) await t.stop()
    await target?.dispose()
  })

  it('three engines on one store, each with a ticker: every deadline fires exactly once, stamped with its due time', async () => {
    target = await kind.create()
    const clock = manualClock(START)
    const engines: Engine[] = [0, 1, 2].map((i) =>
      createEngine({
        policy,
        clock,
        store: (target as StoreTarget).open(),
        ids: () => `e${i}-${Math.random()}`,
      }),
    )
    const [first] = engines as [Engine]
    const ids: string[] = []
    for (let n = 0; n < 4; n++) {
      const { initiativeId } = await first.propose({ by: 'minzifry', ...federal })
      await first.submit(initiativeId, { by: 'minzifry' })
      ids.push(initiativeId)
    }
    const fired: number[] = []
    for (const engine of engines)
      tickers.push(
        startDeadlineTicker(engine, { everyMs: 20, onFired: (f) => fired.push(...f.map((x) => x.lagMs)) }),
      )
    clock.set(START + 100 * DAY) // window (30 d), plenary (14 d) and lapse all passed
    const lapsed = async () => (await first.list()).every((s) => s.phase === 'lapsed')
    for (let i = 0; i < 300 && !(await lapsed()); i++) await new Promise((r) => setTimeout(r, 20))
    // A few more rounds from every instance: nothing more may be appended.
    await Promise.all(tickers.map((t) => t.round()))
    for (const id of ids) {
      const ticks = (await first.history(id)).filter((e) => e.event.type === 'TICK').map((e) => e.event.at)
      expect(new Set(ticks).size, `${id}: ${ticks.join(', ')}`).toBe(ticks.length)
      expect(
        ticks.every((at) => at < START + 100 * DAY),
        'each TICK carries its own due instant',
      ).toBe(true)
      expect((await first.status(id)).phase).toBe('lapsed')
    }
    expect(fired.length).toBeGreaterThan(0)
  })

  it('a ticker that is stopped fires nothing more', async () => {
    target = await kind.create()
    const clock = manualClock(START)
    const engine = createEngine({ policy, clock, store: target.open() })
    const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
    await engine.submit(initiativeId, { by: 'minzifry' })
    const ticker = startDeadlineTicker(engine, { everyMs: 10 })
    await ticker.stop()
    clock.set(START + 100 * DAY)
    await new Promise((r) => setTimeout(r, 60))
    expect((await engine.history(initiativeId)).map((e) => e.event.type)).toEqual(['PROPOSE', 'SUBMIT'])
  })
})
