import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import type { ReadAccess } from './readAccess.js'

/**
 * The OpenAPI 3.1 document, built from every route registered after this (at `/openapi.json`),
 * and its docs page at `/docs`.
 */
export async function registerOpenApiDocs(
  app: FastifyInstance,
  { auth, version }: { auth: ReadAccess; version: string | undefined },
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'twokeys',
        version: version ?? '0.0.0',
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

  app.get('/openapi.json', { schema: { hide: true }, config: { rateLimit: false } }, async () =>
    app.swagger(),
  )
}
