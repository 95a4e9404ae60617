import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { twokeys } from '../support/runCli.js'
import { demoKey, proposeSubmitApprove } from '../support/signedOperatorSteps.js'
import { signedServer } from './serveFixture.js'

let app: FastifyInstance
let url = ''
beforeAll(async () => {
  app = (await signedServer()).app
  url = await app.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await app.close()
})

describe('the operator CLI through twokeys serve (--server)', () => {
  it('proposes, submits and decides with signed commands, and reads the board', async () => {
    const on = ['--server', url]
    await proposeSubmitApprove(on, 'gpu-cluster')
    const board = JSON.parse((await twokeys('status', 'gpu-cluster', ...on, '--json')).stdout)
    expect(board.keys.find((k: { key: string }) => k.key === 'presidential-administration').status).toBe(
      'turned',
    )
  })

  it("shows the server's refusal with its code, and what explain says", async () => {
    const on = ['--server', url]
    const refused = await twokeys(
      'decide',
      'gpu-cluster',
      ...on,
      '--key',
      demoKey('pa-aide'),
      '--key-id',
      'government-apparatus',
      '--decision',
      'approve',
    )
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/refused \((NOT_AUTHORIZED|REFUSED)\)/)
    const unsigned = await twokeys(
      'decide',
      'gpu-cluster',
      ...on,
      '--by',
      'grigorenko',
      '--key-id',
      'government-apparatus',
      '--decision',
      'approve',
    )
    expect(unsigned.code).toBe(1)
    expect(unsigned.stdout).toMatch(/UNAUTHENTICATED/)
    const explain = await twokeys(
      'explain',
      'decide',
      'gpu-cluster',
      ...on,
      '--by',
      'grigorenko',
      '--key-id',
      'government-apparatus',
      '--decision',
      'approve',
    )
    expect(explain.code, explain.stdout + explain.stderr).toBe(0)
    expect(explain.stdout).toMatch(/would be accepted/)
    expect((await twokeys('status', 'nobody', ...on)).stderr).toMatch(/nobody/)
  })
})
