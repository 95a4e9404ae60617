import { describe, expect, it } from 'vitest'
import type { DiffResult } from '../../../src/analyze/diff/DiffResult.js'
import { twokeys } from '../../support/runCli.js'

const TINY_A = 'tests/fixtures/policies/analyze-diff-tiny-a.yaml'
const TINY_B = 'tests/fixtures/policies/analyze-diff-tiny-b.yaml'

describe('twokeys diff', () => {
  it("diff two-keys.yaml single-key.yaml exits 1, its first story showing Grigorenko's key no longer needed", async () => {
    const { code, stdout, stderr } = await twokeys(
      'diff',
      'two-keys.yaml',
      'single-key.yaml',
      '--stories',
      '1',
    )
    expect(stderr).toBe('')
    expect(code).toBe(1)
    const lines = stdout.split('\n')
    expect(lines[0]).toBe(
      '"two-keys" and "single-key" differ: 6 kinds of difference, and 3 on names only one of them has',
    )
    expect(lines[1]).toMatch(
      /^searched \d+ pair states \([\d,]+ events sent to both\) in \d+\.\d s, to the end$/,
    )
    const story = stdout.slice(stdout.indexOf('Story 1:'))
    expect(story).toContain(
      'Story 1: oreshkin approves presidential-administration → A takes it · B → federalRollout',
    )
    expect(story).toContain('  2. minzifry submits it for review (both → review)')
    expect(story).toContain('  3. oreshkin approves presidential-administration ← differs')
    expect(story).toContain(
      'A keys: presidential-administration turned, government-apparatus pending (waiting for grigorenko)',
    )
    expect(story).toContain('B takes it → federalRollout')
    expect(story).not.toContain('Story 2:')
    expect(stdout).toContain('only A has key government-apparatus')
  })

  it('prints the result as JSON with --json', async () => {
    const { code, stdout } = await twokeys('diff', TINY_A, TINY_B, '--json')
    expect(code).toBe(1)
    const result = JSON.parse(stdout) as DiffResult
    expect(result.verdict).toBe('differ')
    expect(result.a.id).toBe('analyze-diff-tiny-a')
    expect(result.groups.map((g) => g.length)).toEqual(
      [...result.groups.map((g) => g.length)].sort((x, y) => x - y),
    )
    expect(result.groups.some((g) => g.shape.type === 'TICK' && g.shape.phaseB === 'lapsed')).toBe(true)
  })

  it('exits 0 when a policy is compared with itself', async () => {
    const { code, stdout } = await twokeys('diff', TINY_B, TINY_B)
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toBe(
      '"analyze-diff-tiny-b" and "analyze-diff-tiny-b" agree: no event one takes and the other refuses, none taken to different phases',
    )
  })

  it('speaks Russian with --lang ru (the events stay English)', async () => {
    const { code, stdout } = await twokeys('--lang', 'ru', 'diff', TINY_A, TINY_B, '--stories', '1')
    expect(code).toBe(1)
    expect(stdout).toContain('«analyze-diff-tiny-a» и «analyze-diff-tiny-b» различаются')
    expect(stdout).toContain('История 1: chair names a deputy for board')
    expect(stdout).toContain('A отклоняет (REFUSED)')
  })

  it('a search stopped at --max-states is LIMIT_REACHED, exit 2, never "agree"', async () => {
    const { code, stdout, stderr } = await twokeys('diff', TINY_B, TINY_B, '--max-states', '2')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('stopped at the limit of 2 pair states (--max-states)')
    expect(stderr).toContain('no verdict')
  })

  it('refuses a bad --stories and a missing policy with exit 2', async () => {
    expect((await twokeys('diff', TINY_A, TINY_B, '--stories', 'many')).code).toBe(2)
    const missing = await twokeys('diff', TINY_A, 'no-such-policy.yaml')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no-such-policy.yaml')
  })
})
