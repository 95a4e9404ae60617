import type { FastifyInstance, FastifyRequest } from 'fastify'
import { errorReply, HttpError } from './httpErrors.js'
import { type ReadAccess, readPrincipal } from './readAccess.js'
import { hasSignature } from './requestParts.js'
import type { labelledMetrics } from './serveMetrics.js'

export interface ServerHooksOptions {
  auth: ReadAccess
  bodyLimit: number
  corsOrigins: readonly string[]
  counted: ReturnType<typeof labelledMetrics>
}

/**
 * What every route of the service shares: its body limit, the read guard on read routes, closing
 * politely, JSON only, errors as `{ code, message, reasons }`, CORS and the request counter.
 */
export function registerServerHooks(app: FastifyInstance, options: ServerHooksOptions): void {
  const { auth, bodyLimit, counted } = options
  /** Reads of governance data need a bearer JWT when the configuration says so. */
  const readGuard = async (request: FastifyRequest) => {
    const principal = await readPrincipal(auth, request.headers.authorization)
    if (principal !== undefined) request.principal = principal
  }
  app.addHook('onRoute', (route) => {
    // The body limit of this service's routes, also when mounted in an app with another.
    route.bodyLimit ??= bodyLimit
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
  const corsOrigins = new Set(options.corsOrigins)
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
}
