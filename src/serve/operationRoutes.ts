import type { FastifyInstance } from 'fastify'
import type { RouteContext } from './RouteContext.js'
import { json, text } from './routeDocs.js'
import { HealthSchema, ReadySchema } from './schemas.js'

/** For operators, never rate limited: liveness, readiness (the database answers) and Prometheus metrics. */
export function registerOperationRoutes(app: FastifyInstance, { store, metrics }: RouteContext): void {
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
