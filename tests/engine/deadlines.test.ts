import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { type Policy, PolicySchema } from '../../src/policy/PolicySchema.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { Store } from '../../src/stores/Store.js'

const DAY = 86_400_000
const START = Date.parse('2026-03-01T09:00:00Z')
const PA = 'presidential-administration'
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
/** two-keys.yaml whose approvals last five days: short enough to expire inside the window. */
const shortLived = PolicySchema.parse({
  ...twoKeys,
  id: 'two-keys-short-lived',
  approvals: { lifetimeDays: 5 },
})
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

/** A store that records how many events each append carried. */
function countingAppends(store: Store) {
  const batches: string[][] = []
  const wrapped: Store = {
    ...store,
    kind: store.kind,
    append: async (id, expected, events) => {
      await store.append(id, expected, events)
      batches.push(events.map((e) => e.event.type))
    },
  }
  return { store: wrapped, batches }
}

function setup(policy: Policy = twoKeys) {
  let n = 0
  const clock = manualClock(START)
  const counted = countingAppends(memoryStore())
  const engine = createEngine({ policy, clock, store: counted.store, ids: () => `id-${++n}` })
  return { engine, clock, batches: counted.batches }
}

async function proposed(engine: ReturnType<typeof setup>['engine']) {
  const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
  await engine.submit(initiativeId, { by: 'minzifry' })
  return initiativeId
}

const types = async (engine: ReturnType<typeof setup>['engine'], id: string) =>
  (await engine.history(id)).map((r) => `${r.event.type}@${(r.event.at - START) / DAY}`)

describe('deadlines are applied to a fixed point', () => {
  it('a command long after the window judges the lapsed initiative, not the open one', async () => {
    const { engine, clock } = setup()
    const id = await proposed(engine)
    clock.set(START + 50 * DAY) // window closed on day 30, the plenary ended on day 44
    await expect(engine.withdraw(id, { by: 'minzifry' })).rejects.toMatchObject({ code: 'REFUSED' })
    await expect(engine.amend(id, { by: 'minzifry', summary: 'late' })).rejects.toMatchObject({
      code: 'REFUSED',
    })
    await expect(
      engine.delegate(id, { by: 'oreshkin', key: PA, deputy: 'pa-aide', until: START + 55 * DAY }),
    ).rejects.toMatchObject({ code: 'REFUSED' })
    expect((await engine.status(id)).phase).toBe('lapsed')
    expect((await engine.list()).map((s) => s.phase)).toEqual(['lapsed'])
  })

  it('one tick fires every deadline due, each stamped with its own instant, in one append', async () => {
    const { engine, clock, batches } = setup()
    const id = await proposed(engine)
    clock.set(START + 100 * DAY)
    const receipts = await engine.tick()
    expect(receipts).toHaveLength(1)
    expect(await types(engine, id)).toEqual(['PROPOSE@0', 'SUBMIT@0', 'TICK@30', 'TICK@44'])
    expect(batches.at(-1)).toEqual(['TICK', 'TICK'])
    expect((await engine.status(id)).phase).toBe('lapsed')
    // Nothing more is due: a tick appends nothing.
    expect(await engine.tick()).toEqual([])
    expect(batches).toHaveLength(3)
  })

  it('stores the due deadlines and the command in one append, and nothing when the command is refused', async () => {
    const { engine, clock, batches } = setup()
    const id = await proposed(engine)
    clock.set(START + 31 * DAY)
    await engine.decide(id, { by: 'oreshkin', key: PA, decision: 'approve' })
    expect(batches.at(-1)).toEqual(['TICK', 'DECIDE'])
    expect(await types(engine, id)).toEqual(['PROPOSE@0', 'SUBMIT@0', 'TICK@30', 'DECIDE@31'])
    clock.set(START + 60 * DAY)
    await expect(
      engine.decide(id, { by: 'grigorenko', key: 'government-apparatus', decision: 'approve' }),
    ).rejects.toThrow()
    expect(batches).toHaveLength(3)
  })

  it('the clock never runs back: a command dated before the machine is judged at its time', async () => {
    const { engine, clock } = setup()
    const id = await proposed(engine)
    clock.set(START + 90 * DAY)
    await engine.tick()
    clock.set(START) // an instance whose clock is behind
    await expect(engine.amend(id, { by: 'minzifry', summary: 'back in time' })).rejects.toMatchObject({
      code: 'REFUSED',
    })

    const other = setup()
    const { initiativeId } = await other.engine.propose({ by: 'minzifry', ...federal })
    other.clock.set(START + 10 * DAY)
    await other.engine.amend(initiativeId, { by: 'minzifry', title: 'retitled' })
    other.clock.set(START + 2 * DAY)
    const submitted = await other.engine.submit(initiativeId, { by: 'minzifry' })
    expect(submitted.event.event.at).toBe(START + 10 * DAY)
    // The window opens at the machine's time, not the lagging clock's.
    expect((await other.engine.status(initiativeId)).deadline).toBe('2026-04-10T09:00:00Z')
  })

  it('an expired approval no longer blocks: the key turns back before the next command is judged', async () => {
    const { engine, clock } = setup(shortLived)
    const id = await proposed(engine)
    await engine.decide(id, { by: 'oreshkin', key: PA, decision: 'approve' })
    clock.set(START + 6 * DAY)
    expect((await engine.status(id)).keys[0]?.status).toBe('expired')
    const again = await engine.decide(id, { by: 'oreshkin', key: PA, decision: 'approve' })
    expect(again.board.keys[0]?.status).toBe('turned')
    expect(await types(engine, id)).toEqual([
      'PROPOSE@0',
      'SUBMIT@0',
      'DECIDE@0',
      `TICK@${(5 * DAY + 1) / DAY}`,
      'DECIDE@6',
    ])
  })
})
