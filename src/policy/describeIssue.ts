import { z } from 'zod'
import type { RecordIdProblem } from '../domain/recordIdMessages.js'
import type { Issue } from '../domain/TwoKeysError.js'
import { didYouMean } from './didYouMean.js'
import type { DocumentKind } from './fileMessages.js'
import { formatPath } from './formatPath.js'
import { phrasedIssue } from './phrasedIssue.js'
import { type PolicyPhrase, policyPhrase, type Shown, type TypeHint } from './policyMessages.js'

type Path = (string | number)[]

/** Unknown fields of one mapping reported one by one; the rest are counted in one more issue. */
export const MAX_UNKNOWN_FIELDS = 20

/** The value the author wrote at `path`, or undefined when it is missing. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[segment]
  }
  return value
}

type Def = z.core.$ZodTypeDef & {
  innerType?: z.core.$ZodType
  in?: z.core.$ZodType
  shape?: Record<string, z.core.$ZodType>
  element?: z.core.$ZodType
}

/** The schema inside defaults, optionals, nullables and pipes. */
function wrapped(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def as Def
  return def.innerType ?? (def.type === 'pipe' ? def.in : undefined)
}

/** The schema as written at `path` (wrappers included), following objects and lists. */
function schemaAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = schema
  for (const segment of path) {
    while (current !== undefined && wrapped(current) !== undefined) current = wrapped(current)
    const def = current?._zod.def as Def | undefined
    if (def?.type === 'object') current = def.shape?.[String(segment)]
    else if (def?.type === 'array') current = def.element
    else return undefined
  }
  return current
}

function fieldsOf(schema: z.core.$ZodType | undefined): string[] {
  let current = schema
  while (current !== undefined && wrapped(current) !== undefined) current = wrapped(current)
  const shape = (current?._zod.def as Def | undefined)?.shape
  return shape === undefined ? [] : Object.keys(shape)
}

function descriptionOf(schema: z.core.$ZodType | undefined): string | undefined {
  for (let current = schema; current !== undefined; current = wrapped(current)) {
    const description = z.globalRegistry.get(current)?.description
    if (description !== undefined) return description
  }
  return undefined
}

/** A bad value as the author wrote it, as data: quoted (and cut short) when it is text. */
function show(value: unknown): Shown {
  if (value === undefined) return { kind: 'nothing' }
  if (value === null) return { kind: 'empty' }
  if (typeof value === 'string') {
    const text = value.length > 60 ? `${value.slice(0, 57)}…` : value
    return { kind: 'text', text: JSON.stringify(text) }
  }
  if (Array.isArray(value)) return { kind: 'list', length: value.length }
  if (typeof value === 'object') return { kind: 'mapping' }
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'boolean') return { kind: 'boolean', value }
  return { kind: 'other', text: String(value) }
}

const lastName = (path: readonly PropertyKey[]) =>
  String([...path].reverse().find((segment) => typeof segment === 'string') ?? 'value')

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v))

function typeHint(expected: string, value: unknown): TypeHint | null {
  if ((expected === 'number' || expected === 'int') && typeof value === 'string' && value.trim() !== '') {
    if (Number.isFinite(Number(value))) return { kind: 'unquote', value: value.trim() }
  }
  if (expected === 'int' && typeof value === 'number')
    return { kind: 'wholeNumber', example: Math.ceil(value) }
  if (expected === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return { kind: 'unquote', value: value.trim().toLowerCase() }
  if (expected === 'boolean') return { kind: 'trueOrFalse' }
  if (expected === 'array' && value !== null && typeof value !== 'object')
    return { kind: 'asList', value: String(value) }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return { kind: 'quote', value: String(value) }
  return null
}

function describeMissing(
  path: readonly PropertyKey[],
  expected: string,
  schema: z.core.$ZodType,
): PolicyPhrase {
  const parent = path.slice(0, -1)
  const description = descriptionOf(schemaAt(schema, path))
  return policyPhrase('schema.missingField', {
    field: String(path.at(-1)),
    parent: parent.length === 0 ? null : formatPath(parent),
    expected,
    ...(description === undefined ? {} : { description }),
  })
}

function describeInvalidType(
  issue: z.core.$ZodIssueInvalidType,
  value: unknown,
  schema: z.core.$ZodType,
  what: DocumentKind,
): PolicyPhrase {
  if (issue.path.length === 0) {
    return value === undefined || value === null
      ? policyPhrase('schema.emptyDocument', { what })
      : policyPhrase('schema.notAMapping', { what, got: show(value) })
  }
  if (value === undefined) return describeMissing(issue.path, issue.expected, schema)
  let hint = typeHint(issue.expected, value)
  if (hint === null && value === null) hint = { kind: 'giveValue' }
  const fields = fieldsOf(schemaAt(schema, issue.path))
  if (hint === null && issue.expected === 'object' && fields.length > 0) hint = { kind: 'fields', fields }
  return policyPhrase('schema.invalidType', { expected: issue.expected, got: show(value), hint })
}

function describeInvalidValue(issue: z.core.$ZodIssueInvalidValue, value: unknown): PolicyPhrase {
  const allowed = issue.values
  if (allowed.length === 1) {
    const only = allowed[0]
    if (issue.path.length === 1 && issue.path[0] === 'version') {
      return policyPhrase('schema.badVersion', { got: show(value), version: String(only) })
    }
    return policyPhrase('schema.expectedValue', { expected: JSON.stringify(only), got: show(value) })
  }
  const near =
    typeof value === 'string'
      ? didYouMean(
          value,
          allowed.filter((v) => typeof v === 'string'),
        )
      : undefined
  return policyPhrase('schema.notAllowed', {
    got: show(value),
    allowed: list(allowed),
    ...(near === undefined ? {} : { near }),
  })
}

function describeTooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): PolicyPhrase {
  const minimum = Number(issue.minimum)
  switch (issue.origin) {
    case 'array':
      return policyPhrase('schema.emptyList', { minimum, field: lastName(issue.path) })
    case 'string':
      return minimum === 1
        ? policyPhrase('schema.emptyText', { got: show(value), field: lastName(issue.path) })
        : policyPhrase('schema.textTooShort', { got: show(value), minimum })
    default:
      return issue.inclusive
        ? policyPhrase('schema.lessThan', { got: show(value), minimum })
        : policyPhrase('schema.notGreaterThan', { got: show(value), minimum })
  }
}

function describeTooBig(issue: z.core.$ZodIssueTooBig, value: unknown): PolicyPhrase {
  const maximum = Number(issue.maximum)
  switch (issue.origin) {
    case 'array':
      return policyPhrase('schema.listTooLong', {
        length: Array.isArray(value) ? value.length : null,
        maximum,
      })
    case 'string':
      return policyPhrase('schema.textTooLong', {
        length: typeof value === 'string' ? value.length : null,
        maximum,
      })
    default:
      return policyPhrase('schema.aboveMaximum', { got: show(value), maximum })
  }
}

function describeFormat(issue: z.core.$ZodIssueInvalidStringFormat, value: unknown): PolicyPhrase {
  let example: string | undefined
  if (typeof value === 'string' && issue.pattern !== undefined) {
    const candidate = value
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
    const pattern = new RegExp(issue.pattern.replace(/^\/|\/[a-z]*$/g, ''))
    if (candidate !== '' && candidate !== value && pattern.test(candidate)) example = candidate
  }
  return policyPhrase('schema.invalidFormat', {
    got: show(value),
    field: lastName(issue.path),
    rule: issue.message,
    ...(example === undefined ? {} : { example }),
  })
}

/**
 * A custom issue's phrase, when the check that raised it gave one (checkPolicyReferences, …), or
 * an id check's (RecordIdSchema, which sits below the policy and so gives its own phrase).
 */
function customPhrase(issue: z.core.$ZodIssue): PolicyPhrase {
  if (issue.code !== 'custom') return policyPhrase('schema.other', { message: issue.message })
  const given = issue.params?.phrase as PolicyPhrase | undefined
  if (given !== undefined) return given
  const problem = issue.params?.recordId as RecordIdProblem | undefined
  if (problem !== undefined) return policyPhrase('schema.badId', { problem })
  return policyPhrase('schema.other', { message: issue.message })
}

/**
 * Turns one zod issue into issues a person can act on: each names the field, quotes the bad
 * value and says what to do. `root` is the value that was validated (to quote what the author
 * wrote) and `schema` its schema (to suggest field names); `what` names the document in a
 * message about its root (an empty scenario is not an empty policy). An unknown-keys issue becomes one
 * issue per unknown field, each pointing at that field, with a "did you mean" when one is close.
 *
 * @example
 * describeIssue({ code: 'unrecognized_keys', keys: ['quorom'], path: ['keys', 1], message: '' }, doc, PolicyShape)
 * // [{ code: 'unrecognized_keys', path: ['keys', 1, 'quorom'],
 * //    message: 'unknown field "quorom" in keys[1]; did you mean "quorum"?' }]
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  root: unknown,
  schema: z.core.$ZodType,
  what: DocumentKind = 'policy',
): Issue[] {
  const path = issue.path.filter((s) => typeof s !== 'symbol') as Path
  const value = valueAt(root, path)
  const one = (phrase: PolicyPhrase): Issue[] => [phrasedIssue(issue.code, path, phrase)]
  switch (issue.code) {
    case 'unrecognized_keys': {
      const fields = fieldsOf(schemaAt(schema, path))
      const where = path.length === 0 ? null : formatPath(path)
      const shown: Issue[] = issue.keys.slice(0, MAX_UNKNOWN_FIELDS).map((key) => {
        const near = didYouMean(key, fields)
        const phrase = policyPhrase('schema.unknownField', {
          field: key,
          where,
          fields,
          ...(near === undefined ? {} : { near }),
        })
        return phrasedIssue(issue.code, [...path, key], phrase)
      })
      const next = issue.keys[MAX_UNKNOWN_FIELDS]
      if (next === undefined) return shown
      // Thousands of unknown fields are one mistake (a wrong file, a paste): say how many, not each.
      const more = issue.keys.length - MAX_UNKNOWN_FIELDS
      const phrase = policyPhrase('schema.moreUnknownFields', { more, where, next })
      return [...shown, phrasedIssue(issue.code, [...path, next], phrase)]
    }
    case 'invalid_type':
      return one(describeInvalidType(issue, value, schema, what))
    case 'invalid_value':
      return one(describeInvalidValue(issue, value))
    case 'too_small':
      return one(describeTooSmall(issue, value))
    case 'too_big':
      return one(describeTooBig(issue, value))
    case 'invalid_format':
      return one(describeFormat(issue, value))
    case 'invalid_union': {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] }
      return one(
        policyPhrase('schema.noVariant', {
          message: issue.message,
          discriminator: discriminator ?? null,
          options: (options ?? []).map(String),
        }),
      )
    }
    case 'invalid_key': {
      const key = path.at(-1)
      return one(
        policyPhrase('schema.badKey', {
          message: issue.message,
          key: key === undefined ? null : String(key),
        }),
      )
    }
    case 'not_multiple_of':
      return one(
        policyPhrase('schema.notMultipleOf', {
          message: issue.message,
          got: show(value),
          divisor: Number(issue.divisor),
        }),
      )
    default:
      return one(customPhrase(issue))
  }
}
