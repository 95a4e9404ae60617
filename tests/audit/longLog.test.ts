import { describe, expect, it } from 'vitest'
import { readAuditLog } from '../../src/audit/readAuditLog.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { RecordedEvent, Store } from '../../src/stores/Store.js'

/** A store holding one initiative with `n` (unchained) events: only the shape of the reads matters here. */
function storeWith(n: number): Store {
  const events = Array.from({ length: n }, (_, i) => ({ initiativeId: 'long', seq: i + 1 }) as RecordedEvent)
  return { ...memoryStore(), listInitiatives: async () => ['long'], readEvents: async () => events }
}

describe('a long log', () => {
  it('is read whole without spreading it onto the call stack', async () => {
    const log = await readAuditLog(storeWith(500_000))
    expect(log).toHaveLength(500_000)
    expect(log.at(-1)?.seq).toBe(500_000)
  })
})
