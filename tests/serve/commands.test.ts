import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/createEngine.js'
import { createServer } from '../../src/serve/createServer.js'
import { ErrorBodySchema, ReceiptSchema, SecurityLogSchema } from '../../src/serve/schemas.js'
import { proposal, sign, signedPolicy, signedServer } from './serveFixture.js'

const post = (app: Awaited<ReturnType<typeof signedServer>>['app'], payload: unknown) =>
  app.inject({ method: 'POST', url: '/commands', payload: payload as object })

/** Proposes and submits `id`; answers the revision hash a decision must name. */
async function inReview(app: Awaited<ReturnType<typeof signedServer>>['app'], id: string) {
  expect((await post(app, proposal(id))).statusCode).toBe(201)
  const submitted = await post(
    app,
    sign({ type: 'submit', initiativeId: id, commandId: `${id}-submit`, by: 'gov-tatarstan' }),
  )
  expect(submitted.statusCode).toBe(201)
  return ReceiptSchema.parse(submitted.json()).board.revision.hash
}

describe('POST /commands', () => {
  it('takes signed commands and answers the receipt; a repeat answers the first one (replayed)', async () => {
    const { app } = await signedServer()
    const first = await post(app, proposal('kazan'))
    expect(first.statusCode).toBe(201)
    const receipt = ReceiptSchema.parse(first.json())
    expect(receipt).toMatchObject({ initiativeId: 'kazan', seq: 1, replayed: false })
    expect(receipt.event.command?.signature?.keyId).toBe('gov-tatarstan-demo')
    const again = await post(app, proposal('kazan'))
    expect(again.statusCode).toBe(200)
    expect(ReceiptSchema.parse(again.json())).toMatchObject({ seq: 1, replayed: true })

    const revision = await (async () => {
      const s = await post(
        app,
        sign({ type: 'submit', initiativeId: 'kazan', commandId: 'kazan-submit', by: 'gov-tatarstan' }),
      )
      return ReceiptSchema.parse(s.json()).board.revision.hash
    })()
    const decided = await post(
      app,
      sign({
        type: 'decide',
        initiativeId: 'kazan',
        commandId: 'kazan-pa',
        by: 'oreshkin',
        key: 'presidential-administration',
        decision: 'approve',
        revision,
      }),
    )
    expect(decided.statusCode).toBe(201)
    expect(ReceiptSchema.parse(decided.json()).board.keys[0]?.status).toBe('turned')
  })

  it('refuses an unsigned command with 401, before the engine sees it', async () => {
    const { app, engine } = await signedServer()
    await inReview(app, 'kazan')
    const unsigned = await post(app, {
      type: 'decide',
      initiativeId: 'kazan',
      commandId: 'u1',
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
    })
    expect(unsigned.statusCode).toBe(401)
    expect(ErrorBodySchema.parse(unsigned.json())).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(unsigned.json().message).toMatch(/not signed/)
    // A name in a header is not an identity either.
    const withHeader = await app.inject({
      method: 'POST',
      url: '/commands',
      headers: { 'x-principal': 'oreshkin', authorization: 'Bearer whatever' },
      payload: { type: 'submit', initiativeId: 'kazan', commandId: 'u2', by: 'gov-tatarstan' },
    })
    expect(withHeader.statusCode).toBe(401)
    expect((await engine.history('kazan')).length).toBe(2)
  })

  it("refuses with 403 a signature that is not the actor's (an aide signing for grigorenko)", async () => {
    const { app } = await signedServer()
    const revision = await inReview(app, 'kazan')
    const forged = sign(
      {
        type: 'decide',
        initiativeId: 'kazan',
        commandId: 'forged',
        by: 'grigorenko',
        key: 'government-apparatus',
        decision: 'approve',
        revision,
      },
      'ga-aide',
    )
    const res = await post(app, forged)
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(res.json().reasons.join(' ')).toMatch(/belongs to "ga-aide".*acts as "grigorenko"/)
    // The engine kept the attempt in the security log, as sent, under an id of its own: a forgery
    // does not use up the command id it names.
    const log = SecurityLogSchema.parse((await app.inject({ url: '/security-log?initiative=kazan' })).json())
    expect(log.map((r) => [(r.command as { commandId?: string }).commandId, r.code])).toEqual([
      ['forged', 'UNAUTHENTICATED'],
    ])
    expect(log[0]?.commandId).not.toBe('forged')
  })

  it('refuses a signature replayed onto another initiative (403) or under a used command id (400)', async () => {
    const { app } = await signedServer()
    const revision = await inReview(app, 'kazan')
    await inReview(app, 'samara')
    const signed = sign({
      type: 'decide',
      initiativeId: 'kazan',
      commandId: 'kazan-pa',
      by: 'oreshkin',
      key: 'presidential-administration',
      decision: 'approve',
      revision,
    })
    expect((await post(app, signed)).statusCode).toBe(201)
    // The same signature on another initiative and a fresh id: it covers both, so it does not verify.
    const moved = await post(app, { ...signed, initiativeId: 'samara', commandId: 'samara-pa' })
    expect(moved.statusCode).toBe(403)
    expect(moved.json().code).toBe('UNAUTHENTICATED')
    expect(moved.json().reasons.join(' ')).toMatch(/does not verify/)
    // The same signature on another initiative under the used id: the id names another command.
    const reused = await post(app, { ...signed, initiativeId: 'samara' })
    expect(reused.statusCode).toBe(400)
    expect(reused.json()).toMatchObject({ code: 'COMMAND_INVALID' })
    expect(reused.json().message).toMatch(/already used for a different command/)
  })

  it('answers a refusal by the rules with 422 and its code', async () => {
    const { app } = await signedServer()
    const revision = await inReview(app, 'kazan')
    const own = await post(
      app,
      sign({
        type: 'decide',
        initiativeId: 'kazan',
        commandId: 'self',
        by: 'gov-tatarstan',
        key: 'presidential-administration',
        decision: 'approve',
        revision,
      }),
    )
    expect(own.statusCode).toBe(422)
    expect(own.json().code).toBe('NOT_AUTHORIZED')
    expect(own.json().reasons.length).toBeGreaterThan(0)
    const metrics = (await app.inject({ url: '/metrics' })).body
    expect(metrics).toMatch(/twokeys_refusals_total\{code="NOT_AUTHORIZED"\} 1/)
    expect(metrics).toMatch(/twokeys_commands_total\{type="decide",outcome="refused"\} 1/)
    expect(metrics).toMatch(/twokeys_commands_total\{type="propose",outcome="accepted"\} 1/)
    expect(metrics).toMatch(/twokeys_command_duration_seconds_count\{type="submit"\} 1/)
  })

  it('answers 400 with located issues for an invalid command, 413 past the body limit, 415 for non-JSON', async () => {
    const { app } = await signedServer({ bodyLimit: 2048 })
    const invalid = await post(app, { type: 'decide', by: 'oreshkin', signature: { keyId: 'k', value: 'x' } })
    expect(invalid.statusCode).toBe(400)
    const body = ErrorBodySchema.parse(invalid.json())
    expect(body.code).toBe('COMMAND_INVALID')
    expect(body.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['initiativeId', 'key']))
    const big = await post(app, { ...proposal('big'), summary: 'x'.repeat(4000) })
    expect(big.statusCode).toBe(413)
    expect(big.json().code).toBe('COMMAND_INVALID')
    const textBody = await app.inject({
      method: 'POST',
      url: '/commands',
      headers: { 'content-type': 'text/plain' },
      payload: 'submit kazan',
    })
    expect(textBody.statusCode).toBe(415)
    const broken = await app.inject({
      method: 'POST',
      url: '/commands',
      headers: { 'content-type': 'application/json' },
      payload: '{"type":',
    })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().code).toBe('COMMAND_INVALID')
  })

  it('will not serve a policy without identity: signed unless allowUnsigned says so', async () => {
    const asserted = { ...signedPolicy, identity: 'asserted' as const }
    const engine = createEngine({ policy: asserted })
    await expect(createServer({ engine })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/identity: asserted.*allow-unsigned/s),
    })
    const app = await createServer({ engine, allowUnsigned: true, rateLimit: false })
    const res = await post(app, {
      type: 'propose',
      by: 'minzifry',
      title: 'GPU cluster',
      objective: 'infrastructure',
      scope: { kind: 'federal' },
    })
    expect(res.statusCode).toBe(201)
  })
})
