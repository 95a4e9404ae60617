import { z } from 'zod'
import { PHASES } from '../../machines/describeState.js'
import { REFUSAL_MESSAGES, type RefusalKey } from '../../machines/refusalMessages.js'
import { CommandSchema } from '../domain/Command.js'
import { InitiativeEventSchema } from '../domain/InitiativeEvent.js'
import type { RecordedEvent } from '../domain/RecordedEvent.js'
import { ERROR_CODES } from '../domain/TwoKeysError.js'
import type { InitiativeSummary, Receipt } from '../engine/createEngine.js'
import type { Explanation } from '../engine/explainEvent.js'
import type { Board } from '../engine/keyBoard.js'
import { TrackSchema } from '../policy/PolicySchema.js'
import type { RefusalRecord } from '../stores/Store.js'

/**
 * The HTTP API's schemas. Requests are the engine's own zod schemas (a command is `CommandSchema`,
 * exactly what `signCommand` produces); responses are the engine's types written as zod schemas
 * here (the engine keeps them as TypeScript types), each checked against its type at compile time.
 * `jsonSchemaOf` turns any of them into the JSON Schema the OpenAPI document publishes.
 */

export const PhaseSchema = z.enum(PHASES)

export const RecordedEventSchema = z
  .strictObject({
    initiativeId: z.string(),
    seq: z.int().positive(),
    commandId: z.string(),
    commandHash: z.string(),
    event: InitiativeEventSchema,
    policyHash: z.string(),
    revision: z.string(),
    prevHash: z.string(),
    command: CommandSchema.optional().describe(
      'The signed command the event was made from (identity: signed).',
    ),
    keyring: z.int().positive().optional().describe('The keyring version the signature was checked against.'),
    hash: z.string(),
  })
  .describe('One accepted command, as stored: an event in the initiative’s hash-chained log.')

export const KeyLineSchema = z.strictObject({
  key: z.string(),
  label: z.string(),
  status: z.enum(['turned', 'pending', 'refused', 'stale', 'expired', 'waived']),
  quorum: z.int(),
  approvals: z.array(z.strictObject({ by: z.string(), seat: z.string(), at: z.string() })),
  refusedBy: z.array(z.strictObject({ by: z.string(), reason: z.string().optional() })),
  waitingFor: z.array(z.string()),
  summary: z.string(),
})

export const BoardSchema = z
  .strictObject({
    initiativeId: z.string().nullable(),
    title: z.string().nullable(),
    sponsor: z.string().nullable(),
    phase: PhaseSchema,
    phaseText: z.string(),
    revision: z.strictObject({ n: z.int(), hash: z.string() }),
    deadline: z.string().nullable(),
    keys: z.array(KeyLineSchema),
    track: TrackSchema.nullable(),
    rollout: z.array(
      z.strictObject({ target: z.string(), answer: z.enum(['accepted', 'declined', 'pending']) }),
    ),
  })
  .describe('The status board of an initiative: phase, revision and each key.')

export const ReceiptSchema = z
  .strictObject({
    initiativeId: z.string(),
    commandId: z.string(),
    seq: z.int().positive(),
    event: RecordedEventSchema,
    board: BoardSchema,
    replayed: z.boolean().describe('True when this command id was handled before: the first result again.'),
  })
  .describe('An accepted command: the stored event and the board after it.')

export const ReceiptsSchema = z.array(ReceiptSchema)

export const InitiativeSummarySchema = z.strictObject({
  initiativeId: z.string(),
  title: z.string().nullable(),
  phase: PhaseSchema,
  seq: z.int(),
})
export const InitiativeListSchema = z.array(InitiativeSummarySchema)

export const ExplanationSchema = z
  .strictObject({
    allowed: z.boolean(),
    reasons: z.array(z.string()),
    phrases: z
      .array(
        z.strictObject({
          key: z.enum(Object.keys(REFUSAL_MESSAGES) as [RefusalKey, ...RefusalKey[]]),
          params: z.record(
            z.string(),
            z.union([
              z.string(),
              z.number(),
              z.strictObject({
                term: z.enum(Object.keys(REFUSAL_MESSAGES) as [RefusalKey, ...RefusalKey[]]),
              }),
              z.strictObject({
                terms: z.array(z.enum(Object.keys(REFUSAL_MESSAGES) as [RefusalKey, ...RefusalKey[]])),
              }),
            ]),
          ),
        }),
      )
      .describe(
        'The reasons as message keys with parameters (reasons[i] is phrases[i] in English), for a client that shows them in another language.',
      ),
    rules: z.array(z.string()).describe('The rules (guard names) that refused, in the order found.'),
    code: z.enum(ERROR_CODES).nullable().describe('The error code a refusal of this command carries.'),
    said: z
      .strictObject({ key: z.string(), params: z.record(z.string(), z.unknown()) })
      .optional()
      .describe(
        "When the one reason is an error's own message (a signature check), that message as a message key with its parameters, for a client that shows it in another language.",
      ),
  })
  .describe('Would this command be taken now? Never acts.')

export const RefusalRecordSchema = z.strictObject({
  initiativeId: z.string().nullable(),
  commandId: z.string(),
  commandHash: z.string(),
  command: z.unknown(),
  at: z.number(),
  code: z.string(),
  reasons: z.array(z.string()),
  prevHash: z.string(),
  hash: z.string(),
})
export const SecurityLogSchema = z.array(RefusalRecordSchema)

export const ErrorBodySchema = z
  .strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    reasons: z.array(z.string()),
    issues: z.array(
      z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), message: z.string() }),
    ),
  })
  .describe('Every error: a code from the closed set, a message that says what to do, and the details.')

export const HealthSchema = z.strictObject({ status: z.literal('ok') })
export const ReadySchema = z.strictObject({
  status: z.enum(['ready', 'unavailable']),
  store: z.string(),
  reason: z.string().optional(),
})

export const IdParamsSchema = z.strictObject({
  id: z.string().describe('The initiative id.'),
})
export const ProofParamsSchema = z.strictObject({
  id: z.string().describe('The initiative id.'),
  seq: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'seq is a whole number from 1')
    .describe('The event’s seq (1, 2 …).'),
})
export const SecurityLogQuerySchema = z.strictObject({
  initiative: z.string().optional().describe('Only the refusals of this initiative.'),
})

const bool = z.enum(['true', 'false'])
/**
 * `GET /initiatives/:id/explain?type=decide&by=oreshkin&key=…&decision=approve`: the command's own
 * fields as query parameters (the initiative is the path's); `scope` as JSON text; booleans as
 * true/false; `budget` as a number.
 */
export const ExplainQuerySchema = z.strictObject({
  type: z.enum(CommandSchema.options.map((o) => o.shape.type.value) as [string, ...string[]]),
  by: z.string(),
  key: z.string().optional(),
  decision: z.enum(['approve', 'refuse']).optional(),
  reason: z.string().optional(),
  revision: z.string().optional(),
  deputy: z.string().optional(),
  from: z.string().optional().describe('ISO-8601 time or epoch milliseconds.'),
  until: z.string().optional().describe('ISO-8601 time or epoch milliseconds.'),
  region: z.string().optional(),
  accept: bool.optional(),
  ministry: z.string().optional(),
  vote: z.literal('return').optional(),
  destination: z.string().optional(),
  agreed: bool.optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  objective: z.string().optional(),
  budget: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'budget is a number')
    .optional(),
  scope: z.string().optional().describe('The scope as JSON, e.g. {"kind":"federal"}.'),
})

/**
 * The engine's types fit the schemas above: every value the engine answers with is valid under its
 * schema, and both name the same fields (a drift fails `npm run typecheck`).
 */
type Fits<Engine, Schema> = [Engine] extends [Schema]
  ? [keyof Engine] extends [keyof Schema]
    ? [keyof Schema] extends [keyof Engine]
      ? true
      : false
    : false
  : false
const fits = <T extends true>(_: T[]) => undefined
fits<
  | Fits<Board, z.output<typeof BoardSchema>>
  | Fits<Board['keys'][number], z.output<typeof KeyLineSchema>>
  | Fits<InitiativeSummary, z.output<typeof InitiativeSummarySchema>>
  | Fits<Explanation, z.output<typeof ExplanationSchema>>
  | Fits<RefusalRecord, z.output<typeof RefusalRecordSchema>>
  | Fits<RecordedEvent, z.output<typeof RecordedEventSchema>>
  | Fits<Receipt, z.output<typeof ReceiptSchema>>
>([])

/**
 * The JSON Schema (draft 2020-12, as OpenAPI 3.1 uses) of a zod schema: requests as a client
 * writes them (`io: 'input'`: a time may be an ISO string or epoch milliseconds), responses as the
 * server sends them. A `Date` (accepted in-process only) has no JSON form and is left out.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      const members = ctx.jsonSchema.anyOf
      if (Array.isArray(members)) {
        ctx.jsonSchema.anyOf = members.filter((m) => typeof m !== 'object' || Object.keys(m).length > 0)
      }
    },
  }) as Record<string, unknown>
  const { $schema: _, ...rest } = json
  return rest
}
