import { afterEach, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/createEngine.js'
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

const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const PA = 'presidential-administration'
const GA = 'government-apparatus'
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }

const kinds = [memoryTarget, sqliteTarget, postgresTarget]
reportSkipped(kinds)

/** What a call came to: its receipt or its error code. */
const settle = (p: Promise<{ initiativeId: string; seq: number; replayed: boolean }>) =>
  p.then(
    (r) => ({ ok: true as const, initiativeId: r.initiativeId, seq: r.seq, replayed: r.replayed }),
    (e: { code?: string }) => ({ ok: false as const, code: e.code }),
  )

describe.each(targets(kinds))('one command id names one command ($name)', (kind) => {
  let target: StoreTarget
  afterEach(async () => {
    await target?.dispose()
  })

  /**
   * Two engines on two connections to one store: two processes, as far as the store can tell.
   * On the memory store both engines share the object, as two engines in one process would.
   */
  async function twoEngines(): Promise<[Engine, Engine, () => Promise<[string, string]>]> {
    target = await kind.create()
    const clock = manualClock('2026-03-01T09:00:00Z')
    const a = createEngine({ policy: twoKeys, store: target.open(), clock })
    const b = createEngine({ policy: twoKeys, store: target.open(), clock })
    const fresh = async (): Promise<[string, string]> => {
      const ids: string[] = []
      for (const title of ['First', 'Second']) {
        const { initiativeId } = await a.propose({ by: 'minzifry', ...federal, title })
        await a.submit(initiativeId, { by: 'minzifry' })
        ids.push(initiativeId)
      }
      return ids as [string, string]
    }
    return [a, b, fresh]
  }

  it('the same id on two initiatives at once: one is applied, the other is COMMAND_INVALID', async () => {
    const [a, b, fresh] = await twoEngines()
    const decide = (engine: Engine, id: string, commandId: string) =>
      settle(engine.decide(id, { by: 'oreshkin', key: PA, decision: 'approve', commandId }))
    // In one engine (one lock per initiative), then across two engines.
    for (const [first, second, commandId] of [
      [a, a, 'same-id-1'],
      [a, b, 'same-id-2'],
    ] as const) {
      const [x, y] = await fresh()
      const outcomes = await Promise.all([decide(first, x, commandId), decide(second, y, commandId)])
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
      expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, code: 'COMMAND_INVALID' }])
      // The loser's command was not applied, and its retry stays refused.
      const applied = outcomes.find((o) => o.ok)?.initiativeId as string
      const other = applied === x ? y : x
      expect((await a.status(other)).keys[0]?.status).toBe('pending')
      expect(await decide(b, other, commandId)).toEqual({ ok: false, code: 'COMMAND_INVALID' })
      // A retry of the winner is its first receipt again.
      expect(await decide(b, applied, commandId)).toMatchObject({ ok: true, replayed: true })
    }
  })

  it('one command sent twice at once: one outcome, given to every caller', async () => {
    const [a, b, fresh] = await twoEngines()
    const [x] = await fresh()
    const send = (engine: Engine) =>
      settle(engine.decide(x, { by: 'oreshkin', key: PA, decision: 'approve', commandId: 'twice' }))
    const outcomes = await Promise.all([send(a), send(b), send(a)])
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(new Set(outcomes.map((o) => (o.ok ? o.seq : -1))).size).toBe(1)
    expect(outcomes.filter((o) => o.ok && !o.replayed)).toHaveLength(1)
    // Nothing was logged as refused under the accepted id.
    expect((await a.securityLog(x)).filter((r) => r.commandId === 'twice')).toEqual([])
  })

  it('a refused id keeps its refusal; reused for another command it is COMMAND_INVALID, and not logged twice', async () => {
    const [a, b, fresh] = await twoEngines()
    const [x] = await fresh()
    const attempt = (engine: Engine, by: string) =>
      settle(engine.decide(x, { by, key: GA, decision: 'approve', commandId: 'refused-id' }))
    const [first, second] = await Promise.all([attempt(a, 'oreshkin'), attempt(b, 'pa-aide')])
    const codes = [first, second].map((o) => (o.ok ? 'ok' : o.code)).sort()
    expect(codes).toContain('COMMAND_INVALID')
    expect(codes.filter((c) => c !== 'COMMAND_INVALID')).toHaveLength(1)
    const kept = await a.securityLog(x)
    expect(kept.filter((r) => r.commandId === 'refused-id')).toHaveLength(1)
    // The same command again gets the same refusal.
    const by = kept.find((r) => r.commandId === 'refused-id')?.command as { by: string }
    expect(await attempt(b, by.by)).toEqual({ ok: false, code: kept[0]?.code })
  })

  it('a double-clicked proposal with one id makes one initiative', async () => {
    const [a, b] = await twoEngines()
    const propose = (engine: Engine) =>
      settle(engine.propose({ by: 'minzifry', ...federal, commandId: 'click' }))
    const outcomes = await Promise.all([propose(a), propose(b), propose(a)])
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(new Set(outcomes.map((o) => (o.ok ? o.initiativeId : '')))).toHaveProperty('size', 1)
    expect(await a.list()).toHaveLength(1)
  })
})
