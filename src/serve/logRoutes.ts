import type { FastifyInstance } from 'fastify'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import { logOf } from '../log/logOf.js'
import { proveEvent } from '../log/proveEvent.js'
import { formatTlogProof } from '../tlog/tlogProof.js'
import type { RouteContext } from './RouteContext.js'
import { checkedInitiativeId, parsed } from './requestParts.js'
import { json, readErrors, text } from './routeDocs.js'
import { jsonSchemaOf, ProofParamsSchema, SecurityLogQuerySchema, SecurityLogSchema } from './schemas.js'

/** The audit reads: an event's inclusion proof, the security log, the latest cosigned checkpoint. */
export function registerLogRoutes(
  app: FastifyInstance,
  { engine, store, auth, readSecurity }: RouteContext,
): void {
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
}
