import { z } from 'zod'
import { checkedString } from '../domain/checkedString.js'
import { ScopeSchema } from '../domain/InitiativeContent.js'
import { toInstant } from '../domain/InstantInputSchema.js'
import { quoteText } from '../domain/quoteText.js'
import { RecordIdSchema } from '../domain/RecordIdSchema.js'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../domain/timeUnits.js'
import { IdSchema } from '../policy/PolicySchema.js'

/** "+3d", "+4h", "+30m": a step's time relative to the previous step. */
const RELATIVE = /^\+(\d+(?:\.\d+)?)(d|h|m)$/

const ISO_TIME = z.union([z.iso.datetime({ offset: true }), z.iso.date()])

/** Why `at` is not an ISO time naming one whole millisecond from 1970 on, as a command's times do. */
function absoluteTimeProblem(at: string, orElse = ''): string | undefined {
  if (!ISO_TIME.safeParse(at).success) {
    return `${quoteText(at)} is not a time; write an ISO time such as 2026-03-02T09:00:00Z or 2026-03-02${orElse}`
  }
  const instant = toInstant(at)
  return 'problem' in instant ? instant.problem : undefined
}

const AbsoluteTimeSchema = checkedString((at) => absoluteTimeProblem(at))

export const ScriptTimeSchema = checkedString((at) =>
  RELATIVE.test(at)
    ? undefined
    : absoluteTimeProblem(at, ', or a relative one such as "+3d", "+4h" or "+30m"'),
).describe('An ISO time, or a time relative to the previous step such as "+2d".')

const name = RecordIdSchema.describe('The name the script gives an initiative (its `as` when proposed).')
const by = IdSchema

const stepCommands = {
  propose: z.strictObject({
    as: name,
    by,
    title: z.string().min(1).max(300),
    summary: z.string().max(10_000).optional(),
    objective: IdSchema,
    scope: ScopeSchema,
    budget: z.number().nonnegative().optional(),
  }),
  submit: z.strictObject({ initiative: name, by }),
  amend: z.strictObject({
    initiative: name,
    by,
    title: z.string().min(1).max(300).optional(),
    summary: z.string().max(10_000).optional(),
    objective: IdSchema.optional(),
    scope: ScopeSchema.optional(),
    budget: z.number().nonnegative().optional(),
  }),
  decide: z.strictObject({
    initiative: name,
    by,
    key: IdSchema,
    decision: z.enum(['approve', 'refuse']),
    reason: z.string().max(2000).optional(),
  }),
  revoke: z.strictObject({ initiative: name, by, key: IdSchema }),
  withdraw: z.strictObject({ initiative: name, by, reason: z.string().max(2000).optional() }),
  delegate: z.strictObject({
    initiative: name,
    by,
    key: IdSchema,
    deputy: IdSchema,
    days: z.number().positive(),
  }),
  respond: z.strictObject({ initiative: name, by, region: IdSchema, accept: z.boolean() }),
  ministry: z.strictObject({ initiative: name, by, ministry: IdSchema, accept: z.boolean() }),
  plenary: z.strictObject({ initiative: name, by, vote: z.literal('return') }),
  destination: z.strictObject({ initiative: name, by, destination: IdSchema, agreed: z.boolean() }),
  complete: z.strictObject({ initiative: name, by }),
}

export const STEP_COMMANDS = Object.keys(stepCommands) as (keyof typeof stepCommands)[]

/** The languages a script's narration may be translated into, as a policy's names are. */
export const SCRIPT_LANGUAGES = ['ru', 'en'] as const

export const ScriptStepSchema = z
  .strictObject({
    at: ScriptTimeSchema.optional(),
    say: z.string().max(2000).optional().describe('Narration printed before the step.'),
    translations: z
      .partialRecord(z.enum(SCRIPT_LANGUAGES), z.strictObject({ say: z.string().min(1).max(2000) }))
      .optional()
      .describe('The narration in another language (`ru: { say: … }`), printed under `--lang ru`.'),
    expect: z
      .enum(['accepted', 'refused'])
      .optional()
      .describe('What the step should do; a surprise is reported.'),
    tick: z.literal(true).optional().describe('Fire every deadline due at this step’s time.'),
    signedBy: IdSchema.optional().describe(
      "Signed runs: sign with this principal's key instead of the actor's — a forgery, to show the engine refuses it.",
    ),
    propose: stepCommands.propose.optional(),
    submit: stepCommands.submit.optional(),
    amend: stepCommands.amend.optional(),
    decide: stepCommands.decide.optional(),
    revoke: stepCommands.revoke.optional(),
    withdraw: stepCommands.withdraw.optional(),
    delegate: stepCommands.delegate.optional(),
    respond: stepCommands.respond.optional(),
    ministry: stepCommands.ministry.optional(),
    plenary: stepCommands.plenary.optional(),
    destination: stepCommands.destination.optional(),
    complete: stepCommands.complete.optional(),
  })
  .superRefine((step, ctx) => {
    const present = [...STEP_COMMANDS, 'tick'].filter(
      (k) => (step as Record<string, unknown>)[k] !== undefined,
    )
    if (present.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a step does one thing, but this one has ${present.join(' and ')}; split it`,
      })
    }
    if (step.translations !== undefined && step.say === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['translations'],
        message: 'a translation of the narration needs the narration itself: add say: to this step',
      })
    }
    if (present.length === 0 && step.say === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `a step needs a command (${STEP_COMMANDS.join(', ')}), tick: true, or say:`,
      })
    }
  })

/** A scripted scenario: a list of commands with actors and times, run through the engine. */
export const ScriptSchema = z.strictObject({
  title: z.string().max(300).optional(),
  translations: z
    .partialRecord(z.enum(SCRIPT_LANGUAGES), z.strictObject({ title: z.string().min(1).max(300) }))
    .optional()
    .describe('The title in another language (`ru: { title: … }`); each step translates its own narration.'),
  policy: z
    .string()
    .min(1)
    .describe(
      'Path of the policy file, relative to the script; else a shipped policy: twokeys/policies/two-keys.yaml, or its bare name two-keys.yaml.',
    ),
  start: AbsoluteTimeSchema.describe('The time of the first step.'),
  identity: z
    .enum(['asserted', 'signed'])
    .optional()
    .describe(
      "signed: run the policy under identity: signed; each step is signed by its actor's key, after a first keyring signed by every key-holding institution.",
    ),
  keys: z
    .string()
    .min(1)
    .optional()
    .describe(
      'With identity: signed, a folder of private key files (JWK, *.key.json), relative to the script; without it, keys are made for the run and forgotten.',
    ),
  steps: z.array(ScriptStepSchema).min(1),
})

export type Script = z.output<typeof ScriptSchema>
export type ScriptStep = z.output<typeof ScriptStepSchema>

/**
 * Resolves a step time against the previous one: absolute times stand, "+2d" adds. Times are
 * whole milliseconds, so a relative time is rounded to the nearest one ("+0.00001m" is +1 ms).
 */
export function resolveScriptTime(at: string | undefined, previous: number): number {
  if (at === undefined) return previous
  const relative = RELATIVE.exec(at)
  if (relative === null) return Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at)
  const unit = { d: DAY_MS, h: HOUR_MS, m: MINUTE_MS }[relative[2] as 'd' | 'h' | 'm']
  return previous + Math.round(Number(relative[1]) * unit)
}

/** A language a script's narration may be given in besides its own. */
export type ScriptLanguage = (typeof SCRIPT_LANGUAGES)[number]

/**
 * A step's narration in `language`: its translation when the script gives one, else as written.
 *
 * @example
 * narrationIn({ say: 'Oreshkin turns the first key.', translations: { ru: { say: 'Орешкин поворачивает первый ключ.' } } }, 'ru')
 * // 'Орешкин поворачивает первый ключ.'
 */
export function narrationIn(
  step: Pick<ScriptStep, 'say' | 'translations'>,
  language: string,
): string | undefined {
  if (step.say === undefined) return undefined
  return step.translations?.[language as ScriptLanguage]?.say ?? step.say
}
