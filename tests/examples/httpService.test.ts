import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../examples/http-service/server.js'
import { verifyAudit } from '../../src/audit/verifyAudit.js'
import { proposal, sign, signedEngine } from '../serve/serveFixture.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await createApp(await signedEngine())
})
afterAll(async () => {
  await app.close()
})

describe('examples/http-service: twokeys mounted inside your own app', () => {
  it('keeps your routes, and serves the governance API under its prefix with its OpenAPI document', async () => {
    expect((await app.inject({ url: '/' })).json()).toMatchObject({ governance: '/governance/docs' })
    const doc = (await app.inject({ url: '/governance/openapi.json' })).json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/governance/commands', '/governance/initiatives/{id}']),
    )
    expect((await app.inject({ url: '/governance/healthz' })).json()).toEqual({ status: 'ok' })
  })

  it('runs an approval with signed commands, and refuses an unsigned one and a name in a header', async () => {
    const proposed = await app.inject({
      method: 'POST',
      url: '/governance/commands',
      payload: proposal('kazan'),
    })
    expect(proposed.statusCode, proposed.body).toBe(201)
    const submit = sign({
      type: 'submit',
      initiativeId: 'kazan',
      commandId: 'kazan-submit',
      by: 'gov-tatarstan',
    })
    expect(
      (await app.inject({ method: 'POST', url: '/governance/commands', payload: submit })).statusCode,
    ).toBe(201)
    const revision = (await app.inject({ url: '/governance/initiatives/kazan' })).json().revision.hash
    const approve = {
      type: 'decide' as const,
      initiativeId: 'kazan',
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve' as const,
      revision,
    }
    const unsigned = await app.inject({
      method: 'POST',
      url: '/governance/commands',
      headers: { 'x-principal': 'oreshkin' },
      payload: { ...approve, commandId: 'pa-unsigned' },
    })
    expect(unsigned.statusCode).toBe(401)
    const signed = await app.inject({
      method: 'POST',
      url: '/governance/commands',
      payload: sign({ ...approve, commandId: 'pa-signed' }),
    })
    expect(signed.statusCode, signed.body).toBe(201)
    const history = (await app.inject({ url: '/governance/initiatives/kazan/history' })).json()
    expect(history.map((e: { event: { type: string } }) => e.event.type)).toEqual([
      'PROPOSE',
      'SUBMIT',
      'DECIDE',
    ])
    expect(verifyAudit(history).ok).toBe(true)
  })

  it("answers unknown governance routes with the service's error body", async () => {
    const none = await app.inject({ url: '/governance/nowhere' })
    expect(none.statusCode).toBe(404)
    expect(none.json()).toMatchObject({ code: 'NOT_FOUND' })
  })
})
