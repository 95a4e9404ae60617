import type { FastifyInstance } from 'fastify'
import { type CommandInput, CommandSchema } from '../domain/Command.js'
import { isTwoKeysError, REFUSAL_CODES } from '../domain/TwoKeysError.js'
import { HttpError } from './httpErrors.js'
import type { RouteContext } from './RouteContext.js'
import { commandType, hasSignature, isObject } from './requestParts.js'
import { errors, json, readErrors } from './routeDocs.js'
import { jsonSchemaOf, ReceiptSchema, ReceiptsSchema } from './schemas.js'

/** The metrics outcome of a command that failed with `code`. */
const outcomeOf = (code: string) =>
  code === 'COMMAND_INVALID'
    ? 'invalid'
    : code === 'UNAUTHENTICATED'
      ? 'unauthenticated'
      : REFUSAL_CODES.has(code)
        ? 'refused'
        : code === 'CONFLICT'
          ? 'conflict'
          : 'failed'

/** The writes: `POST /commands` (one signed command, counted by type and outcome) and `POST /tick`. */
export function registerCommandRoutes(app: FastifyInstance, context: RouteContext): void {
  const { engine, auth, allowUnsigned, metrics, counted, readSecurity } = context
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
        body: jsonSchemaOf(CommandSchema, 'input'),
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
        counted.command(type, outcomeOf(code)).inc()
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
}
