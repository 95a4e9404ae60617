import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyRequest,
} from 'fastify'
import { z } from 'zod'
import { type CommandInput, CommandSchema } from '../domain/Command.js'
import { parseCommand } from '../domain/parseCommand.js'
import { recordIdProblem } from '../domain/RecordIdSchema.js'
import { isTwoKeysError, TwoKeysError } from '../domain/TwoKeysError.js'
import type { Engine } from '../engine/createEngine.js'
import { commandTexts } from '../identity/commandTexts.js'
import { createSignatureMemo, type SignatureMemo } from '../identity/signatureMemo.js'
import { logOf } from '../log/logOf.js'
import { proveEvent } from '../log/proveEvent.js'
import type { Policy } from '../policy/PolicySchema.js'
import type { Store } from '../stores/Store.js'
import { formatTlogProof } from '../tlog/tlogProof.js'
import { registerEventStream } from './eventStream.js'
import { errorReply, HttpError } from './httpErrors.js'
import { type ReadAccess, readPrincipal } from './readAccess.js'
import {
  BoardSchema,
  ErrorBodySchema,
  ExplainQuerySchema,
  ExplanationSchema,
  HealthSchema,
  IdParamsSchema,
  InitiativeListSchema,
  jsonSchemaOf,
  ProofParamsSchema,
  ReadySchema,
  ReceiptSchema,
  ReceiptsSchema,
  RecordedEventSchema,
  SecurityLogQuerySchema,
  SecurityLogSchema,
} from './schemas.js'
import { createServeMetrics, labelledMetrics, type ServeMetrics } from './serveMetrics.js'

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

const COMMAND_TYPES = new Set<string>(CommandSchema.options.map((o) => o.shape.type.value))
/** Codes a command is refused with (each kept in the security log). */
const REFUSAL_CODES = new Set([
  'UNAUTHENTICATED',
  'NOT_AUTHORIZED',
  'KEY_ALREADY_USED',
  'STALE_REVISION',
  'WINDOW_CLOSED',
  'REFUSED',
])

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const hasSignature = (body: unknown) => isObject(body) && body.signature !== undefined
const commandType = (body: unknown) =>
  isObject(body) && typeof body.type === 'string' && COMMAND_TYPES.has(body.type) ? body.type : 'unknown'

/** Checks a request part with its zod schema: COMMAND_INVALID with every issue located. */
function parsed<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value ?? {})
  if (result.success) return result.data
  const issues = result.error.issues.map((i) => ({
    code: i.code,
    path: i.path as (string | number)[],
    message: i.message,
  }))
  const lines = issues.map((i) => `  ✖ ${[where, ...i.path].join('.')}: ${i.message}`)
  throw new TwoKeysError('COMMAND_INVALID', `invalid ${where}:\n${lines.join('\n')}`, { issues })
}

function checkedInitiativeId(id: string): string {
  const problem = recordIdProblem(id)
  if (problem !== undefined) throw new TwoKeysError('COMMAND_INVALID', `initiative id: ${problem}`)
  return id
}

// ---- OpenAPI pieces -------------------------------------------------------------------------

const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: jsonSchemaOf(schema, 'output') } },
})
const text = (description: string) => ({
  description,
  content: { 'text/plain': { schema: { type: 'string' } } },
})
const ERROR_TEXT: Record<number, string> = {
  400: 'COMMAND_INVALID: the request does not fit its schema (issues say where)',
  401: 'UNAUTHENTICATED: the command is not signed, or a read lacks a valid bearer token',
  403: "UNAUTHENTICATED: the signature does not verify or is not the actor's, or the token's subject is not mapped",
  404: 'NOT_FOUND',
  409: 'CONFLICT: a concurrent write won; retry with the same commandId',
  413: 'COMMAND_INVALID: the body is larger than the limit',
  415: 'COMMAND_INVALID: send Content-Type: application/json',
  422: 'Refused by the rules: REFUSED, NOT_AUTHORIZED, KEY_ALREADY_USED, STALE_REVISION or WINDOW_CLOSED, with reasons',
  429: 'LIMIT_REACHED: too many requests; wait and retry',
  503: 'STORE_FAILED: the database is unavailable',
}
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, json(ERROR_TEXT[s] ?? 'error', ErrorBodySchema)] as const),
  ) as Record<number, ReturnType<typeof json>>
const readErrors = (auth: ReadAccess, ...statuses: number[]) =>
  errors(...(auth.reads === 'jwt' ? [401, 403] : []), ...statuses, 429)

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
  /** Reads of governance data need a bearer JWT when the configuration says so. */
  const readGuard = async (request: FastifyRequest) => {
    const principal = await readPrincipal(auth, request.headers.authorization)
    if (principal !== undefined) request.principal = principal
  }
  app.addHook('onRoute', (route) => {
    // The body limit of this service's routes, also when mounted in an app with another.
    route.bodyLimit ??= options.bodyLimit ?? 64 * 1024
    // Only the read routes check a token: a write is never slowed by a check that cannot apply to it.
    if (auth.reads === 'jwt' && route.config?.read === true) {
      const own = route.onRequest === undefined ? [] : [route.onRequest].flat()
      route.onRequest = [...own, readGuard]
    }
  })

  // Closing: requests in flight finish, and their connections close after the answer instead of
  // idling in keep-alive (which would hold the close until the keep-alive timeout).
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close')
    done(null, payload)
  })

  // JSON only: a text body is 415, not a string the handlers would have to refuse.
  app.removeContentTypeParser('text/plain')
  // The zod schemas check each request in its handler; Fastify only publishes them.
  app.setValidatorCompiler(() => () => true)
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorReply(error, hasSignature(request.body))
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: body.code, status }, body.message.split('\n')[0])
    void reply.code(status).type('application/json; charset=utf-8').send(body)
  })
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = errorReply(
      new HttpError(
        404,
        'NOT_FOUND',
        `no route ${request.method} ${request.url.split('?')[0]}; the routes are listed at /openapi.json`,
      ),
    )
    void reply.code(status).send(body)
  })

  // CORS: off unless origins are configured; then only those, and only the simple methods.
  const corsOrigins = new Set(options.corsOrigins ?? [])
  if (corsOrigins.size > 0) {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin
      if (origin === undefined || !corsOrigins.has(origin)) return
      void reply.header('access-control-allow-origin', origin).header('vary', 'Origin')
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
        await reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST')
          .header('access-control-allow-headers', 'authorization, content-type')
          .header('access-control-max-age', '600')
          .send()
      }
    })
  }

  app.addHook('onResponse', (request, reply, done) => {
    counted.request(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode).inc()
    done()
  })

  const signatures = options.signatureMemo ?? createSignatureMemo()
  /** The actor of a command whose signature verifies now, for rate limiting; else undefined. */
  async function signedActor(body: unknown): Promise<string | undefined> {
    if (!hasSignature(body)) return undefined
    try {
      const command = parseCommand(body as CommandInput)
      const keyring = await engine.keyring()
      if (keyring === null) return undefined
      const verdict = signatures.verify(keyring, command, engine.clock(), commandTexts(command).unsigned)
      return verdict.ok ? command.by : undefined
    } catch {
      return undefined
    }
  }

  if (options.rateLimit !== false) {
    const limit = options.rateLimit ?? { max: 300, timeWindow: '1 minute' }
    await app.register(fastifyRateLimit, {
      max: limit.max,
      timeWindow: limit.timeWindow,
      // After the body is parsed (a command names its actor), before it is checked or acted on.
      hook: 'preValidation',
      keyGenerator: async (request: FastifyRequest) => {
        if (request.routeOptions.url === '/commands') {
          const actor = await signedActor(request.body)
          if (actor !== undefined) return `principal:${actor}`
        }
        if (request.principal !== undefined) return `principal:${request.principal}`
        return `ip:${request.ip}`
      },
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          429,
          'LIMIT_REACHED',
          `too many requests: at most ${context.max} per ${context.after}; retry after ${context.after}`,
        ),
    })
  }

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'twokeys',
        version: options.version ?? '0.0.0',
        description:
          'A dual-key governance engine over HTTP. Every write is one command signed by its actor (POST /commands), ' +
          'answered with the receipt the engine gives; a refusal answers { code, message, reasons } with 401 (unsigned), ' +
          "403 (a signature that does not verify or is not the actor's), 400 (invalid), 404, 409 (a concurrent write; " +
          'retry with the same commandId) or 422 (refused by the rules: the code says which).' +
          (auth.reads === 'jwt'
            ? ' Reads need Authorization: Bearer <JWT>.'
            : ' Reads are open on this server.'),
      },
      ...(auth.reads === 'jwt'
        ? {
            components: {
              securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
            },
          }
        : {}),
    },
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' })

  const readSecurity = auth.reads === 'jwt' ? { security: [{ bearer: [] }] } : {}
  const commandJson = jsonSchemaOf(CommandSchema, 'input')

  app.get('/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, async () =>
    app.swagger(),
  )

  app.post(
    '/commands',
    {
      schema: {
        operationId: 'postCommand',
        summary:
          'Send one signed command (propose, submit, amend, decide, revoke, withdraw, delegate, respond, ministry, plenary, destination, complete)',
        description:
          'The body is the command exactly as signCommand produces it: the parsed command with `signature: { keyId, value }`. ' +
          'A signed command carries its initiativeId and commandId (and a decision its revision). Idempotent by commandId: ' +
          'the same command again answers the first result (200, replayed: true); the id reused for another command is 400.',
        tags: ['commands'],
        body: commandJson,
        response: {
          200: json(
            'The command was handled before: its first receipt again (replayed: true)',
            ReceiptSchema,
          ),
          201: json('Accepted: the stored event and the board after it', ReceiptSchema),
          ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const type = commandType(request.body)
      const started = performance.now()
      try {
        if (!allowUnsigned && !hasSignature(request.body)) {
          const by = isObject(request.body) && typeof request.body.by === 'string' ? request.body.by : '?'
          throw new HttpError(
            401,
            'UNAUTHENTICATED',
            `${type} by ${JSON.stringify(by)} is not signed: this server accepts only commands signed by their actor (signCommand); a name in the body or a header is not an identity`,
            ['the command carries no signature'],
          )
        }
        const receipt = await engine.dispatch(request.body as CommandInput)
        counted.command(type, receipt.replayed ? 'replayed' : 'accepted').inc()
        void reply.code(receipt.replayed ? 200 : 201)
        return receipt
      } catch (error) {
        const code = isTwoKeysError(error) ? error.code : 'INTERNAL'
        const outcome =
          code === 'COMMAND_INVALID'
            ? 'invalid'
            : code === 'UNAUTHENTICATED'
              ? 'unauthenticated'
              : REFUSAL_CODES.has(code)
                ? 'refused'
                : code === 'CONFLICT'
                  ? 'conflict'
                  : 'failed'
        counted.command(type, outcome).inc()
        if (REFUSAL_CODES.has(code)) metrics.refusals.inc({ code })
        throw error
      } finally {
        counted.latency(type).observe((performance.now() - started) / 1000)
      }
    },
  )

  app.post(
    '/tick',
    {
      config: { read: true },
      schema: {
        operationId: 'postTick',
        summary: "Fire every deadline due by the server's clock",
        description:
          'Records the deadlines that have passed (a lapsed review, an expired delegation…) at the server’s own time; ' +
          'a client cannot choose the time. Answers one receipt per initiative whose state changed.',
        tags: ['commands'],
        ...readSecurity,
        response: {
          200: json('One receipt per initiative whose state changed', ReceiptsSchema),
          ...readErrors(auth),
        },
      },
    },
    async () => engine.tick(),
  )

  app.get(
    '/initiatives',
    {
      config: { read: true },
      schema: {
        operationId: 'listInitiatives',
        summary: 'Every initiative with its title, phase and last seq',
        tags: ['initiatives'],
        ...readSecurity,
        response: { 200: json('The initiatives', InitiativeListSchema), ...readErrors(auth) },
      },
    },
    async () => engine.list(),
  )

  const idParams = jsonSchemaOf(IdParamsSchema, 'input')
  app.get(
    '/initiatives/:id',
    {
      config: { read: true },
      schema: {
        operationId: 'getStatus',
        summary: 'The status board of an initiative: phase, revision, each key',
        tags: ['initiatives'],
        params: idParams,
        ...readSecurity,
        response: { 200: json('The board as of now', BoardSchema), ...readErrors(auth, 400, 404) },
      },
    },
    async (request) => {
      const { id } = parsed(IdParamsSchema, request.params, 'path')
      return engine.status(id)
    },
  )

  app.get(
    '/initiatives/:id/explain',
    {
      config: { read: true },
      schema: {
        operationId: 'explainCommand',
        summary: 'Would this command be taken now, and if not, why? Never acts.',
        description:
          "The command's fields as query parameters (the initiative is the path's): type and by, then the type's own " +
          'fields (key, decision, revision, region, accept …); scope as JSON text.',
        tags: ['initiatives'],
        params: idParams,
        querystring: jsonSchemaOf(ExplainQuerySchema, 'input'),
        ...readSecurity,
        response: {
          200: json('The verdict, with reasons and rule names', ExplanationSchema),
          ...readErrors(auth, 400, 404),
        },
      },
    },
    async (request) => {
      const { id } = parsed(IdParamsSchema, request.params, 'path')
      const query = parsed(ExplainQuerySchema, request.query, 'query')
      const command: Record<string, unknown> = { initiativeId: id }
      for (const [field, value] of Object.entries(query)) {
        if (value === undefined) continue
        if (field === 'accept' || field === 'agreed') command[field] = value === 'true'
        else if (field === 'budget') command[field] = Number(value)
        else if ((field === 'from' || field === 'until') && /^\d+$/.test(value))
          command[field] = Number(value)
        else if (field === 'scope') {
          try {
            command.scope = JSON.parse(value)
          } catch {
            throw new TwoKeysError('COMMAND_INVALID', 'query.scope is not JSON; send e.g. {"kind":"federal"}')
          }
        } else command[field] = value
      }
      return engine.explain(command as CommandInput)
    },
  )

  app.get(
    '/initiatives/:id/history',
    {
      config: { read: true },
      schema: {
        operationId: 'getHistory',
        summary: "The initiative's events, in order, hash-chained",
        tags: ['initiatives'],
        params: idParams,
        ...readSecurity,
        response: {
          200: json('The events', z.array(RecordedEventSchema)),
          ...readErrors(auth, 400, 404),
        },
      },
    },
    async (request) => {
      const { id } = parsed(IdParamsSchema, request.params, 'path')
      return engine.history(id)
    },
  )

  app.get(
    '/initiatives/:id/events/:seq/proof',
    {
      config: { read: true },
      schema: {
        operationId: 'getEventProof',
        summary: 'A c2sp.org/tlog-proof that event seq is in the latest checkpoint (text/plain)',
        description:
          'Check it offline with the log’s verifier key and the witnesses’ (twokeys audit verify, or the standalone verifiers). ' +
          '404 until a checkpoint covers the event (twokeys log checkpoint).',
        tags: ['log'],
        params: jsonSchemaOf(ProofParamsSchema, 'input'),
        ...readSecurity,
        response: { 200: text('The tlog-proof'), ...readErrors(auth, 400, 404) },
      },
    },
    async (request, reply) => {
      const { id, seq } = parsed(ProofParamsSchema, request.params, 'path')
      const proof = await proveEvent(store, checkedInitiativeId(id), Number(seq))
      return reply.type('text/plain; charset=utf-8').send(formatTlogProof(proof))
    },
  )

  app.get(
    '/security-log',
    {
      config: { read: true },
      schema: {
        operationId: 'getSecurityLog',
        summary: 'Refused commands: who tried what, and why it was refused (chained like events)',
        tags: ['log'],
        querystring: jsonSchemaOf(SecurityLogQuerySchema, 'input'),
        ...readSecurity,
        response: { 200: json('The refusals, oldest first', SecurityLogSchema), ...readErrors(auth, 400) },
      },
    },
    async (request) => {
      const { initiative } = parsed(SecurityLogQuerySchema, request.query, 'query')
      return engine.securityLog(initiative)
    },
  )

  app.get(
    '/checkpoints/latest',
    {
      config: { read: true },
      schema: {
        operationId: 'getLatestCheckpoint',
        summary:
          'The latest checkpoint of the Merkle log: a signed note with its witness cosignatures (text/plain)',
        tags: ['log'],
        ...readSecurity,
        response: {
          200: text('The cosigned checkpoint note (c2sp.org/tlog-checkpoint)'),
          ...readErrors(auth, 404),
        },
      },
    },
    async (_request, reply) => {
      const checkpoint = await logOf(store).latestCheckpoint()
      if (checkpoint === undefined) {
        throw new TwoKeysError(
          'NOT_FOUND',
          'no checkpoint has been published yet; publish one with twokeys log checkpoint',
        )
      }
      return reply.type('text/plain; charset=utf-8').send(checkpoint.note)
    },
  )

  registerEventStream(app, {
    engine,
    route: { config: { read: true }, schema: { ...readSecurity } },
    onClients: (delta) => metrics.sseClients.inc(delta),
  })

  app.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: {
        operationId: 'health',
        summary: 'The process is up',
        tags: ['operations'],
        response: { 200: json('Up', HealthSchema) },
      },
    },
    async () => ({ status: 'ok' as const }),
  )

  app.get(
    '/readyz',
    {
      config: { rateLimit: false },
      schema: {
        operationId: 'ready',
        summary: 'The database answers (and, since the stores migrate on open, its migrations are current)',
        tags: ['operations'],
        response: {
          200: json('Ready', ReadySchema),
          503: json('The database does not answer', ReadySchema),
        },
      },
    },
    async (_request, reply) => {
      try {
        await withTimeout(
          Promise.all([store.keyringChanges(Number.MAX_SAFE_INTEGER), store.log?.size()]),
          2000,
        )
        return { status: 'ready' as const, store: store.kind }
      } catch (error) {
        void reply.code(503)
        const reason = error instanceof Error ? error.message : String(error)
        return { status: 'unavailable' as const, store: store.kind, reason }
      }
    },
  )

  app.get(
    '/metrics',
    {
      config: { rateLimit: false },
      schema: {
        operationId: 'metrics',
        summary: 'Prometheus metrics: commands by type and outcome, latency, refusals by code, requests',
        tags: ['operations'],
        response: { 200: text('Prometheus text exposition format') },
      },
    },
    async (_request, reply) =>
      reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  )
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}
