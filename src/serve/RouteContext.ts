import type { Engine } from '../engine/createEngine.js'
import type { Store } from '../stores/Store.js'
import type { ReadAccess } from './readAccess.js'
import type { labelledMetrics, ServeMetrics } from './serveMetrics.js'

/** What the route groups of one server share, resolved once from its options. */
export interface RouteContext {
  engine: Engine
  store: Store
  auth: ReadAccess
  allowUnsigned: boolean
  metrics: ServeMetrics
  counted: ReturnType<typeof labelledMetrics>
  /** The OpenAPI security a read route states: a bearer token when reads need one. */
  readSecurity: { security?: { bearer: never[] }[] }
}
