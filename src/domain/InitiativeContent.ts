import { z } from 'zod'
import { IdSchema } from './IdSchema.js'

export const ScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('federal'),
    ministries: z.array(IdSchema).max(100).default([]),
  }),
  z.strictObject({
    kind: z.literal('regional'),
    regions: z.array(IdSchema).min(1, 'a regional initiative names at least one region').max(100),
  }),
  z.strictObject({
    kind: z.literal('export'),
    destinations: z.array(IdSchema).min(1, 'an export initiative names at least one destination').max(100),
  }),
])

/** What an initiative proposes. Which of these fields are substantive is the policy's call. */
export const InitiativeContentSchema = z.strictObject({
  title: z.string().min(1).max(300),
  summary: z.string().max(10_000).default(''),
  objective: IdSchema,
  scope: ScopeSchema,
  budget: z.number().nonnegative().max(1e15).optional(),
})

export type Scope = z.output<typeof ScopeSchema>
export type InitiativeContent = z.output<typeof InitiativeContentSchema>
export type InitiativeContentInput = z.input<typeof InitiativeContentSchema>
