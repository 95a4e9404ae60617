import { afterEach, describe, expect, it } from 'vitest'
import { createClassroomServer } from '../../src/classroom/createClassroomServer.js'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { memoryStore } from '../../src/stores/memoryStore.js'

// Who may open a session (the operator token), and how often one client may call (the rate limit).

const policy = loadPolicyFile('machines/policies/two-keys.yaml')
type Server = Awaited<ReturnType<typeof createClassroomServer>>
const running: Server[] = []
afterEach(async () => {
  for (const server of running.splice(0)) await server.app.close()
})

async function server(options: Partial<Parameters<typeof createClassroomServer>[0]> = {}) {
  const made = await createClassroomServer({ policy, storeFor: () => memoryStore(), ...options })
  running.push(made)
  return made
}

const openWith = (app: Server['app'], authorization?: string, ip = '127.0.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/sessions',
    remoteAddress: ip,
    headers: authorization === undefined ? {} : { authorization },
  })

describe('twokeys classroom: who may open a session', () => {
  it('needs the operator token: 401 without one, 403 with another, 201 with it', async () => {
    const { app, operatorToken, sessions } = await server()
    expect(operatorToken).toMatch(/^[A-Za-z0-9]{32}$/)
    const without = await openWith(app)
    expect(without.statusCode).toBe(401)
    expect(without.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('send Authorization: Bearer <operator token>'),
    })
    const notBearer = await openWith(app, `Basic ${operatorToken}`)
    expect(notBearer.statusCode).toBe(401)
    const wrong = await openWith(app, `Bearer ${operatorToken}x`)
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json()).toMatchObject({
      code: 'NOT_AUTHORIZED',
      message: expect.stringContaining("not this server's operator token"),
    })
    expect(sessions.size).toBe(0)
    const opened = await openWith(app, `Bearer ${operatorToken}`)
    expect(opened.statusCode).toBe(201)
    expect(sessions.size).toBe(1)
    // A teacher token is not the operator's: it opens nothing.
    const teacher = await openWith(app, `Bearer ${opened.json().teacherToken}`)
    expect(teacher.statusCode).toBe(403)
    expect(sessions.size).toBe(1)
  })

  it('takes the operator token it is given, and each server makes its own', async () => {
    const given = await server({ operatorToken: 'Op3rat0rT0ken' })
    expect((await openWith(given.app, 'Bearer Op3rat0rT0ken')).statusCode).toBe(201)
    const a = await server()
    const b = await server()
    expect(a.operatorToken).not.toBe(b.operatorToken)
    expect((await openWith(b.app, `Bearer ${a.operatorToken}`)).statusCode).toBe(403)
  })
})

describe('twokeys classroom: a rate limit per client', () => {
  it('answers 429 with Retry-After past the limit, for that client only', async () => {
    const { app, operatorToken } = await server({ rateLimit: { max: 3, timeWindow: 60_000 } })
    const opened = (await openWith(app, `Bearer ${operatorToken}`, '10.0.0.1')).json()
    const read = (ip: string) =>
      app.inject({ method: 'GET', url: `/api/sessions/${opened.sessionId}`, remoteAddress: ip })
    expect((await read('10.0.0.1')).statusCode).toBe(200)
    expect((await read('10.0.0.1')).statusCode).toBe(200)
    const over = await read('10.0.0.1')
    expect(over.statusCode).toBe(429)
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60)
    expect(over.json()).toMatchObject({
      code: 'LIMIT_REACHED',
      message: expect.stringContaining('too many requests from this address: at most 3 per 1 minute'),
    })
    // Another phone is not held back by this one.
    expect((await read('10.0.0.2')).statusCode).toBe(200)
    // A wrong token from a third address is refused for what it is, not for the first one's count.
    expect((await openWith(app, 'Bearer guess', '10.0.0.3')).statusCode).toBe(403)
  })

  it('counts 600 requests a minute by default, and none with rateLimit: false', async () => {
    const limited = await server()
    const answer = await limited.app.inject({ method: 'GET', url: '/api/join/AAAAAA' })
    expect(answer.headers['x-ratelimit-limit']).toBe('600')
    const free = await server({ rateLimit: false })
    const many = await Promise.all(
      Array.from({ length: 700 }, () => free.app.inject({ method: 'GET', url: '/api/join/AAAAAA' })),
    )
    expect(many.every((a) => a.statusCode === 404)).toBe(true)
  })
})
