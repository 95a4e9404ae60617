import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { Engine } from '../engine/createEngine.js'
import { createSignatureMemo, type SignatureMemo } from '../identity/signatureMemo.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Store } from '../stores/Store.js'
import { registerCommandRoutes } from './commandRoutes.js'
import { registerEventStream } from './eventStream.js'
import { registerInitiativeRoutes } from './initiativeRoutes.js'
import { registerLogRoutes } from './logRoutes.js'
import { registerOpenApiDocs } from './openApiDocs.js'
import { registerOperationRoutes } from './operationRoutes.js'
import type { RouteContext } from './RouteContext.js'
import type { ReadAccess } from './readAccess.js'
import { registerRequestLimit } from './requestLimit.js'
import { createServeMetrics, labelledMetrics, type ServeMetrics } from './serveMetrics.js'
import { registerServerHooks } from './serverHooks.js'

export interface ServerOptions {
  engine: Engine
  /** The engine's store (the default): read for checkpoints, proofs and readiness. */
  store?: Store
  /** The engine's policy (the default); its `identity` must be `signed` unless `allowUnsigned`. */
  policy?: Policy
  /**
   * Accept commands without a signature (for a policy with `identity: asserted`): then anyone who
   * can reach the server may act as anyone. Off by default, and the server refuses to be created
   * under a policy that is not `identity: signed` without it.
   */
  allowUnsigned?: boolean
  /** Fastify's logger: false (the default), pino options such as `{ level: 'info' }`, or a pino logger. */
  logger?: boolean | { level?: string } | FastifyBaseLogger
  /** Who may read: open (the default) or a bearer JWT; see {@link ReadAccess}. */
  auth?: ReadAccess
  /**
   * Requests per principal (the signed actor of a command, the JWT's principal of a read) or, when
   * there is none, per IP, in each time window; 300 a minute by default; false for none.
   */
  rateLimit?: { max: number; timeWindow: number | string } | false
  /**
   * The memo the engine was created with (`createEngine({ signatureMemo })`): the rate limiter
   * verifies a command's signature to name its actor, and the engine then does not verify it again.
   * Without one the limiter keeps its own, and the engine verifies a second time.
   */
  signatureMemo?: SignatureMemo
  /** Largest request body in bytes; 64 KiB by default. */
  bodyLimit?: number
  /** Origins allowed to call from a browser (CORS); none by default. */
  corsOrigins?: readonly string[]
  /** Take the client IP from X-Forwarded-For (behind a proxy you trust); false by default. */
  trustProxy?: boolean | string
  /** The version the OpenAPI document states. */
  version?: string
  /** The metrics registry to fill (the background jobs of `twokeys serve` add to it); a new one by default. */
  metrics?: ServeMetrics
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The principal a read was made by (from its JWT), when reads need one. */
    principal?: string
  }
  interface FastifyContextConfig {
    /** Reads of governance data: open, or a bearer JWT when the configuration says so. */
    read?: boolean
  }
}

/**
 * The twokeys HTTP API as a Fastify instance (not listening: call `listen`, or `inject` in tests).
 * Writes are commands signed by their actor, answered with the engine's receipt; reads are open or
 * need a bearer JWT; OpenAPI 3.1 at `/openapi.json`, docs at `/docs`, Prometheus at `/metrics`.
 * Closing the instance does not close the store: the caller owns it.
 *
 * @example
 * const app = await createServer({ engine, logger: { level: 'info' } })
 * await app.listen({ host: '127.0.0.1', port: 8080 })
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const logger = options.logger ?? false
  const isLoggerInstance =
    typeof logger === 'object' && typeof (logger as FastifyBaseLogger).info === 'function'
  const app = Fastify({
    ...(isLoggerInstance ? { loggerInstance: logger as FastifyBaseLogger } : { logger }),
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  }) as unknown as FastifyInstance
  await app.register(twokeysRoutes, options)
  return app
}

/**
 * The service's routes, hooks and OpenAPI document as a Fastify plugin, to mount inside an app of
 * your own (`app.register(twokeysRoutes, { engine, prefix: '/governance' })`); `createServer` is
 * this plugin on a Fastify instance of its own.
 */
export const twokeysRoutes: FastifyPluginAsync<ServerOptions> = async (app, options) => {
  const { engine } = options
  const store = options.store ?? engine.store
  const policy = options.policy ?? engine.policy
  const auth: ReadAccess = options.auth ?? { reads: 'open' }
  const allowUnsigned = options.allowUnsigned === true
  if (policy.identity !== 'signed' && !allowUnsigned) {
    throw new TwoKeysError(
      'CONFIG_INVALID',
      `policy "${policy.id}" has identity: ${policy.identity ?? 'asserted'}, so a command's "by" would be taken on its word: anyone reaching the server could act as anyone. Serve a policy with identity: signed (and a keyring: twokeys keys apply), or pass --allow-unsigned (allowUnsigned: true) to accept unsigned commands knowingly`,
    )
  }
  const metrics: ServeMetrics = options.metrics ?? createServeMetrics()
  const counted = labelledMetrics(metrics)
  registerServerHooks(app, {
    auth,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    corsOrigins: options.corsOrigins ?? [],
    counted,
  })
  if (options.rateLimit !== false) {
    await registerRequestLimit(app, {
      engine,
      limit: options.rateLimit ?? { max: 300, timeWindow: '1 minute' },
      signatures: options.signatureMemo ?? createSignatureMemo(),
    })
  }
  // Registered before the routes, so the document lists every one of them (in this order).
  await registerOpenApiDocs(app, { auth, version: options.version })

  const readSecurity = auth.reads === 'jwt' ? { security: [{ bearer: [] }] } : {}
  const context: RouteContext = { engine, store, auth, allowUnsigned, metrics, counted, readSecurity }
  registerCommandRoutes(app, context)
  registerInitiativeRoutes(app, context)
  registerLogRoutes(app, context)
  registerEventStream(app, {
    engine,
    route: { config: { read: true }, schema: { ...readSecurity } },
    onClients: (delta) => metrics.sseClients.inc(delta),
  })
  registerOperationRoutes(app, context)
}
