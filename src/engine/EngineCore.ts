import type { Policy } from '../policy/PolicySchema.js'
import type { Store } from '../stores/Store.js'
import type { InitiativeLoader } from './initiativeLoader.js'
import type { Clock } from './systemClock.js'

/** What every part of one engine shares: its policy, store, clock, id maker and initiative cache. */
export interface EngineCore {
  policy: Policy
  policyHash: string
  store: Store
  clock: Clock
  ids: () => string
  loader: InitiativeLoader
}
