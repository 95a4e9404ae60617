import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { createKeyringSource } from '../../src/engine/keyringSource.js'
import { manualClock } from '../../src/engine/systemClock.js'
import { firstKeyringChange } from '../../src/identity/firstKeyringChange.js'
import { signCommand } from '../../src/identity/signCommand.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import { KEYS_FROM, signedPolicy as policy, seedKeys } from '../support/seedKeys.js'

// Found by `npm run bench:serve`: three fresh `twokeys serve` instances on one PostgreSQL schema,
// each taking its first commands all at once, answered 500 AUDIT_TAMPERED ("keyring change 1: it
// is stored as version 1 but makes version 1"). Two reads of the keyring overlapped: both read
// version 1, the first kept it, and the second took its own copy for a second version 1.
const genesis = () =>
  firstKeyringChange(policy, [seedKeys.oreshkin, seedKeys.grigorenko, seedKeys.minzifry], KEYS_FROM)

describe('the keyring read by overlapping commands', () => {
  it('overlapping refreshes of a keyring source each keep every version once', async () => {
    const store = memoryStore()
    await createEngine({ policy, store }).changeKeyring(genesis())
    const source = createKeyringSource(store, policy)
    await Promise.all([source.refresh(), source.refresh(), source.refresh()])
    expect(source.latest()?.version).toBe(1)
    expect(source.get(2)).toBeUndefined()
  })

  it('a second instance on the same store accepts its first signed commands sent all at once', async () => {
    const store = memoryStore()
    const clock = manualClock('2026-03-01T09:00:00Z')
    await createEngine({ policy, store, clock }).changeKeyring(genesis())
    // Another engine on the same store, as another `serve` instance: it has read no keyring yet.
    const second = createEngine({ policy, store, clock })
    const proposals = Array.from({ length: 4 }, (_, i) =>
      signCommand(
        {
          type: 'propose',
          initiativeId: `race-${i}`,
          commandId: `race-${i}-p`,
          by: 'minzifry',
          title: `Initiative ${i}`,
          objective: 'infrastructure',
          scope: { kind: 'federal' },
        },
        seedKeys.minzifry,
      ),
    )
    const receipts = await Promise.all(proposals.map((command) => second.dispatch(command)))
    expect(receipts.map((r) => r.replayed)).toEqual([false, false, false, false])
  })
})
