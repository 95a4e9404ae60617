import { describe, expect, it } from 'vitest'
import type { CommandInput } from '../../src/domain/Command.js'
import { TwoKeysError } from '../../src/domain/TwoKeysError.js'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { refusal } from '../support/refusal.js'
import { seedKeys, signedPolicy, asserted as twoKeys } from '../support/seedKeys.js'

// The command path's edges, found by mutation testing (`--mutate src/engine/commandPath.ts`): two
// engines on one store, as two processes on one database, and explain() with a signature.
const council = loadPolicyFile('machines/policies/council.yaml')
const PA = 'presidential-administration'
const GA = 'government-apparatus'

const propose = (initiativeId: string): CommandInput => ({
  type: 'propose',
  initiativeId,
  by: 'minzifry',
  title: 'Kazan data centre',
  objective: 'infrastructure',
  scope: { kind: 'federal' },
})
const decide = (initiativeId: string, by: string, key: string, revision: string): CommandInput => ({
  type: 'decide',
  initiativeId,
  by,
  key,
  decision: 'approve',
  revision,
})

function twoEngines(policy = twoKeys) {
  const store = memoryStore()
  const clock = manualClock('2026-03-02T09:00:00Z')
  return { store, a: createEngine({ policy, store, clock }), b: createEngine({ policy, store, clock }) }
}

describe('the command path with another engine on the same store', () => {
  it('refuses only on what the store holds now: a stale cache is re-read before a refusal', async () => {
    const { a, b } = twoEngines()
    await a.dispatch(propose('stale')) // a now holds the draft
    const submitted = await b.dispatch({ type: 'submit', initiativeId: 'stale', by: 'minzifry' })
    // In a's cache the initiative is still a draft, where no key may decide.
    const receipt = await a.dispatch(decide('stale', 'oreshkin', PA, submitted.board.revision.hash))
    expect(receipt.replayed).toBe(false)
    expect(receipt.event.event.type).toBe('DECIDE')
  })

  it('an append that lost the race (CONFLICT) is offered once more on the fresh state, and taken', async () => {
    const { a, b } = twoEngines()
    await a.dispatch(propose('race'))
    const submitted = await a.dispatch({ type: 'submit', initiativeId: 'race', by: 'minzifry' })
    const revision = submitted.board.revision.hash
    await b.dispatch(decide('race', 'oreshkin', PA, revision)) // a's cache is now one event behind
    const receipt = await a.dispatch(decide('race', 'grigorenko', GA, revision))
    expect(receipt.event.seq).toBe(4)
    expect(receipt.board.phase).toBe('federalRollout')
    expect((await b.history('race')).map((r) => r.event.type)).toEqual([
      'PROPOSE',
      'SUBMIT',
      'DECIDE',
      'DECIDE',
    ])
  })

  /** A store whose next `times` appends fail with `code`, then append as usual; and how many failures are left. */
  function failingAppends(times: number, code: 'CONFLICT' | 'STORE_FAILED') {
    const store = memoryStore()
    let left = times
    const failing = {
      ...store,
      append: (...args: Parameters<typeof store.append>) => {
        if (left-- > 0) return Promise.reject(new TwoKeysError(code, `append failed (${code})`))
        return store.append(...args)
      },
    }
    return { store: failing, left: () => left }
  }

  it('a second CONFLICT in a row is the caller’s to handle: the command is offered once more, not forever', async () => {
    // Two appends in a row lose a race (as under heavy contention), then one would win.
    const contended = failingAppends(2, 'CONFLICT')
    const engine = createEngine({ policy: twoKeys, store: contended.store })
    const error = await refusal(engine.dispatch(propose('contended')))
    expect(error.code).toBe('CONFLICT')
    expect(contended.left()).toBe(0)
  })

  it('another failure of the store is not retried: only a lost race is', async () => {
    const failing = failingAppends(1, 'STORE_FAILED')
    const engine = createEngine({ policy: twoKeys, store: failing.store })
    const error = await refusal(engine.dispatch(propose('failing')))
    expect(error.code).toBe('STORE_FAILED')
  })

  it('the policy is stored with the first proposal, so an engine with another policy can load the initiative', async () => {
    const store = memoryStore()
    await createEngine({ policy: twoKeys, store }).dispatch(propose('pinned'))
    const other = createEngine({ policy: council, store })
    const status = await other.status('pinned')
    expect(status.phase).toBe('draft')
  })
})

describe('explain() with a signature', () => {
  it('a signature that does not stand is the whole explanation: UNAUTHENTICATED, its message as the one reason', async () => {
    const engine = createEngine({ policy: signedPolicy, store: memoryStore() })
    const explanation = await engine.explain(signCommand(propose('no-keyring'), seedKeys.minzifry))
    expect(explanation.allowed).toBe(false)
    expect(explanation.code).toBe('UNAUTHENTICATED')
    expect(explanation.rules).toEqual([])
    const [reason] = explanation.reasons
    expect(explanation.reasons).toHaveLength(1)
    expect(reason).toMatch(/keyring/)
    expect(explanation.phrases).toEqual([{ key: 'text', params: { text: reason } }])
    expect(explanation.said?.key).toBe('engine.noKeyring')
  })

  it('without a signature the rules are explained, before anyone signs', async () => {
    const engine = createEngine({ policy: signedPolicy, store: memoryStore() })
    const explanation = await engine.explain(propose('unsigned'))
    expect(explanation.allowed).toBe(true)
    expect(explanation.code).toBeNull()
  })
})
