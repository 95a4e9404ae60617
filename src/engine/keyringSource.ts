import type { Keyring } from '../identity/KeyringSchema.js'
import { replayKeyring } from '../identity/replayKeyring.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Store } from '../stores/Store.js'

/**
 * Every version of the keyring, each checked, as this process has read them; refreshed from the
 * store on demand, since other instances may change it.
 */
export interface KeyringSource {
  /** Version `version` (1-based), if read already. */
  get(version: number): Keyring | undefined
  /** Reads and checks the changes stored since the last read. */
  refresh(): Promise<void>
  /** The newest version read, if any. */
  latest(): Keyring | undefined
  /** Adds a version this process has just stored. */
  add(next: Keyring): void
}

export function createKeyringSource(store: Store, policy: Policy): KeyringSource {
  let keyrings: Keyring[] = []
  return {
    get: (version) => keyrings[version - 1],
    async refresh() {
      const fresh = await store.keyringChanges(keyrings.length)
      // Reads overlap (commands arriving together each refresh): another one may have kept some of
      // these versions while this one waited, and a version is replayed only onto the one before it.
      const unseen = fresh.filter((entry) => entry.version > keyrings.length)
      if (unseen.length > 0) keyrings = replayKeyring(policy, unseen, keyrings)
    },
    latest: () => keyrings.at(-1),
    add(next) {
      keyrings = [...keyrings, next]
    },
  }
}
