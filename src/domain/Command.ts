import { z } from 'zod'
import { CommandSignatureSchema } from './CommandSignature.js'
import { ScopeSchema } from './InitiativeContent.js'
import { InstantInputSchema } from './InstantInputSchema.js'
import { PolicyRefSchema } from './PolicyRefSchema.js'
import { RecordIdSchema } from './RecordIdSchema.js'

// Ids a caller chooses share one check (RecordIdSchema); names from the policy use the policy's id rule.
const common = {
  by: PolicyRefSchema.describe('The acting principal.'),
  commandId: RecordIdSchema.optional().describe('Idempotency key; repeating it returns the first result.'),
  signature: CommandSignatureSchema.optional().describe(
    "The acting principal's Ed25519 signature; required where the policy says identity: signed.",
  ),
}
const onInitiative = { ...common, initiativeId: RecordIdSchema }
const contentFields = {
  title: z.string().min(1).max(300),
  summary: z.string().max(10_000).optional(),
  objective: PolicyRefSchema,
  scope: ScopeSchema,
  budget: z.number().nonnegative().max(1e15).optional(),
}

export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('propose'),
    ...common,
    initiativeId: RecordIdSchema.optional(),
    ...contentFields,
  }),
  z.strictObject({ type: z.literal('submit'), ...onInitiative }),
  z.strictObject({
    type: z.literal('amend'),
    ...onInitiative,
    ...z.object(contentFields).partial().shape,
  }),
  z.strictObject({
    type: z.literal('decide'),
    ...onInitiative,
    key: PolicyRefSchema,
    decision: z.enum(['approve', 'refuse']),
    reason: z.string().max(2000).optional(),
    revision: RecordIdSchema.optional().describe(
      'The revision hash decided on; the current one when omitted.',
    ),
  }),
  z.strictObject({ type: z.literal('revoke'), ...onInitiative, key: PolicyRefSchema }),
  z.strictObject({ type: z.literal('withdraw'), ...onInitiative, reason: z.string().max(2000).optional() }),
  z.strictObject({
    type: z.literal('delegate'),
    ...onInitiative,
    key: PolicyRefSchema,
    deputy: PolicyRefSchema,
    from: InstantInputSchema.optional(),
    until: InstantInputSchema,
  }),
  z.strictObject({
    type: z.literal('respond'),
    ...onInitiative,
    region: PolicyRefSchema,
    accept: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('ministry'),
    ...onInitiative,
    ministry: PolicyRefSchema,
    accept: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('plenary'),
    ...onInitiative,
    vote: z.literal('return').describe('A member votes to return the initiative to its sponsor.'),
  }),
  z.strictObject({
    type: z.literal('destination'),
    ...onInitiative,
    destination: PolicyRefSchema,
    agreed: z.boolean(),
  }),
  z.strictObject({ type: z.literal('complete'), ...onInitiative }),
])

/** A request to the engine; if the machine takes it, it becomes an event. */
export type Command = z.output<typeof CommandSchema>
export type CommandInput = z.input<typeof CommandSchema>
export type CommandType = Command['type']
export type CommandOf<T extends CommandType> = Extract<CommandInput, { type: T }>
