import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatPath } from '../../src/policy/formatPath.js'
import { safeLoadPolicy } from '../../src/policy/loadPolicy.js'

const DIR = 'tests/fixtures/policies/bad'

/**
 * One row per malformed fixture: the issue we expect (its path and a piece of its message).
 * In a YAML fixture the line marked `# ✖` is where the issue must be located; JSON has no
 * comments, so its rows give the line.
 */
const cases: { file: string; path: string; message: string; line?: number }[] = [
  { file: 'holder-not-a-principal.yaml', path: 'keys[0].holders[0]', message: 'did you mean "oreshkin"?' },
  { file: 'key-without-holders.yaml', path: 'keys[1].holders', message: 'has no holders' },
  {
    file: 'quorum-above-holders.yaml',
    path: 'keys[1].quorum',
    message: '3 is more than the 2 holders of "government-apparatus"; lower the quorum or add holders',
  },
  {
    file: 'principal-holds-two-keys.yaml',
    path: 'keys[1].holders[0]',
    message: '"oreshkin" already holds key "presidential-administration"',
  },
  {
    file: 'duplicate-principal-id.yaml',
    path: 'principals[5].id',
    message: 'duplicate principal id "minzifry"',
  },
  {
    file: 'duplicate-key-id.json',
    path: 'keys[1].id',
    message: 'duplicate key id "presidential-administration"',
    line: 59,
  },
  { file: 'deputies-without-max-days.yaml', path: 'keys[0].deputies.maxDays', message: 'gives no maxDays' },
  {
    file: 'unknown-field-typo.yaml',
    path: 'keys[1].quorom',
    message: 'unknown field "quorom" in keys[1]; did you mean "quorum"?',
  },
  {
    file: 'holders-not-a-list.yaml',
    path: 'keys[1].holders',
    message: 'expected a list, got the text "grigorenko"; write it as a list, e.g. [grigorenko]',
  },
  {
    file: 'quoted-number.json',
    path: 'review.windowDays',
    message: 'expected a number, got the text "30"; write 30 without quotes',
    line: 73,
  },
  { file: 'invalid-on-close.yaml', path: 'review.onClose', message: 'use one of "plenary", "lapse"' },
  { file: 'governor-not-a-principal.yaml', path: 'regions[0].governor', message: '"gov-kazan"' },
  {
    file: 'regional-track-matches-federal.yaml',
    path: 'routing[1].track',
    message: 'add when.scope: [regional]',
  },
  {
    file: 'unknown-objective.yaml',
    path: 'routing[2].when.objective[0]',
    message: 'did you mean "infrastructure"?',
  },
  { file: 'yaml-syntax-error.yaml', path: '(root)', message: 'is a colon missing' },
  { file: 'no-sponsor.yaml', path: 'principals', message: 'no principal has the role "sponsor"' },
  {
    file: 'two-keys-one-institution.yaml',
    path: 'keys[1].institution',
    message: 'institution "presidential-administration" already holds key',
  },
  { file: 'missing-label.yaml', path: 'keys[1].label', message: 'missing required field "label" in keys[1]' },
  { file: 'id-not-kebab-case.yaml', path: 'id', message: '"Two Keys" is not a valid id' },
  {
    file: 'holder-of-another-institution.yaml',
    path: 'keys[1].holders[0]',
    message: 'pick a holder from "government-apparatus"',
  },
]

/** The 1-based line a YAML fixture marks with `# ✖`. */
function markedLine(text: string): number | undefined {
  const index = text.split('\n').findIndex((line) => line.includes('# ✖'))
  return index === -1 ? undefined : index + 1
}

describe('malformed policies are reported with path, message and location', () => {
  it('covers every fixture in the folder', () => {
    expect(cases.map((c) => c.file).sort()).toEqual(readdirSync(DIR).sort())
    expect(cases.length).toBeGreaterThanOrEqual(14)
  })

  it.each(cases)('$file → $path', ({ file, path, message, line }) => {
    const source = `${DIR}/${file}`
    const text = readFileSync(source, 'utf8')
    const result = safeLoadPolicy(text, source)
    if (result.success) throw new Error(`${file} should be invalid`)
    const issue = result.issues.find((i) => formatPath(i.path) === path && i.message.includes(message))
    expect(issue, JSON.stringify(result.issues, null, 2)).toBeDefined()
    expect(issue?.file).toBe(source)
    expect(issue?.line).toBe(line ?? markedLine(text))
    expect(issue?.column).toBeGreaterThanOrEqual(1)
    for (const other of result.issues) {
      expect(other.line).toBeTypeOf('number')
      expect(other.column).toBeTypeOf('number')
    }
  })
})
