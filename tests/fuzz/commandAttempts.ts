import fc from 'fast-check'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { edgyId, HUGE, hostileNumber, hostileString, junk, mostly, PROTO } from './hostileValues.js'

export const policy = loadPolicyFile('machines/policies/two-keys.yaml')
export const START = Date.parse('2026-03-01T09:00:00Z')
export const PA = 'presidential-administration'
export const GA = 'government-apparatus'

/** Codes a command may be refused with; CONFLICT, STORE_FAILED or INTERNAL would mean the engine broke. */
export const COMMAND_CODES = new Set([
  'COMMAND_INVALID',
  'NOT_FOUND',
  'NOT_AUTHORIZED',
  'KEY_ALREADY_USED',
  'STALE_REVISION',
  'WINDOW_CLOSED',
  'REFUSED',
])

const principal = mostly(
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...policy.principals.map((p) => p.id)) },
    { weight: 1, arbitrary: fc.constantFrom('nobody', 'root', 'admin', 'Oreshkin', '', HUGE) },
    { weight: 1, arbitrary: hostileString },
  ),
)
const key = mostly(fc.oneof(fc.constantFrom(PA, GA, 'treasury'), hostileString))
const instant = mostly(
  fc.oneof(
    fc.integer({ min: START - 86_400_000, max: START + 40 * 86_400_000 }),
    fc.constantFrom('2026-03-05', '2026-03-05T09:00:00Z', '2026-02-30T00:00:00Z', '0000-01-01', 'soon'),
    fc.constantFrom('+275760-09-13T00:00:00.000Z', '2026-03-05T09:00:00.0000001Z', '1969-12-31T23:59:59Z'),
    hostileNumber,
  ),
)
const scope = mostly(
  fc.oneof(
    fc.constantFrom(
      { kind: 'federal' },
      { kind: 'regional', regions: ['tatarstan'] },
      { kind: 'export', destinations: ['belarus'] },
      { kind: 'export', destinations: ['mars'] },
    ),
    fc.record({
      kind: fc.constantFrom('federal', 'regional', 'export'),
      regions: fc.array(hostileString, { maxLength: 3 }),
    }),
    fc.constantFrom(
      { kind: 'federal', ministries: Array(101).fill('m') },
      { kind: 'regional', regions: Array(1_000).fill('tatarstan') },
    ),
  ),
)
const text = mostly(fc.oneof({ weight: 2, arbitrary: fc.string({ maxLength: 20 }) }, hostileString))

export const TYPES = [
  'propose',
  'submit',
  'amend',
  'decide',
  'revoke',
  'withdraw',
  'delegate',
  'respond',
  'destination',
  'complete',
] as const
export type Type = (typeof TYPES)[number]

/** Each type's fields: the required ones first, then the optional ones. */
const fieldsOf: Record<Type, [Record<string, fc.Arbitrary<unknown>>, Record<string, fc.Arbitrary<unknown>>]> =
  {
    propose: [
      { title: text, objective: mostly(fc.constantFrom('infrastructure', 'export', 'space')), scope },
      {
        summary: text,
        budget: mostly(fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), hostileNumber)),
      },
    ],
    submit: [{}, {}],
    amend: [{}, { title: text, summary: text, scope, budget: mostly(hostileNumber) }],
    decide: [
      { key, decision: mostly(fc.constantFrom('approve', 'refuse')) },
      {
        reason: text,
        // 'current' is replaced by the live revision's hash when the command runs.
        revision: mostly(
          fc.oneof(
            { weight: 3, arbitrary: fc.constant('current') },
            fc.string({ minLength: 1, maxLength: 10 }),
          ),
        ),
      },
    ],
    revoke: [{ key }, {}],
    withdraw: [{}, { reason: text }],
    delegate: [{ key, deputy: principal, until: instant }, { from: instant }],
    respond: [{ region: mostly(fc.constantFrom('tatarstan', 'kazan')), accept: mostly(fc.boolean()) }, {}],
    destination: [
      { destination: mostly(fc.constantFrom('belarus', 'mars')), agreed: mostly(fc.boolean()) },
      {},
    ],
    complete: [{}, {}],
  }

const commandId = mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), edgyId))

/** Fields of a command of `type`: sometimes one dropped, sometimes unknown ones added. */
export const fieldsFor = (type: Type) => {
  const [required, optional] = fieldsOf[type]
  const all: Record<string, fc.Arbitrary<unknown>> = { by: principal, commandId, ...required, ...optional }
  return fc
    .tuple(
      fc.record(all, { requiredKeys: ['by', ...Object.keys(required)] }),
      fc.dictionary(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor')),
        junk,
        {
          minKeys: 1,
          maxKeys: 2,
        },
      ),
      fc.constantFrom(...Array<string>(8).fill('as is'), 'drop one', 'add unknown'),
      fc.nat(),
    )
    .map(([fields, extra, mutation, pick]): Record<string, unknown> => {
      if (mutation === 'add unknown') return { ...fields, ...extra }
      if (mutation === 'drop one') {
        const names = Object.keys(fields)
        const { [names[pick % names.length] ?? 'by']: _dropped, ...rest } = fields
        return rest
      }
      return fields
    })
}

const otherType = fc.oneof(
  fc.constantFrom<unknown>(...TYPES, 'PROPOSE', 'tick', '', null, undefined, 42, [], {}, HUGE),
  fc.string({ maxLength: 10 }),
  junk,
)
/** 'live' stands for the input's live initiative; edgy ids may name another input's. */
export const initiativeId = fc.oneof(
  { weight: 8, arbitrary: fc.constant<unknown>('live') },
  { weight: 1, arbitrary: fc.constant<unknown>('nope') },
  { weight: 1, arbitrary: edgyId },
  { weight: 1, arbitrary: junk },
)

export type Attempt =
  | { via: 'dispatch' | 'explain'; input: unknown }
  | { via: 'sugar'; method: Type; id: unknown; fields: unknown }
  | { via: 'tick'; now: unknown }
  | { via: 'read'; method: 'status' | 'history' | 'snapshot' | 'securityLog'; id: unknown }

const via = fc.constantFrom<'dispatch' | 'explain'>('dispatch', 'explain')

export const attempt: fc.Arbitrary<Attempt> = fc.oneof(
  // A whole command, more or less well formed, through dispatch or explain.
  {
    weight: 6,
    arbitrary: fc.constantFrom(...TYPES).chain((type) =>
      fc
        .tuple(
          fieldsFor(type),
          fc.oneof({ weight: 6, arbitrary: fc.constant<unknown>(type) }, otherType),
          initiativeId,
          via,
        )
        .map(
          ([fields, t, id, v]): Attempt => ({
            via: v,
            input:
              type === 'propose' && id === 'live'
                ? { ...fields, type: t }
                : { ...fields, type: t, initiativeId: id },
          }),
        ),
    ),
  },
  // Anything at all as the command.
  { weight: 1, arbitrary: fc.tuple(junk, via).map(([input, v]): Attempt => ({ via: v, input })) },
  // The sugar methods, with a live or junk initiative id and fields or junk.
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...TYPES)
      .chain((method) =>
        fc
          .tuple(
            initiativeId,
            fc.oneof(
              { weight: 6, arbitrary: fieldsFor(method) },
              fc.constantFrom<unknown>(null, undefined, 42, [1], PROTO),
            ),
          )
          .map(([id, fields]): Attempt => ({ via: 'sugar', method, id, fields })),
      ),
  },
  // tick(now) with any now, and the reads with any id.
  {
    weight: 1,
    arbitrary: mostly(fc.integer({ min: START, max: START + 100 * 86_400_000 })).map(
      (now): Attempt => ({ via: 'tick', now }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('status', 'history', 'snapshot', 'securityLog' as const), initiativeId)
      .map(([method, id]): Attempt => ({ via: 'read', method, id })),
  },
)

/** One engine input: a live initiative in review looked at `days` after submission, and attempts on it. */
export interface EngineCase {
  days: number
  /** The live initiative's id is an edgy one (`__proto__`, `..`) rather than a fresh one. */
  edgyLive: string | null
  attempts: Attempt[]
}

export const engineCase: fc.Arbitrary<EngineCase> = fc.record({
  days: fc.oneof(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 30, max: 45 }), fc.constant(100)),
  edgyLive: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: edgyId }),
  attempts: fc.array(attempt, { minLength: 1, maxLength: 5 }),
})
