import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { CommandInput } from '../domain/Command.js'
import { TwoKeysError } from '../domain/TwoKeysError.js'
import type { RouteContext } from './RouteContext.js'
import { parsed } from './requestParts.js'
import { json, readErrors } from './routeDocs.js'
import {
  BoardSchema,
  ExplainQuerySchema,
  ExplanationSchema,
  IdParamsSchema,
  InitiativeListSchema,
  jsonSchemaOf,
  RecordedEventSchema,
} from './schemas.js'

/** The command an explain query describes: the path's initiative, and each field in its own type. */
function explainedCommand(id: string, query: z.output<typeof ExplainQuerySchema>): CommandInput {
  const command: Record<string, unknown> = { initiativeId: id }
  for (const [field, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (field === 'accept' || field === 'agreed') command[field] = value === 'true'
    else if (field === 'budget') command[field] = Number(value)
    else if ((field === 'from' || field === 'until') && /^\d+$/.test(value)) command[field] = Number(value)
    else if (field === 'scope') {
      try {
        command.scope = JSON.parse(value)
      } catch {
        throw new TwoKeysError('COMMAND_INVALID', 'query.scope is not JSON; send e.g. {"kind":"federal"}')
      }
    } else command[field] = value
  }
  return command as CommandInput
}

/** The reads of initiatives: the list, a status board, an explained command, a history. */
export function registerInitiativeRoutes(
  app: FastifyInstance,
  { engine, auth, readSecurity }: RouteContext,
): void {
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
      return engine.explain(explainedCommand(id, query))
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
}
