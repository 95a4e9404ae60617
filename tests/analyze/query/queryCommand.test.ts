import { describe, expect, it } from 'vitest'
import type { QueryResult } from '../../../src/analyze/query/QueryResult.js'
import { twokeys } from '../../support/runCli.js'

describe('twokeys query', () => {
  it('prints a shortest story and the state it ends in, and exits 0, on a shipped policy by name', async () => {
    const { code, stdout, stderr } = await twokeys(
      'query',
      'two-keys.yaml',
      'approved = yes and deputies = 2',
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('policy "two-keys": approved = yes and deputies = 2')
    expect(lines[1]).toMatch(
      /^✓ reachable in 6 steps \(a shortest story; \d+ states searched in \d+\.\d\d s\):$/,
    )
    expect(lines[2]).toBe('    1. day 0 — minzifry proposes a federal infrastructure initiative')
    expect(lines).toContain('    6. day 0 — ga-aide approves government-apparatus')
    expect(lines.at(-1)).toBe(
      '    → federalRollout, track federal, revision 1, 0 days since submission; presidential-administration turned by pa-aide (as deputy); government-apparatus turned by ga-aide (as deputy)',
    )
  })

  it('exits 1 with the proof when no state satisfies the condition', async () => {
    const { code, stdout } = await twokeys('query', 'single-key.yaml', 'keys_turned = 2')
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /✗ unreachable: no reachable state satisfies it \(every one of \d+ states and \d+ transitions explored/,
    )
    expect(stdout).toContain(
      'the proof covers the initiatives the search proposes: infrastructure initiative, federal;',
    )
  })

  it('exits 2 with LIMIT_REACHED, never "unreachable", when --max-states stops the search', async () => {
    const { code, stdout, stderr } = await twokeys(
      'query',
      'single-key.yaml',
      'keys_turned = 2',
      '--max-states',
      '20',
    )
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      'no answer to "keys_turned = 2": the exploration stopped at the limit of 20 states',
    )
    const json = await twokeys('query', 'single-key.yaml', 'keys_turned = 2', '--max-states', '20', '--json')
    expect(json.code).toBe(2)
    const result = JSON.parse(json.stdout) as QueryResult
    expect(result.outcome).toBe('limit')
    expect(result.limit?.code).toBe('LIMIT_REACHED')
  })

  it('prints the result as JSON with --json', async () => {
    const { code, stdout } = await twokeys('query', 'two-keys.yaml', 'phase = plenary', '--json')
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as QueryResult
    expect(result.outcome).toBe('reachable')
    expect(result.steps.map((s) => s.command)).toEqual(['PROPOSE', 'SUBMIT', 'TICK'])
    expect(result.facts?.phase).toBe('plenary')
  })

  it('speaks Russian with --lang ru (the story’s events stay as verify prints them)', async () => {
    const { code, stdout } = await twokeys(
      '--lang',
      'ru',
      'query',
      'two-keys.yaml',
      'approved = yes and deputies = 2',
    )
    expect(code).toBe(0)
    expect(stdout).toMatch(/^✓ достижимо за 6 шагов \(кратчайший путь;/m)
    expect(stdout).toContain('presidential-administration: ключ повернул pa-aide (как заместитель)')
    const proof = await twokeys('--lang', 'ru', 'query', 'single-key.yaml', 'keys_turned = 2')
    expect(proof.stdout).toContain('✗ недостижимо:')
  })

  it('locates a bad query with a caret and a did-you-mean, and exits 2', async () => {
    const { code, stdout, stderr } = await twokeys('query', 'two-keys.yaml', 'phase = aproved')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain(
      'query does not parse at character 9: unknown phase "aproved" (did you mean "approved"?)',
    )
    expect(stderr).toContain('  phase = aproved\n          ^')
    expect(stderr).not.toMatch(/^\s{4}at /m)
    const bad = await twokeys('query', 'two-keys.yaml', 'phase = review', '--max-states', 'many')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--max-states must be a whole number')
  })
})
