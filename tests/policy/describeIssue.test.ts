import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { formatPath } from '../../src/policy/formatPath.js'
import { safeParsePolicy } from '../../src/policy/loadPolicy.js'
import type { PolicyInput } from '../../src/policy/PolicySchema.js'

const raw = parse(readFileSync('machines/policies/two-keys.yaml', 'utf8')) as PolicyInput

/** Issues of the two-keys policy with the value at `path` replaced (or removed when undefined). */
function issuesAfter(path: (string | number)[], value: unknown): string[] {
  const draft: unknown = structuredClone(raw)
  let parent = draft as Record<string | number, unknown>
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (value === undefined) delete parent[last]
  else parent[last] = value
  const result = safeParsePolicy(draft)
  return result.success ? [] : result.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)
}

describe('describeIssue: zod issues a person can act on', () => {
  it.each<[string, (string | number)[], unknown, string]>([
    [
      'an unknown field with a near name',
      ['keys', 1, 'quorom'],
      1,
      'keys[1].quorom: unknown field "quorom" in keys[1]; did you mean "quorum"?',
    ],
    [
      'an unknown field with no near name',
      ['colour'],
      'red',
      'colour: unknown field "colour" at the top level; remove it or use one of: $schema, version, id,',
    ],
    [
      'an invalid choice close to a valid one',
      ['routing', 0, 'track'],
      'exprot',
      'routing[0].track: "exprot" is not allowed; did you mean "export"? (one of "federal", "regional", "export")',
    ],
    [
      'an invalid choice',
      ['review', 'onClose'],
      'sometimes',
      'review.onClose: "sometimes" is not allowed; use one of "plenary", "lapse"',
    ],
    [
      'a quoted number',
      ['review', 'windowDays'],
      '30',
      'review.windowDays: expected a number, got the text "30"; write 30 without quotes',
    ],
    [
      'a fraction where a whole number belongs',
      ['keys', 0, 'quorum'],
      1.5,
      'keys[0].quorum: expected a whole number, got the number 1.5',
    ],
    [
      'a scalar where a mapping belongs',
      ['keys', 0, 'deputies'],
      true,
      'keys[0].deputies: expected a mapping of fields, got true; write its fields (allowed, maxDays, eligible)',
    ],
    [
      'a missing section',
      ['review'],
      undefined,
      'review: missing required field "review" at the top level; add it (a mapping of fields: Review window',
    ],
    ['an empty list', ['keys'], [], 'keys: the list is empty; add at least one key'],
    [
      'a number out of range',
      ['review', 'windowDays'],
      5000,
      'review.windowDays: 5000 is more than the maximum 3650; use 3650 or less',
    ],
    [
      'a non-positive number',
      ['keys', 0, 'quorum'],
      0,
      'keys[0].quorum: 0 is too small; use a number greater than 0',
    ],
    [
      'an unsupported version',
      ['version'],
      2,
      'version: 2 is not a version this twokeys reads; write version: 1',
    ],
    [
      'an id that is not kebab-case',
      ['principals', 0, 'id'],
      'Maxim Oreshkin',
      'principals[0].id: "Maxim Oreshkin" is not a valid id: use lowercase letters, digits and dashes, starting with a letter or digit, e.g. "maxim-oreshkin"',
    ],
    [
      'an unknown eligible deputy',
      ['keys', 0, 'deputies', 'eligible'],
      ['pa-aid'],
      'keys[0].deputies.eligible[0]: eligible deputy "pa-aid" of key "presidential-administration" is not a principal; did you mean "pa-aide"?',
    ],
  ])('%s', (_name, path, value, expected) => {
    const issues = issuesAfter(path, value)
    expect(
      issues.some((line) => line.startsWith(expected)),
      issues.join('\n'),
    ).toBe(true)
  })

  it('explains a document that is not a mapping', () => {
    expect(safeParsePolicy(null)).toMatchObject({
      issues: [{ path: [], message: expect.stringContaining('the policy is empty') }],
    })
    expect(safeParsePolicy(['version: 1'])).toMatchObject({
      issues: [{ path: [], message: expect.stringContaining('must be a mapping of fields') }],
    })
  })

  it('gives no location when there is no text', () => {
    const result = safeParsePolicy({ ...raw, version: 2 })
    expect(result.success).toBe(false)
    if (!result.success) expect(result.issues[0]).not.toHaveProperty('line')
  })
})
