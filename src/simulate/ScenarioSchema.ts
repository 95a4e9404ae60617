import { z } from 'zod'
import { addPhrased } from '../policy/phrasedIssue.js'
import { policyPhrase } from '../policy/policyMessages.js'
import { DistributionSchema } from './distributions.js'

const probability = z.number().min(0).max(1)

/** The longest horizon or warm-up a scenario may ask for: 100 years, far past any policy's deadlines. */
export const MAX_SCENARIO_DAYS = 36_500
const days = (what: string) =>
  z.number().max(MAX_SCENARIO_DAYS, `${what} can be at most ${MAX_SCENARIO_DAYS} days (100 years)`)

/** What a reviewer decides when a review ends; the three shares must add up to 1. */
export const DecisionsSchema = z
  .strictObject({
    approve: probability,
    refuse: probability.default(0),
    amend: probability
      .default(0)
      .describe('Return for amendment: the sponsor amends the summary (a new revision).'),
  })
  .superRefine((d, ctx) => {
    if (Math.abs(d.approve + d.refuse + d.amend - 1) >= 1e-9)
      addPhrased(ctx, [], policyPhrase('scenario.sharesSum', d))
  })

/** How one principal (or every principal of a role) reviews dossiers. */
export const ReviewerSchema = z.strictObject({
  capacity: z.int().positive().default(1).describe('Dossiers handled at once.'),
  discipline: z.enum(['fifo', 'lifo']).default('fifo').describe('Which waiting dossier is taken next.'),
  reviewDays: DistributionSchema,
  decisions: DecisionsSchema.default({ approve: 1, refuse: 0, amend: 0 }),
  deputy: z
    .strictObject({
      delegate: probability.describe(
        'Chance the holder names its deputy instead of reviewing a dossier itself.',
      ),
      reviewDays: DistributionSchema,
      decisions: DecisionsSchema.optional().describe("The deputy's decisions; by default the holder's."),
    })
    .optional(),
})

const ArrivalsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('poisson'), ratePerDay: z.number().positive() }),
  z.strictObject({ kind: z.literal('schedule'), days: z.array(z.number().nonnegative()).min(1) }),
  z.strictObject({
    kind: z.literal('csv'),
    file: z
      .string()
      .min(1)
      .describe('A CSV with one ISO date (YYYY-MM-DD) per line; relative to the scenario.'),
  }),
])

const MixEntrySchema = z.strictObject({
  objective: z.string().min(1),
  scope: z.enum(['federal', 'regional', 'export']),
  regions: z.int().positive().default(2).describe('How many regions a regional initiative names.'),
  destinations: z.int().positive().default(1).describe('How many destinations an export initiative names.'),
  budget: z
    .number()
    .nonnegative()
    .max(1e15)
    .optional()
    .describe('The budget in roubles, where a key applies by it (e.g. the President above ₽10 bn).'),
  weight: z.number().positive().default(1),
})

export type MixEntry = z.output<typeof MixEntrySchema>

/**
 * A simulation scenario: how often initiatives arrive, what they are, and how every principal
 * behaves. The policy (the rules) is separate, so one scenario runs under several policies.
 */
export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    horizonDays: days('the horizon').positive().describe('Simulated days per replication.'),
    warmupDays: days('the warm-up')
      .nonnegative()
      .default(0)
      .describe('Days discarded before statistics start.'),
    arrivals: ArrivalsSchema,
    mix: z.array(MixEntrySchema).min(1),
    reviewers: z
      .strictObject({
        default: ReviewerSchema.optional(),
        roles: z.record(z.string(), ReviewerSchema).default({}),
        principals: z.record(z.string(), ReviewerSchema).default({}),
      })
      .describe('Per principal, else per role, else the default.'),
    sponsor: z
      .strictObject({
        amendmentDays: DistributionSchema.default({ kind: 'fixed', value: 7 }),
        withdrawAfterRefusal: probability.default(0.5),
        maxAmendments: z.int().nonnegative().default(3),
      })
      .default({
        amendmentDays: { kind: 'fixed', value: 7 },
        withdrawAfterRefusal: 0.5,
        maxAmendments: 3,
      }),
    governors: z
      .strictObject({
        accept: probability.default(0.9),
        responseDays: DistributionSchema.default({ kind: 'exponential', mean: 14 }),
      })
      .default({ accept: 0.9, responseDays: { kind: 'exponential', mean: 14 } }),
    rollout: z
      .strictObject({
        federalDays: DistributionSchema.default({ kind: 'exponential', mean: 60 }),
        exportDays: DistributionSchema.default({ kind: 'exponential', mean: 45 }),
        exportAgreed: probability.default(0.8),
        // Where a federal rollout is accepted by the ministries it names (rollout.federal: ministries),
        // each answers after federalDays and accepts with this probability.
        ministryAccepts: probability.default(0.9),
      })
      .default({
        federalDays: { kind: 'exponential', mean: 60 },
        exportDays: { kind: 'exponential', mean: 45 },
        exportAgreed: 0.8,
        ministryAccepts: 0.9,
      }),
    sla: z
      .strictObject({
        approvalDays: z.number().positive().default(30),
        completionDays: z.number().positive().default(120),
      })
      .default({ approvalDays: 30, completionDays: 120 }),
    wipPoints: z
      .int()
      .min(2)
      .max(1000)
      .default(60)
      .describe('How many times WIP is sampled over the horizon.'),
  })
  .superRefine(({ warmupDays, horizonDays }, ctx) => {
    if (warmupDays >= horizonDays)
      addPhrased(ctx, ['warmupDays'], policyPhrase('scenario.warmupPastHorizon', { warmupDays, horizonDays }))
  })

export type Scenario = z.output<typeof ScenarioSchema>
export type ScenarioInput = z.input<typeof ScenarioSchema>
export type Reviewer = z.output<typeof ReviewerSchema>
export type Decisions = z.output<typeof DecisionsSchema>
