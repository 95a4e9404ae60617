import { describe, expect, it } from 'vitest'
import { assign, createMachine } from 'xstate'
import type { InitiativeMachine } from '../../machines/initiative.js'
import type { CommandInput } from '../../src/domain/Command.js'
import { canonicalHash } from '../../src/domain/canonicalHash.js'
import { eventHash } from '../../src/domain/eventHash.js'
import { isTwoKeysError, TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createCommandOutcomes } from '../../src/engine/commandOutcomes.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { dueTicks } from '../../src/engine/dueTicks.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { refusal } from '../support/refusal.js'
import { asserted, KEYS_FROM, seedKeys, signedPolicy } from '../support/seedKeys.js'

// Mutation testing of the engine's judging code (README "Tests that would notice") left these
// behaviours untested: each test below fails on the mutant named in its title.
const DAY = 86_400_000
const proposal = (initiativeId: string): CommandInput => ({
  type: 'propose',
  initiativeId,
  commandId: `${initiativeId}-p`,
  by: 'minzifry',
  title: 'Kazan data centre',
  objective: 'infrastructure',
  scope: { kind: 'federal' },
})

describe('engine edges found by mutation testing', () => {
  it("a signed event's stored hash is the hash of its stored fields (the command rendered under `command`)", async () => {
    const store = memoryStore()
    const engine = createEngine({ policy: signedPolicy, store })
    await engine.changeKeyring(
      firstKeyringChange(
        signedPolicy,
        [seedKeys.oreshkin, seedKeys.grigorenko, seedKeys.minzifry],
        KEYS_FROM,
      ),
    )
    await engine.dispatch(signCommand(proposal('signed-1'), seedKeys.minzifry))
    const [record] = await store.readEvents('signed-1')
    expect(record?.command).toBeDefined()
    // The oracle: the record as stored, hashed afresh (the engine renders the signed text once).
    expect(eventHash(record as object)).toBe(record?.hash)
  })

  it("a deadline's record carries the hash of { type: 'tick', at } as its command hash", async () => {
    const clock = manualClock('2026-03-02T09:00:00Z')
    const store = memoryStore()
    const engine = createEngine({ policy: asserted, store, clock })
    await engine.dispatch(proposal('ticked'))
    await engine.dispatch({ type: 'submit', initiativeId: 'ticked', by: 'minzifry' })
    clock.set(new Date(Date.parse('2026-03-02T09:00:00Z') + 60 * DAY).toISOString())
    await engine.tick()
    const ticks = (await store.readEvents('ticked')).filter((r) => r.event.type === 'TICK')
    expect(ticks.length).toBeGreaterThan(0)
    for (const record of ticks) {
      const at = (record.event as { at: number }).at
      expect(record.commandHash).toBe(canonicalHash({ type: 'tick', at }))
    }
    // Two deadlines at two instants: two different command hashes.
    expect(new Set(ticks.map((r) => r.commandHash)).size).toBe(ticks.length)
  })

  it('a signature is checked under `identity: asserted` too: a bad one is refused, not ignored', async () => {
    const engine = createEngine({ policy: asserted, store: memoryStore() })
    const signed = signCommand(proposal('asserted-signed'), seedKeys.minzifry)
    const error = await refusal(engine.dispatch(signed))
    expect(error.code).toBe('UNAUTHENTICATED')
  })

  it("before any keyring, a signed command's refusal gives its message as its one reason", async () => {
    const engine = createEngine({ policy: signedPolicy, store: memoryStore() })
    const error = await refusal(engine.dispatch(signCommand(proposal('no-keyring'), seedKeys.minzifry)))
    expect(error.code).toBe('UNAUTHENTICATED')
    expect(error.reasons).toEqual([error.message])
  })

  it('a refused command sent again with its id is refused with the same reasons', async () => {
    const engine = createEngine({ policy: asserted, store: memoryStore() })
    await engine.dispatch(proposal('again'))
    const decide: CommandInput = {
      type: 'decide',
      initiativeId: 'again',
      commandId: 'again-early-decision',
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
    }
    const first = await refusal(engine.dispatch(decide))
    const second = await refusal(engine.dispatch(decide))
    expect(first.reasons.length).toBeGreaterThan(0)
    expect(second.code).toBe(first.code)
    expect(second.reasons).toEqual(first.reasons)
  })

  it('a refusal without reasons of its own is logged with its message as the reason', async () => {
    const store = memoryStore()
    const outcomes = createCommandOutcomes({
      policy: asserted,
      policyHash: '',
      store,
      clock: () => Date.parse('2026-03-02T09:00:00Z'),
      ids: () => 'unused',
      // The loader is only read when a refusal is replayed, which this test does not do.
      loader: undefined as never,
    })
    const command = { type: 'withdraw', by: 'minzifry', reason: 'moot' } as const
    const error = await refusal(
      outcomes.refuse(command as never, 'bare', 'bare-1', new TwoKeysError('REFUSED', 'nothing to withdraw')),
    )
    expect(error.message).toBe('nothing to withdraw')
    const [logged] = await store.refusals('bare')
    expect(logged?.reasons).toEqual(['nothing to withdraw'])
  })

  it('a machine whose ticks never settle stops after exactly 10,000 kept ticks with INTERNAL', () => {
    let steps = 0
    // Every TICK flips the state value, and its deadline never moves: the ticks never settle.
    const restless = createMachine({
      context: { id: 'restless', deadline: 0, now: 0, decisions: [], revision: { hash: 'r' } },
      initial: 'a',
      states: {
        a: { on: { TICK: { target: 'b', actions: assign(() => count()) } } },
        b: { on: { TICK: { target: 'a', actions: assign(() => count()) } } },
      },
    })
    function count() {
      steps++
      if (steps > 20_000) throw new Error('dueTicks did not stop')
      return {}
    }
    const from = restless.resolveState({ value: 'a', context: restless.config.context as never })
    let thrown: unknown
    try {
      dueTicks(restless as unknown as InitiativeMachine, asserted, from, 1_000)
    } catch (error) {
      thrown = error
    }
    expect(isTwoKeysError(thrown) && thrown.code).toBe('INTERNAL')
    expect(steps).toBe(10_000)
  })
})
