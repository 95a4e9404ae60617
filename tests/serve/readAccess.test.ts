import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ReadAccess } from '../../src/serve/readAccess.js'
import { proposal, sign, signedServer } from './serveFixture.js'

const ISSUER = 'https://idp.example'
const AUDIENCE = 'twokeys'
let access: ReadAccess
let privateKey: CryptoKey
let otherKey: CryptoKey

async function token(
  claims: { sub?: string; aud?: string; iss?: string; exp?: number | string } = {},
  key = privateKey,
) {
  let jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
    .setIssuedAt()
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setExpirationTime(claims.exp ?? '5m')
  if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub)
  return jwt.sign(key)
}

beforeAll(async () => {
  const pair = await generateKeyPair('ES256')
  privateKey = pair.privateKey
  otherKey = (await generateKeyPair('ES256')).privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'ES256' }
  access = {
    reads: 'jwt',
    keys: createLocalJWKSet({ keys: [jwk] }),
    issuer: ISSUER,
    audience: AUDIENCE,
    principals: { 'user-17': 'oreshkin' },
  }
})

describe('reads behind a bearer JWT', () => {
  it('answers a valid token whose subject is mapped; 401 without, expired, forged or for another audience; 403 unmapped', async () => {
    const { app } = await signedServer({ auth: access })
    const get = (authorization?: string) =>
      app.inject({ url: '/initiatives', headers: authorization === undefined ? {} : { authorization } })
    expect((await get(`Bearer ${await token({ sub: 'user-17' })}`)).statusCode).toBe(200)

    const none = await get()
    expect(none.statusCode).toBe(401)
    expect(none.json()).toMatchObject({ code: 'UNAUTHENTICATED' })

    const expired = await get(
      `Bearer ${await token({ sub: 'user-17', exp: Math.floor(Date.now() / 1000) - 60 })}`,
    )
    expect(expired.statusCode).toBe(401)
    expect(expired.json().message).toMatch(/expired/)

    expect((await get(`Bearer ${await token({ sub: 'user-17' }, otherKey)}`)).statusCode).toBe(401)
    expect((await get(`Bearer ${await token({ sub: 'user-17', aud: 'other' })}`)).statusCode).toBe(401)
    expect(
      (await get(`Bearer ${await token({ sub: 'user-17', iss: 'https://evil.example' })}`)).statusCode,
    ).toBe(401)
    const unmapped = await get(`Bearer ${await token({ sub: 'user-99' })}`)
    expect(unmapped.statusCode).toBe(403)
    expect(unmapped.json().message).toMatch(/not mapped/)
    // `__proto__` and friends are not principals.
    expect((await get(`Bearer ${await token({ sub: 'constructor' })}`)).statusCode).toBe(403)
  })

  it('keeps probes open and writes on signatures: a token neither needed nor enough for a command', async () => {
    const { app } = await signedServer({ auth: access })
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/openapi.json' })).statusCode).toBe(200)
    expect(
      (await app.inject({ method: 'POST', url: '/commands', payload: proposal('kazan') })).statusCode,
    ).toBe(201)
    const unsigned = await app.inject({
      method: 'POST',
      url: '/commands',
      headers: { authorization: `Bearer ${await token({ sub: 'user-17' })}` },
      payload: { type: 'submit', initiativeId: 'kazan', commandId: 'x', by: 'gov-tatarstan' },
    })
    expect(unsigned.statusCode).toBe(401)
    expect((await app.inject({ url: '/initiatives/kazan' })).statusCode).toBe(401)
    const doc = (await app.inject({ url: '/openapi.json' })).json()
    expect(doc.paths['/initiatives'].get.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/commands'].post.security).toBeUndefined()
  })
})

describe('rate limit', () => {
  it('counts per signed actor for commands and per principal or IP for reads', async () => {
    const { app } = await signedServer({ rateLimit: { max: 2, timeWindow: '1 minute' } })
    const commands = [
      proposal('a'),
      sign({ type: 'submit', initiativeId: 'a', commandId: 'a-submit', by: 'gov-tatarstan' }),
      proposal('b'),
    ]
    const answers = []
    for (const c of commands)
      answers.push((await app.inject({ method: 'POST', url: '/commands', payload: c })).statusCode)
    expect(answers).toEqual([201, 201, 429])
    // Another signed actor, from the same address, has a budget of its own.
    const other = sign({
      type: 'propose',
      initiativeId: 'c',
      commandId: 'c-propose',
      by: 'minpromtorg',
      title: 'AI suite',
      objective: 'export',
      scope: { kind: 'export', destinations: ['kazakhstan'] },
    })
    expect((await app.inject({ method: 'POST', url: '/commands', payload: other })).statusCode).toBe(201)
    const limited = await app.inject({ method: 'POST', url: '/commands', payload: proposal('d') })
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ code: 'LIMIT_REACHED' })
    // A name without its actor's signature is not the actor: it counts against the IP, not gov-tatarstan.
    const forged = sign(proposal('e'), 'pa-aide')
    expect((await app.inject({ method: 'POST', url: '/commands', payload: forged })).statusCode).toBe(403)
    const reads = []
    for (let i = 0; i < 2; i++) reads.push((await app.inject({ url: '/initiatives' })).statusCode)
    expect(reads).toEqual([200, 429])
    expect((await app.inject({ url: '/initiatives', remoteAddress: '10.0.0.9' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200)
  })
})
