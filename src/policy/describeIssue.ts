import { z } from 'zod'
import { quoteText } from '../domain/quoteText.js'
import type { Issue } from '../domain/TwoKeysError.js'
import { didYouMean } from './didYouMean.js'
import { formatPath } from './formatPath.js'

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

/** A bad value as the author wrote it, quoted when it is text. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'an empty value'
  if (typeof value === 'string') {
    const text = value.length > 60 ? `${value.slice(0, 57)}…` : value
    return JSON.stringify(text)
  }
  if (Array.isArray(value)) return `a list of ${value.length}`
  if (typeof value === 'object') return 'a mapping'
  return String(value)
}

/** What was received, for "expected X, got Y". */
function received(value: unknown): string {
  if (typeof value === 'string') return `the text ${show(value)}`
  if (typeof value === 'number') return `the number ${value}`
  return show(value)
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  null: 'an empty value',
}

const ITEM: Record<string, string> = {
  principals: 'principal',
  keys: 'key',
  holders: 'holder',
  routing: 'routing rule',
  objectives: 'objective',
  objective: 'objective',
  scope: 'scope kind',
  substantive: 'field',
}

const lastName = (path: readonly PropertyKey[]) =>
  String([...path].reverse().find((segment) => typeof segment === 'string') ?? 'value')

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ')

function typeHint(expected: string, value: unknown): string {
  if ((expected === 'number' || expected === 'int') && typeof value === 'string' && value.trim() !== '') {
    if (Number.isFinite(Number(value))) return `; write ${value.trim()} without quotes`
  }
  if (expected === 'int' && typeof value === 'number')
    return `; use a whole number such as ${Math.ceil(value)}`
  if (expected === 'boolean' && typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return `; write ${value.trim().toLowerCase()} without quotes`
  if (expected === 'boolean') return '; write true or false'
  if (expected === 'array' && value !== null && typeof value !== 'object')
    return `; write it as a list, e.g. [${String(value)}]`
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
    return `; quote it: "${String(value)}"`
  return ''
}

function describeMissing(path: readonly PropertyKey[], expected: string, schema: z.core.$ZodType): string {
  const parent = path.slice(0, -1)
  const where = parent.length === 0 ? ' at the top level' : ` in ${formatPath(parent)}`
  const description = descriptionOf(schemaAt(schema, path))
  const what = EXPECTED[expected] ?? expected
  return `missing required field "${String(path.at(-1))}"${where}; add it (${what}${description === undefined ? '' : `: ${description}`})`
}

function describeInvalidType(issue: z.core.$ZodIssueInvalidType, value: unknown, schema: z.core.$ZodType) {
  if (issue.path.length === 0) {
    return value === undefined || value === null
      ? 'the policy is empty; write a policy document (start from machines/policies/two-keys.yaml)'
      : `a policy must be a mapping of fields (version, id, principals, keys, …), not ${received(value)}`
  }
  if (value === undefined) return describeMissing(issue.path, issue.expected, schema)
  const expected = EXPECTED[issue.expected] ?? issue.expected
  let hint = typeHint(issue.expected, value)
  if (hint === '' && value === null) hint = '; give it a value'
  const fields = fieldsOf(schemaAt(schema, issue.path))
  if (hint === '' && issue.expected === 'object' && fields.length > 0)
    hint = `; write its fields (${fields.join(', ')})`
  return `expected ${expected}, got ${received(value)}${hint}`
}

function describeInvalidValue(issue: z.core.$ZodIssueInvalidValue, value: unknown): string {
  const allowed = issue.values
  if (allowed.length === 1) {
    const only = allowed[0]
    if (issue.path.length === 1 && issue.path[0] === 'version') {
      return `${show(value)} is not a version this twokeys reads; write version: ${String(only)}`
    }
    return `expected ${JSON.stringify(only)}, got ${show(value)}`
  }
  const suggestion =
    typeof value === 'string'
      ? didYouMean(
          value,
          allowed.filter((v) => typeof v === 'string'),
        )
      : undefined
  if (suggestion !== undefined) {
    return `${show(value)} is not allowed; did you mean "${suggestion}"? (one of ${list(allowed)})`
  }
  return `${show(value)} is not allowed; use one of ${list(allowed)}`
}

function describeTooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  const minimum = Number(issue.minimum)
  switch (issue.origin) {
    case 'array':
      return `the list is empty; add at least ${minimum === 1 ? 'one' : minimum} ${ITEM[lastName(issue.path)] ?? 'item'}`
    case 'string':
      return minimum === 1
        ? `${show(value)} is empty; write the ${lastName(issue.path)}`
        : `${show(value)} is too short; write at least ${minimum} characters`
    default:
      return issue.inclusive
        ? `${show(value)} is less than ${minimum}; use ${minimum} or more`
        : `${show(value)} is too small; use a number greater than ${minimum}`
  }
}

function describeTooBig(issue: z.core.$ZodIssueTooBig, value: unknown): string {
  const maximum = Number(issue.maximum)
  switch (issue.origin) {
    case 'array':
      return `the list has ${Array.isArray(value) ? value.length : 'too many'} items; keep at most ${maximum}`
    case 'string':
      return `the text is ${typeof value === 'string' ? value.length : 'too many'} characters long; shorten it to at most ${maximum}`
    default:
      return `${show(value)} is more than the maximum ${maximum}; use ${maximum} or less`
  }
}

function describeFormat(issue: z.core.$ZodIssueInvalidStringFormat, value: unknown): string {
  let example = ''
  if (typeof value === 'string' && issue.pattern !== undefined) {
    const candidate = value
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
    const pattern = new RegExp(issue.pattern.replace(/^\/|\/[a-z]*$/g, ''))
    if (candidate !== '' && candidate !== value && pattern.test(candidate)) example = `, e.g. "${candidate}"`
  }
  return `${show(value)} is not a valid ${lastName(issue.path)}: ${issue.message}${example}`
}

/**
 * Turns one zod issue into issues a person can act on: each names the field, quotes the bad
 * value and says what to do. `root` is the value that was validated (to quote what the author
 * wrote) and `schema` its schema (to suggest field names). An unknown-keys issue becomes one
 * issue per unknown field, each pointing at that field, with a "did you mean" when one is close.
 *
 * @example
 * describeIssue({ code: 'unrecognized_keys', keys: ['quorom'], path: ['keys', 1], message: '' }, doc, PolicyShape)
 * // [{ code: 'unrecognized_keys', path: ['keys', 1, 'quorom'],
 * //    message: 'unknown field "quorom" in keys[1]; did you mean "quorum"?' }]
 */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown, schema: z.core.$ZodType): Issue[] {
  const path = issue.path.filter((s) => typeof s !== 'symbol') as Path
  const value = valueAt(root, path)
  const one = (message: string): Issue[] => [{ code: issue.code, path, message }]
  switch (issue.code) {
    case 'unrecognized_keys': {
      const fields = fieldsOf(schemaAt(schema, path))
      const where = path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`
      const shown: Issue[] = issue.keys.slice(0, MAX_UNKNOWN_FIELDS).map((key) => {
        const suggestion = didYouMean(key, fields)
        const advice =
          suggestion !== undefined
            ? `did you mean "${suggestion}"?`
            : `remove it${fields.length > 0 ? ` or use one of: ${fields.join(', ')}` : ''}`
        return {
          code: issue.code,
          path: [...path, key],
          message: `unknown field ${quoteText(key)} ${where}; ${advice}`,
        }
      })
      const next = issue.keys[MAX_UNKNOWN_FIELDS]
      if (next === undefined) return shown
      // Thousands of unknown fields are one mistake (a wrong file, a paste): say how many, not each.
      const more = issue.keys.length - MAX_UNKNOWN_FIELDS
      const message = `… and ${more} more unknown fields ${where}, from ${quoteText(next)} on; remove them`
      return [...shown, { code: issue.code, path: [...path, next], message }]
    }
    case 'invalid_type':
      return one(describeInvalidType(issue, value, schema))
    case 'invalid_value':
      return one(describeInvalidValue(issue, value))
    case 'too_small':
      return one(describeTooSmall(issue, value))
    case 'too_big':
      return one(describeTooBig(issue, value))
    case 'invalid_format':
      return one(describeFormat(issue, value))
    default:
      return one(issue.message)
  }
}
