import { z } from 'zod'
import { IdSchema } from './IdSchema.js'
import { InitiativeContentSchema } from './InitiativeContent.js'
import { RecordIdSchema } from './RecordIdSchema.js'

/** Milliseconds since the Unix epoch; every event carries the time it happened. */
export const InstantSchema = z.int().nonnegative().max(8.64e15)

const acted = { by: IdSchema, at: InstantSchema }

export const ProposeEventSchema = z.strictObject({
  type: z.literal('PROPOSE'),
  ...acted,
  id: RecordIdSchema,
  content: InitiativeContentSchema,
})
export const SubmitEventSchema = z.strictObject({ type: z.literal('SUBMIT'), ...acted })
export const AmendEventSchema = z.strictObject({
  type: z.literal('AMEND'),
  ...acted,
  content: InitiativeContentSchema,
})
export const DecideEventSchema = z.strictObject({
  type: z.literal('DECIDE'),
  ...acted,
  key: IdSchema,
  revision: z.string().min(1).max(128).describe('The revision hash the decision was taken on.'),
  decision: z.enum(['approve', 'refuse']),
  reason: z.string().max(2000).optional(),
})
export const RevokeEventSchema = z.strictObject({ type: z.literal('REVOKE'), ...acted, key: IdSchema })
export const DelegateEventSchema = z.strictObject({
  type: z.literal('DELEGATE'),
  ...acted,
  key: IdSchema,
  deputy: IdSchema,
  from: InstantSchema,
  until: InstantSchema,
})
export const WithdrawEventSchema = z.strictObject({
  type: z.literal('WITHDRAW'),
  ...acted,
  reason: z.string().max(2000).optional(),
})
export const TickEventSchema = z.strictObject({ type: z.literal('TICK'), at: InstantSchema })
export const RespondEventSchema = z.strictObject({
  type: z.literal('RESPOND'),
  ...acted,
  region: IdSchema,
  accept: z.boolean(),
})
/** A ministry named by a federal initiative accepts or declines its rollout (policies with `rollout.federal: ministries`). */
export const MinistryEventSchema = z.strictObject({
  type: z.literal('MINISTRY'),
  ...acted,
  ministry: IdSchema,
  accept: z.boolean(),
})
/** A commission member's vote in the plenary session (policies with `commission`). */
export const PlenaryEventSchema = z.strictObject({
  type: z.literal('PLENARY'),
  ...acted,
  vote: z.literal('return'),
})
export const DestinationEventSchema = z.strictObject({
  type: z.literal('DESTINATION'),
  ...acted,
  destination: IdSchema,
  agreed: z.boolean(),
})
export const CompleteEventSchema = z.strictObject({ type: z.literal('COMPLETE'), ...acted })

/** Every event the initiative machine understands: facts with an actor (except TICK) and a time. */
export const InitiativeEventSchema = z.discriminatedUnion('type', [
  ProposeEventSchema,
  SubmitEventSchema,
  AmendEventSchema,
  DecideEventSchema,
  RevokeEventSchema,
  DelegateEventSchema,
  WithdrawEventSchema,
  TickEventSchema,
  RespondEventSchema,
  MinistryEventSchema,
  PlenaryEventSchema,
  DestinationEventSchema,
  CompleteEventSchema,
])

export type InitiativeEvent = z.output<typeof InitiativeEventSchema>
export type InitiativeEventType = InitiativeEvent['type']
export type EventOf<T extends InitiativeEventType> = Extract<InitiativeEvent, { type: T }>
export const INITIATIVE_EVENT_TYPES = InitiativeEventSchema.options.map((o) => o.shape.type.value)
