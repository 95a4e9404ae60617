import { z } from 'zod'
import { ID_MAX, ID_PATTERN, ID_RULE, IdSchema } from '../domain/IdSchema.js'

// The id rule is the domain's: commands and events name principals, keys and regions by it too.
export { ID_MAX, ID_PATTERN, ID_RULE, IdSchema }

import { checkKeyConditions } from './checkKeyConditions.js'
import { checkPolicyReferences } from './checkPolicyReferences.js'

export const RoleSchema = z
  .enum([
    'co-chair',
    'sponsor',
    'ministry',
    'governor',
    'agency',
    'deputy',
    'council',
    'observer',
    'president',
  ])
  .describe(
    'What a principal does in the process; "sponsor" may propose initiatives; "ministry", "governor" and "agency" are bodies a key may reach.',
  )

export const PrincipalSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(200).describe('Display name, e.g. "Maxim Oreshkin".'),
    institution: IdSchema.describe('The institution the principal belongs to.'),
    affiliations: z
      .array(IdSchema)
      .default([])
      .describe(
        'Further institutions the principal also holds a role in (they count for distinctness, TK2).',
      ),
    roles: z.array(RoleSchema).default([]),
  })
  .describe('A person or body that can act in the process.')

export const DeputiesSchema = z
  .strictObject({
    allowed: z.boolean().default(false).describe('Whether a holder may name a deputy to act for them.'),
    maxDays: z
      .number()
      .positive()
      .max(365)
      .optional()
      .describe('Longest delegation window, in days. Required when deputies are allowed.'),
    eligible: z
      .array(IdSchema)
      .optional()
      .describe('Principals who may be named deputy; by default any principal of the key institution.'),
  })
  .describe('Whether and how a key holder may delegate.')

export const KeySchema = z
  .strictObject({
    id: IdSchema,
    label: z.string().min(1).max(200),
    institution: IdSchema.describe('The institution whose approval right this key is.'),
    holders: z.array(IdSchema).describe('Principals who hold the key.'),
    quorum: z.int().positive().default(1).describe('How many distinct holders must approve to turn the key.'),
    veto: z
      .boolean()
      .default(true)
      .describe('Whether one refusal by a holder refuses the revision outright.'),
    deputies: DeputiesSchema.default({ allowed: false }),
    appliesIf: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe(
        'When the key applies, as a condition on the content (e.g. "budget > 10e9"); by default always. A key that does not apply to an initiative is waived for it.',
      ),
    reach: z
      .array(z.enum(['ministry', 'governor', 'agency']))
      .optional()
      .describe(
        "The bodies this key's institution brings in (roles of principals). When any key of the policy says, a rollout is answered only by bodies within the reach of the keys that approved it.",
      ),
  })
  .describe('An institutional approval right.')

export const ReviewSchema = z
  .strictObject({
    windowDays: z
      .number()
      .positive()
      .max(3650)
      .describe('Days from submission until the review window closes.'),
    onClose: z.enum(['plenary', 'lapse']).default('plenary').describe('What happens when the window closes.'),
    plenaryDays: z
      .number()
      .positive()
      .max(3650)
      .default(14)
      .describe('Days a plenary session has to finish the review before the initiative lapses.'),
  })
  .describe('Review window and escalation.')

export const ScopeKindSchema = z.enum(['federal', 'regional', 'export'])
export const TrackSchema = z.enum(['federal', 'regional', 'export'])

export const RoutingRuleSchema = z
  .strictObject({
    when: z
      .strictObject({
        objective: z
          .array(IdSchema)
          .min(1)
          .optional()
          .describe('Objectives this rule matches; all when omitted.'),
        scope: z
          .array(ScopeKindSchema)
          .min(1)
          .optional()
          .describe('Scope kinds this rule matches; all when omitted.'),
      })
      .default({}),
    track: TrackSchema,
  })
  .describe('Routes an approved initiative to a track; the first matching rule wins.')

export const RegionSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  governor: IdSchema.describe('The principal who accepts or declines rollout in this region.'),
})

export const RolloutSchema = z.strictObject({
  federal: z
    .enum(['sponsor', 'ministries'])
    .default('sponsor')
    .describe(
      'sponsor: the sponsor completes a federal rollout; ministries: each ministry the initiative names accepts or declines it.',
    ),
  export: z
    .enum(['sponsor', 'agencies'])
    .default('sponsor')
    .describe(
      "sponsor: the sponsor records each destination's answer; agencies: a principal with the role agency records it.",
    ),
})

export const CommissionSchema = z
  .strictObject({
    members: z
      .array(IdSchema)
      .min(1)
      .describe('Principals who sit in the plenary and vote there (ministers, governors, agency heads).'),
    plenaryQuorum: z
      .int()
      .positive()
      .describe(
        'How many distinct members must vote to return an initiative to its sponsor; a plenary decision never turns a key.',
      ),
  })
  .describe("The commission's members besides the key holders, and the plenary's quorum.")

export const PolicyTranslationSchema = z
  .strictObject({
    title: z.string().min(1).max(200).optional(),
    principals: z.record(IdSchema, z.string().min(1).max(200)).optional().describe('Principal id → name.'),
    keys: z.record(IdSchema, z.string().min(1).max(200)).optional().describe('Key id → label.'),
    regions: z.record(IdSchema, z.string().min(1).max(200)).optional().describe('Region id → name.'),
    objectives: z
      .record(IdSchema, z.string().min(1).max(200))
      .optional()
      .describe('Objective id → name (an initiative keeps the id; a page shows the name).'),
  })
  .describe("The policy's names in another language: shown by pages in that language; never read by a rule.")

export const SubstantiveFieldSchema = z.enum(['title', 'summary', 'objective', 'scope', 'budget'])

export const PolicyShape = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1).describe('Format version of this policy document.'),
  id: IdSchema,
  title: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  identity: z
    .enum(['asserted', 'signed'])
    .optional()
    .describe(
      'signed: every command must carry a valid signature of its actor from the keyring; asserted (the default): the actor is whoever the caller names.',
    ),
  objectives: z.array(IdSchema).min(1).default(['infrastructure', 'export']),
  principals: z.array(PrincipalSchema).min(1),
  keys: z.array(KeySchema).min(1),
  review: ReviewSchema,
  approvals: z
    .strictObject({
      lifetimeDays: z
        .number()
        .positive()
        .max(3650)
        .nullable()
        .default(null)
        .describe('An approval older than this when its key would turn does not count; null: never expires.'),
    })
    .default({ lifetimeDays: null }),
  amendments: z
    .strictObject({
      substantive: z
        .array(SubstantiveFieldSchema)
        .min(1)
        .default(['summary', 'objective', 'scope', 'budget'])
        .describe('Fields whose change makes a new revision and resets every key.'),
    })
    .default({ substantive: ['summary', 'objective', 'scope', 'budget'] }),
  routing: z.array(RoutingRuleSchema).min(1),
  regions: z.array(RegionSchema).default([]),
  friendlyDestinations: z.array(IdSchema).default([]),
  translations: z
    .partialRecord(z.enum(['ru', 'en']), PolicyTranslationSchema)
    .optional()
    .describe('Names and labels in other languages, by language code (ru, en): for people, not for rules.'),
  commission: CommissionSchema.optional().describe(
    'Members who vote in the plenary session: a quorum of them may return an initiative to its sponsor.',
  ),
  rollout: RolloutSchema.optional().describe(
    'Who carries each track out; by default the sponsor completes a federal rollout and records each destination.',
  ),
})

/** The policy document: keys, holders and rules. Cross-field checks run after the shape is valid. */
export const PolicySchema = PolicyShape.superRefine(checkPolicyReferences).superRefine(checkKeyConditions)

export type Policy = z.output<typeof PolicySchema>
export type PolicyInput = z.input<typeof PolicySchema>
export type Principal = Policy['principals'][number]
export type Key = Policy['keys'][number]
export type RoutingRule = Policy['routing'][number]
export type Region = Policy['regions'][number]
export type Rollout = z.output<typeof RolloutSchema>
export type Track = z.output<typeof TrackSchema>
export type ScopeKind = z.output<typeof ScopeKindSchema>
export type SubstantiveField = z.output<typeof SubstantiveFieldSchema>
