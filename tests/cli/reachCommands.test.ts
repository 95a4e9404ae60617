import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'

const dir = mkdtempSync(join(tmpdir(), 'twokeys-reach-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const POLICY = 'twokeys/policies/seed.yaml'

describe('twokeys ministry and twokeys plenary, straight on a database', () => {
  const on = ['--db', join(dir, 'seed.db'), '--policy', POLICY]
  const ok = async (...args: string[]) => {
    const run = await twokeys(...args)
    expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0)
    return run
  }
  const board = async (id: string) => JSON.parse((await ok('status', id, ...on, '--json')).stdout)

  it('has each named ministry accept a federal rollout, and refuses a ministry the initiative does not name', async () => {
    await ok(
      'propose',
      ...on,
      '--by',
      'minzifry',
      '--id',
      'gpu',
      '--title',
      'GPU cloud',
      '--objective',
      'infrastructure',
      '--scope',
      'federal:minzifry,minpromtorg',
    )
    await ok('submit', 'gpu', ...on, '--by', 'minzifry')
    await ok(
      'decide',
      'gpu',
      ...on,
      '--by',
      'oreshkin',
      '--key-id',
      'presidential-administration',
      '--decision',
      'approve',
    )
    await ok(
      'decide',
      'gpu',
      ...on,
      '--by',
      'grigorenko',
      '--key-id',
      'government-apparatus',
      '--decision',
      'approve',
    )
    expect((await board('gpu')).phase).toBe('federalRollout')
    const stranger = await twokeys(
      'ministry',
      'gpu',
      ...on,
      '--by',
      'minek',
      '--ministry',
      'minek',
      '--accept',
      'yes',
    )
    expect(stranger.code).toBe(1)
    expect(stranger.stdout + stranger.stderr).toContain('ministry "minek" is not named by this initiative')
    await ok('ministry', 'gpu', ...on, '--by', 'minzifry', '--ministry', 'minzifry', '--accept', 'yes')
    await ok('ministry', 'gpu', ...on, '--by', 'minpromtorg', '--ministry', 'minpromtorg', '--accept', 'no')
    const done = await board('gpu')
    expect(done.phase).toBe('completed')
    expect(done.rollout).toEqual([
      { target: 'minzifry', answer: 'accepted' },
      { target: 'minpromtorg', answer: 'declined' },
    ])
  })

  it('takes a plenary vote only as --vote return', async () => {
    const bad = await twokeys('plenary', 'gpu', ...on, '--by', 'minek', '--vote', 'approve')
    expect(bad.code).toBe(2)
    expect(bad.stdout + bad.stderr).toContain('--vote "approve" is not a vote; the plenary votes: return')
    const early = await twokeys('plenary', 'gpu', ...on, '--by', 'minek', '--vote', 'return')
    expect(early.code, early.stdout + early.stderr).toBe(1)
    expect(early.stdout + early.stderr).toMatch(
      /PLENARY is not accepted while the initiative is completed|takes no further commands/,
    )
  })
})
