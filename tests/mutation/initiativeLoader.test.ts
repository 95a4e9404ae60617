import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { hashPolicy } from '../../src/policy/hashPolicy.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { Store } from '../../src/stores/Store.js'
import { sqliteStore } from '../../src/stores/sqliteStore.js'
import { refusal } from '../support/refusal.js'

// Mutation testing of the engine's initiative loader (README "Tests that would notice") found
// these untested: each test below fails on the mutant its comment names.
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const council = loadPolicyFile('machines/policies/council.yaml')
const federal = { title: 'GPU cluster', objective: 'infrastructure', scope: { kind: 'federal' as const } }
const clock = () => manualClock('2026-03-01T09:00:00Z')

/** An initiative proposed under two-keys.yaml, and a store that answers `getPolicy` as told. */
async function startedUnderTwoKeys(pinned: (stored: Awaited<ReturnType<Store['getPolicy']>>) => unknown) {
  const store = memoryStore()
  const first = createEngine({ policy: twoKeys, store, clock: clock() })
  const { initiativeId } = await first.propose({ by: 'minzifry', ...federal })
  const edited: Store = Object.create(store)
  edited.getPolicy = async (hash) => pinned(await store.getPolicy(hash)) as never
  // An engine whose own policy is another: it must read the initiative's pinned one from the store.
  return { initiativeId, engine: createEngine({ policy: council, store: edited, clock: clock() }) }
}

describe('the initiative loader', () => {
  const short = hashPolicy(twoKeys).slice(0, 12)

  it('refuses a pinned policy edited in the store (AUDIT_TAMPERED), naming its pin by 12 characters', async () => {
    // Mutants: the hash check as `false`, its block emptied, the pin named in full.
    const { engine, initiativeId } = await startedUnderTwoKeys((stored) => ({ ...stored, id: 'edited' }))
    const { code, message } = await refusal(engine.status(initiativeId))
    expect(code).toBe('AUDIT_TAMPERED')
    expect(message).toContain(
      `the policy pinned as ${short} by initiative "${initiativeId}" no longer hashes to its pin`,
    )
  })

  it('says which pinned policy the store lacks', async () => {
    const { engine, initiativeId } = await startedUnderTwoKeys(() => undefined)
    const { code, message } = await refusal(engine.status(initiativeId))
    expect(code).toBe('STORE_FAILED')
    expect(message).toContain(`was started under policy ${short}, which the store does not have`)
  })

  it('keeps no snapshot without a key to seal it or witnesses to vouch for it', async () => {
    // Mutants: `snapshotKey !== undefined || checkpoints !== undefined` (and the whole condition
    // but the interval) as `true`: an unsealed, unwitnessed snapshot nobody would trust.
    const store = sqliteStore(':memory:') // a store that can keep snapshots
    const engine = createEngine({ policy: twoKeys, store, clock: clock(), snapshotEvery: 1 })
    const { initiativeId } = await engine.propose({ by: 'minzifry', ...federal })
    await engine.submit(initiativeId, { by: 'minzifry' })
    expect(store.loadSnapshot).toBeDefined()
    expect(await store.loadSnapshot?.(initiativeId)).toBeUndefined()
    await engine.close()
  })
})
