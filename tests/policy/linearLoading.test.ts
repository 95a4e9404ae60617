import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { MAX_ISSUES } from '../../src/policy/capIssues.js'
import { MAX_UNKNOWN_FIELDS } from '../../src/policy/describeIssue.js'
import { safeLoadPolicy } from '../../src/policy/loadPolicy.js'
import { safeLoadDocument } from '../../src/policy/safeLoadDocument.js'
import { ScriptSchema } from '../../src/script/ScriptSchema.js'
import { bigPolicies, seedText, unknownLines } from './support/bigPolicies.js'

const seed = seedText
const seedLines = seed.split('\n').length

describe('a load reports a short list however broken the document', () => {
  const N = 2_000

  it('reports unknown top-level fields one by one up to a limit, then how many more', () => {
    const result = safeLoadPolicy(`${seed}\n${unknownLines(N)}\n`, 'big.yaml')
    if (result.success) expect.unreachable()
    expect(result.issues).toHaveLength(MAX_UNKNOWN_FIELDS + 1)
    expect(result.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['zz0'], line: seedLines + 1 })
    expect(result.issues.at(-1)).toMatchObject({
      path: [`zz${MAX_UNKNOWN_FIELDS}`],
      line: seedLines + 1 + MAX_UNKNOWN_FIELDS,
      message: `… and ${N - MAX_UNKNOWN_FIELDS} more unknown fields at the top level, from "zz${MAX_UNKNOWN_FIELDS}" on; remove them`,
    })
  })

  it('does the same for unknown fields deep inside a JSON policy', () => {
    const { json } = bigPolicies(N)
    const result = safeLoadPolicy(json, 'big.json')
    if (result.success) expect.unreachable()
    expect(result.issues).toHaveLength(MAX_UNKNOWN_FIELDS + 1)
    expect(result.issues[0]?.path).toEqual(['keys', 1, 'zz0'])
    expect(result.issues.at(-1)?.message).toContain(
      `and ${N - MAX_UNKNOWN_FIELDS} more unknown fields in keys[1]`,
    )
  })

  it('caps every other kind of issue too, and keeps each message short', () => {
    const { holders } = bigPolicies(N)
    const result = safeLoadPolicy(holders, 'holders.json')
    if (result.success) expect.unreachable()
    expect(result.issues).toHaveLength(MAX_ISSUES + 1)
    expect(result.issues[0]?.message).toMatch(
      /^holder "q-0" of key "government-apparatus" is not a principal/,
    )
    expect(result.issues.at(-1)).toMatchObject({
      code: 'too_many_issues',
      path: ['keys', 1, 'holders', MAX_ISSUES],
    })
    expect(result.issues.at(-1)?.message).toMatch(
      /^… and \d+ more issues, the next at keys\[1\]\.holders\[50\]/,
    )
    for (const issue of result.issues) expect(issue.message.length).toBeLessThan(400)
  })

  it('still finds a field written twice in a big mapping, at the second one', () => {
    const result = safeLoadPolicy(`${seed}\n${unknownLines(N)}\nzz7: 2\n`, 'twice.yaml')
    expect(result).toMatchObject({
      success: false,
      issues: [
        {
          code: 'syntax',
          message: 'YAML syntax error: the field "zz7" appears twice in one mapping; keep one',
          line: seedLines + N + 1,
          column: 1,
        },
      ],
    })
  })

  it('loads a script with thousands of unknown fields in one step as a short report', () => {
    const text = [
      'policy: p.yaml',
      'start: 2026-03-02',
      'steps:',
      '  - tick: true',
      unknownLines(N, '    '),
      '',
    ].join('\n')
    const result = safeLoadDocument(text, 'big-script.yaml', ScriptSchema)
    if (result.success) expect.unreachable()
    expect(result.issues).toHaveLength(MAX_UNKNOWN_FIELDS + 1)
    expect(result.issues[0]).toMatchObject({ path: ['steps', 0, 'zz0'], line: 5, column: 5 })
  })
})

// The guard against quadratic loading. No test asserts on time: a child process loads inputs
// 25 times bigger than above and is stopped if it has not finished after a minute. Quadratic
// loading (8 s for 20k unknown fields, over 30 s for 200k) needs several minutes for these;
// linear loading needs a few seconds, so the margin is wide even on a busy machine.
const CHILD = `
  import { safeLoadPolicy } from './src/policy/loadPolicy.ts'
  import { bigPolicies } from './tests/policy/support/bigPolicies.ts'
  const counts = Object.entries(bigPolicies(50_000)).map(([name, text]) => {
    const result = safeLoadPolicy(text, name)
    return [name, result.success ? 0 : result.issues.length]
  })
  process.stdout.write(JSON.stringify(Object.fromEntries(counts)))
`

describe('policy loading is linear in its input', () => {
  it('loads 50k unknown fields, a 50k-field JSON mapping and 50k bad holders before a child process is stopped', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      timeout: 60_000,
    })
    let stdout = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    )
    expect({ code, signal }).toEqual({ code: 0, signal: null })
    expect(JSON.parse(stdout)).toEqual({
      yaml: MAX_UNKNOWN_FIELDS + 1,
      json: MAX_UNKNOWN_FIELDS + 1,
      holders: MAX_ISSUES + 1,
    })
  }, 90_000)
})
